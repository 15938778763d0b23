import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { EXAMPLE_ID, idInput, ownerNames, requireContact } from '../companies/crm-records.ts';
import { contactCompany, contactLabel, contactView, toContactView } from './contact-view.ts';

export const archiveContact = defineTool({
  name: 'archive_contact',
  title: 'Archive a contact',
  description: 'Archives a contact: they leave lists; their emails, deals and timeline stay (nothing is deleted). update_contact {is_active: true} restores them.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  hints: { idempotent: true },
  input: z.object({ contact_id: idInput.describe('Id of the contact to archive.') }),
  output: z.object({ contact: contactView, already_archived: z.boolean() }),
  example: { contact_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const before = await requireContact(ctx.db, input.contact_id);
    const company = await contactCompany(ctx, before.companyId);
    if (!before.isActive) return { contact: toContactView(before, company, await ownerNames(ctx, [before])), already_archived: true };
    const contact = await ctx.db.contact.update({ where: { id: before.id }, data: { isActive: false }, include: { emails: true } });
    await recordActivity(ctx, { subjects: [{ type: 'contact', id: contact.id }], kind: 'archived', summary: `${await actorName(ctx)} archived ${contactLabel(contact)}` });
    return { contact: toContactView(contact, company, await ownerNames(ctx, [contact])), already_archived: false };
  },
});
