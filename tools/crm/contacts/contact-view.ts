import { z } from 'zod';
import type { Contact, ContactEmail } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { LIFECYCLES } from '../companies/crm-records.ts';

export const socialHandlesInput = z
  .record(z.string().trim().toLowerCase().regex(/^[a-z0-9_]{1,30}$/, 'must be a network name like instagram'), z.string().trim().min(1).max(100).transform((handle) => handle.replace(/^@/, '')))
  .describe('Handles by network, without "@": {"instagram": "ana.ruiz", "tiktok": "anaruiz"}.');

export const contactView = z.object({
  id: z.string(),
  name: z.string(),
  emails: z.array(z.object({ email: z.string(), is_primary: z.boolean() })).describe('Exactly one is primary when there are any.'),
  primary_email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  company: z.object({ id: z.string(), name: z.string() }).nullable(),
  lifecycle: z.enum(LIFECYCLES),
  owner: z.string().nullable().describe("The owning member's name (or email)."),
  tags: z.array(z.string()),
  social_handles: z.record(z.string(), z.string()),
  source: z.string().describe('manual, import or email (an unknown sender of a captured email).'),
  is_active: z.boolean(),
  merged_into_id: z.string().nullable(),
  updated_at: z.string(),
});
export type ContactView = z.input<typeof contactView>;

type ContactWithEmails = Contact & { emails: ContactEmail[] };

export function sortedEmails(emails: readonly Pick<ContactEmail, 'email' | 'isPrimary' | 'createdAt'>[]) {
  return [...emails].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.createdAt.getTime() - b.createdAt.getTime());
}

export function toContactView(contact: ContactWithEmails, company: { id: string; name: string } | null, owners: ReadonlyMap<string, string>): ContactView {
  const emails = sortedEmails(contact.emails);
  return {
    id: contact.id,
    name: contact.name,
    emails: emails.map((email) => ({ email: email.email, is_primary: email.isPrimary })),
    primary_email: emails.find((email) => email.isPrimary)?.email ?? null,
    phone: contact.phone,
    title: contact.title,
    company,
    lifecycle: contact.lifecycle,
    owner: contact.ownerId ? (owners.get(contact.ownerId) ?? null) : null,
    tags: contact.tags,
    social_handles: (contact.socialHandles ?? {}) as Record<string, string>,
    source: contact.source,
    is_active: contact.isActive,
    merged_into_id: contact.mergedIntoId,
    updated_at: contact.updatedAt.toISOString(),
  };
}

/**
 * The addresses a contact will have, lower-case and without repeats, with the primary one: the
 * given primary (which must be one of them), else the first. Empty when no address is given.
 */
export function emailSet(emails: readonly string[], primary: string | undefined, field = 'primary_email'): { emails: string[]; primary: string | null } {
  const list = [...new Set(emails.map((email) => email.trim().toLowerCase()))];
  const wanted = primary?.trim().toLowerCase();
  if (wanted !== undefined && !list.includes(wanted)) throw invalidInput(field, `${primary} is not one of the contact's emails`);
  return { emails: list, primary: wanted ?? list[0] ?? null };
}

/** A conflict naming the contact when one of `emails` already belongs to another contact. */
export async function assertEmailsFree(ctx: Pick<ToolContext, 'db'>, emails: readonly string[], exceptContactId?: string): Promise<void> {
  if (!emails.length) return;
  const taken = await ctx.db.contactEmail.findFirst({
    where: { email: { in: [...emails] }, ...(exceptContactId ? { contactId: { not: exceptContactId } } : {}) },
    select: { email: true, contact: { select: { name: true, isActive: true } } },
  });
  if (taken) throw conflict(`emails: ${taken.email} is already an address of contact '${taken.contact.name}'${taken.contact.isActive ? '' : ' (archived)'}`);
}

/** Replaces the contact's addresses with `emails`, exactly one of them primary. */
export async function storeEmails(ctx: Pick<ToolContext, 'db' | 'orgId'>, contactId: string, set: { emails: string[]; primary: string | null }): Promise<void> {
  await ctx.db.contactEmail.deleteMany({ where: { contactId, email: { notIn: set.emails } } });
  const existing = new Set((await ctx.db.contactEmail.findMany({ where: { contactId }, select: { email: true } })).map((row) => row.email));
  const added = set.emails.filter((email) => !existing.has(email));
  if (added.length) await ctx.db.contactEmail.createMany({ data: added.map((email) => ({ organizationId: ctx.orgId, contactId, email, isPrimary: false })) });
  await ctx.db.contactEmail.updateMany({ where: { contactId }, data: { isPrimary: false } });
  if (set.primary) await ctx.db.contactEmail.updateMany({ where: { contactId, email: set.primary }, data: { isPrimary: true } });
}

export async function contactCompany(ctx: Pick<ToolContext, 'db'>, companyId: string | null) {
  if (!companyId) return null;
  return ctx.db.company.findUnique({ where: { id: companyId }, select: { id: true, name: true } });
}

export function contactLabel(contact: { name: string }): string {
  return `contact '${contact.name}'`;
}
