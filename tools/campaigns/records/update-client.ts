import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { renameClientCompany } from '../../crm/companies/client-company.ts';
import { invalidInput } from '../../registry/errors.ts';
import { changedFieldsSummary, recordActivity } from './activity.ts';
import { clientView, toClientView } from './client-view.ts';
import { EXAMPLE_ID, givenFields, idInput, nameInput } from './inputs.ts';
import { requireClient } from './lookups.ts';

const FIELDS = ['name', 'emails', 'contact_person', 'phone', 'is_active'] as const;

export const updateClient = defineTool({
  name: 'update_client',
  title: 'Update a client',
  description: 'Changes a client\'s name or contact details, or restores an archived client (is_active: true); only the fields given change (null clears contact_person or phone). Returns the client.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  input: z.object({
    client_id: idInput.describe('Id of the client to change.'),
    name: nameInput.optional().describe('New name.'),
    emails: z.array(z.email()).max(20).optional().describe('Replaces the contact email addresses.'),
    contact_person: z.string().trim().min(1).max(200).nullable().optional().describe('Main contact; null clears it.'),
    phone: z.string().trim().min(1).max(50).nullable().optional().describe('Phone number; null clears it.'),
    is_active: z.boolean().optional().describe('true restores an archived client; false archives it (like archive_client).'),
  }),
  output: clientView,
  example: { client_id: EXAMPLE_ID, phone: '+34 600 000 000' },
  async handler(ctx, input) {
    await requireClient(ctx.db, input.client_id);
    const changed = givenFields(input, FIELDS);
    if (changed.length === 0) throw invalidInput('input', `give at least one field to change (${FIELDS.join(', ')})`);
    const client = await ctx.db.client.update({
      where: { id: input.client_id },
      data: { name: input.name, emails: input.emails, contactPerson: input.contact_person, phone: input.phone, isActive: input.is_active },
    });
    // Its CRM company keeps the client's name.
    if (input.name !== undefined) await renameClientCompany(ctx, client);
    await recordActivity(ctx, {
      subjectType: 'client',
      subjectId: client.id,
      kind: 'updated',
      summary: changedFieldsSummary(`Client ${client.name}`, changed),
      data: { fields: [...changed] },
    });
    return toClientView(client);
  },
});
