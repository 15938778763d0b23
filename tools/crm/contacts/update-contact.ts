import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { EXAMPLE_ID, enumLabel, fieldList, idInput, nameInput, normalizeTags, ownerChange, ownerNames, requireCompany, requireContact } from '../companies/crm-records.ts';
import { assertEmailsFree, contactCompany, contactLabel, contactView, emailSet, storeEmails, toContactView } from './contact-view.ts';
import { contactFields } from './create-contact.ts';
import { refreshSearchDocuments } from '../../creators/search/search-document.ts';

const FIELDS = ['name', 'emails', 'primary_email', 'phone', 'title', 'company_id', 'lifecycle', 'owner', 'tags', 'social_handles', 'is_active'] as const;

export const updateContact = defineTool({
  name: 'update_contact',
  title: 'Update a contact',
  description: 'Changes a contact; only the fields given change (null clears phone, title, company_id or owner). emails replaces the addresses; primary_email alone picks another of them as primary. is_active true restores an archived contact. Returns the contact.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object({
    contact_id: idInput.describe('Id of the contact to change.'),
    name: nameInput.optional().describe('New name.'),
    emails: contactFields.emails.optional().describe('Replaces the addresses (stored lower-case).'),
    primary_email: contactFields.primary_email.optional().describe('Which address is primary: one of emails, or of the current addresses when emails is not given.'),
    phone: contactFields.phone.nullable().optional(),
    title: contactFields.title.nullable().optional(),
    company_id: contactFields.company_id.nullable().optional(),
    lifecycle: contactFields.lifecycle.optional(),
    owner: contactFields.owner.nullable().optional(),
    tags: contactFields.tags.optional().describe('Replaces the tags.'),
    social_handles: contactFields.social_handles.optional().describe('Replaces the handles.'),
    is_active: z.boolean().optional().describe('true restores an archived contact; false archives it.'),
  }),
  output: contactView,
  example: { contact_id: EXAMPLE_ID, title: 'Head of marketing' },
  async handler(ctx, input) {
    const before = await requireContact(ctx.db, input.contact_id);
    const changed = FIELDS.filter((field) => input[field] !== undefined);
    if (changed.length === 0) throw invalidInput('input', `give at least one field to change (${FIELDS.join(', ')})`);
    if (input.is_active === true && before.mergedIntoId) throw invalidInput('is_active', `contact '${before.name}' was merged into another contact and cannot be restored`);
    if (input.company_id) await requireCompany(ctx.db, input.company_id);
    if (input.emails !== undefined || input.primary_email !== undefined) {
      const set = emailSet(input.emails ?? before.emails.map((email) => email.email), input.primary_email);
      await assertEmailsFree(ctx, set.emails, before.id);
      await storeEmails(ctx, before.id, set);
    }
    const ownerId = await ownerChange(ctx, input.owner);
    const contact = await ctx.db.contact.update({
      where: { id: before.id },
      data: {
        name: input.name,
        phone: input.phone,
        title: input.title,
        companyId: input.company_id,
        lifecycle: input.lifecycle,
        ownerId,
        tags: input.tags ? normalizeTags(input.tags) : undefined,
        socialHandles: input.social_handles,
        isActive: input.is_active,
      },
      include: { emails: true },
    });
    if (input.name !== undefined && input.name !== before.name) {
      // A creator's name is part of what creator search reads.
      const creator = await ctx.db.creator.findFirst({ where: { contactId: contact.id }, select: { id: true } });
      if (creator) await refreshSearchDocuments(ctx.db, ctx.orgId, [creator.id], { jobs: ctx.jobs });
    }
    const company = await contactCompany(ctx, contact.companyId);
    const lifecycle = input.lifecycle && input.lifecycle !== before.lifecycle ? ` (lifecycle ${enumLabel(before.lifecycle)} to ${enumLabel(input.lifecycle)})` : '';
    await recordActivity(ctx, {
      subjects: [{ type: 'contact', id: contact.id }],
      kind: input.is_active === true && !before.isActive ? 'restored' : 'updated',
      summary: `${await actorName(ctx)} updated ${contactLabel(contact)}: ${fieldList(changed)}${lifecycle}`,
      data: { fields: [...changed] },
    });
    return toContactView(contact, company, await ownerNames(ctx, [contact]));
  },
});
