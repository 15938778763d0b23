import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { companyForClient } from '../../crm/companies/client-company.ts';
import { recordActivity } from './activity.ts';
import { clientView, toClientView } from './client-view.ts';
import { nameInput } from './inputs.ts';

export const createClient = defineTool({
  name: 'create_client',
  title: 'Create a client',
  description: 'Adds a client (a label or artist team that buys playlist campaigns), linked to its CRM company (the company of that name, else a new one of type CLIENT). Returns the client with its id.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  input: z.object({
    name: nameInput.describe('Client name, e.g. "Nightfall Records".'),
    emails: z.array(z.email()).max(20).default([]).describe('Contact email addresses.'),
    contact_person: z.string().trim().min(1).max(200).optional().describe('Main contact at the client.'),
    phone: z.string().trim().min(1).max(50).optional().describe('Contact phone number.'),
  }),
  output: clientView,
  async handler(ctx, input) {
    // The client is a company in the CRM too: an existing one of that name, else a new one of type CLIENT.
    const companyId = await companyForClient(ctx, input.name);
    const client = await ctx.db.client.create({
      data: { organizationId: ctx.orgId, companyId, name: input.name, emails: input.emails, contactPerson: input.contact_person, phone: input.phone },
    });
    await recordActivity(ctx, { subjectType: 'client', subjectId: client.id, kind: 'created', summary: `Client ${client.name} created` });
    return toClientView(client);
  },
});
