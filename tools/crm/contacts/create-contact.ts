import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { idInput, LIFECYCLES, nameInput, normalizeTags, ownerChange, ownerEmailInput, ownerNames, requireCompany, tagsInput } from '../companies/crm-records.ts';
import { assertEmailsFree, contactLabel, contactView, emailSet, socialHandlesInput, storeEmails, toContactView } from './contact-view.ts';

export const contactFields = {
  emails: z.array(z.email()).max(20).describe('Email addresses (stored lower-case); each belongs to one contact only.'),
  primary_email: z.email().describe('Which of emails is primary (default: the first).'),
  phone: z.string().trim().min(1).max(50).describe('Phone number.'),
  title: z.string().trim().min(1).max(200).describe('Job title, e.g. "Artist manager".'),
  company_id: idInput.describe('Id of the contact\'s company (list_companies finds it).'),
  lifecycle: z.enum(LIFECYCLES).describe('SUBSCRIBER, LEAD, MARKETING_QUALIFIED, SALES_QUALIFIED, OPPORTUNITY, CUSTOMER, EVANGELIST or OTHER.'),
  owner: ownerEmailInput.describe('Email of the member who owns the contact.'),
  tags: tagsInput.describe('Free tags (stored lower-case).'),
  social_handles: socialHandlesInput,
};

export const createContact = defineTool({
  name: 'create_contact',
  title: 'Create a contact',
  description: 'Adds a person to the CRM with their emails (one primary), phone, title, company, lifecycle stage, owner and tags. An email already on another contact is a conflict naming that contact. Returns the contact with its id.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  keywords: ['person', 'lead', 'manager', 'people'],
  input: z.object({
    name: nameInput.describe('Full name, e.g. "Ana Ruiz".'),
    emails: contactFields.emails.default([]),
    primary_email: contactFields.primary_email.optional(),
    phone: contactFields.phone.optional(),
    title: contactFields.title.optional(),
    company_id: contactFields.company_id.optional(),
    lifecycle: contactFields.lifecycle.default('LEAD'),
    owner: contactFields.owner.optional(),
    tags: contactFields.tags.default([]),
    social_handles: contactFields.social_handles.default({}),
  }),
  output: contactView,
  example: { name: 'Ana Ruiz', emails: ['ana@acme.com'], lifecycle: 'LEAD' },
  async handler(ctx, input) {
    const { contact, company } = await createContactRecord(ctx, input);
    return toContactView(contact, company && { id: company.id, name: company.name }, await ownerNames(ctx, [contact]));
  },
});

export interface NewContact {
  name: string;
  emails: string[];
  primary_email?: string;
  phone?: string;
  title?: string;
  company_id?: string;
  lifecycle: (typeof LIFECYCLES)[number];
  owner?: string;
  tags: string[];
  social_handles: Record<string, string>;
}

/**
 * Creates a contact with its emails and its "created" timeline entry (on the contact and its
 * company), in the caller's transaction: create_contact, and create_creator with a new person.
 * A taken email is a conflict naming its contact; an unknown company or owner names the field.
 */
export async function createContactRecord(ctx: ToolContext, input: NewContact) {
  const set = emailSet(input.emails, input.primary_email);
  const company = input.company_id ? await requireCompany(ctx.db, input.company_id) : null;
  await assertEmailsFree(ctx, set.emails);
  const ownerId = await ownerChange(ctx, input.owner);
  const created = await ctx.db.contact.create({
    data: {
      organizationId: ctx.orgId,
      name: input.name,
      phone: input.phone,
      title: input.title,
      companyId: company?.id,
      lifecycle: input.lifecycle,
      ownerId,
      tags: normalizeTags(input.tags),
      socialHandles: input.social_handles,
      source: 'manual',
    },
  });
  await storeEmails(ctx, created.id, set);
  const contact = await ctx.db.contact.findUniqueOrThrow({ where: { id: created.id }, include: { emails: true } });
  await recordActivity(ctx, {
    subjects: [{ type: 'contact', id: contact.id }, ...(company ? [{ type: 'company' as const, id: company.id }] : [])],
    kind: 'created',
    summary: `${await actorName(ctx)} created ${contactLabel(contact)}${company ? ` at '${company.name}'` : ''}`,
  });
  return { contact, company };
}
