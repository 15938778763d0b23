import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput, ToolError } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { memberNames } from '../timeline/actor-name.ts';

export { EXAMPLE_ID } from '../../campaigns/records/inputs.ts';

/** A record id (ids are opaque strings). */
export const idInput = z.string().trim().min(1, 'must not be empty');
/** A record's display name: trimmed, never empty. */
export const nameInput = z.string().trim().min(1, 'must not be empty').max(200);
/** Tags are stored trimmed and lower-case, without repeats, so filters match whatever case was typed. */
export const tagsInput = z.array(z.string().trim().min(1).max(60)).max(50);
/** A member of the organisation, by email. */
export const ownerEmailInput = z.email().max(320);

export const SIZE_BANDS = ['1', '2-10', '11-50', '51-200', '201-1000', '1000+'] as const;
export const COMPANY_TYPES = ['PROSPECT', 'CLIENT', 'PARTNER', 'VENDOR'] as const;
export const LIFECYCLES = ['SUBSCRIBER', 'LEAD', 'MARKETING_QUALIFIED', 'SALES_QUALIFIED', 'OPPORTUNITY', 'CUSTOMER', 'EVANGELIST', 'OTHER'] as const;

export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLocaleLowerCase('en')).filter(Boolean))];
}

/** acme.com from "https://www.Acme.com/about"; null when nothing domain-like is left. */
export function normalizeDomain(text: string): string | null {
  const domain = text.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^www\./, '').split(/[/?#:]/)[0]!.replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}

export const domainInput = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .transform((text, issue) => {
    const domain = normalizeDomain(text);
    if (!domain) {
      issue.addIssue({ code: 'custom', message: 'is not a domain (e.g. acme.com)' });
      return z.NEVER;
    }
    return domain;
  });

/** not_found naming the input field, the same whether the record never existed or is another organisation's. */
export function missing(field: string, entity: string, id: string): ToolError {
  const message = `no ${entity} with id ${id} in this organisation`;
  return new ToolError('not_found', `${field}: ${message}.`, [{ path: field, message }]);
}

/** The user id of the member with this email; an unknown email is invalid_input naming it. */
export async function resolveMember(ctx: Pick<ToolContext, 'db'>, email: string, field: string): Promise<string> {
  const member = await ctx.db.membership.findFirst({ where: { user: { email: { equals: email.trim(), mode: 'insensitive' } } }, select: { userId: true } });
  if (!member) throw invalidInput(field, `${email} is not a member of this organisation`);
  return member.userId;
}

/** undefined: leave as is; null: clear; else the member's user id. */
export async function ownerChange(ctx: Pick<ToolContext, 'db'>, email: string | null | undefined, field = 'owner'): Promise<string | null | undefined> {
  if (email === undefined || email === null) return email;
  return resolveMember(ctx, email, field);
}

/** Display names of the owners of `rows` (name, else email), by user id. */
export async function ownerNames(ctx: Pick<ToolContext, 'db'>, rows: ReadonlyArray<{ ownerId: string | null }>): Promise<Map<string, string>> {
  return memberNames(ctx, rows.map((row) => row.ownerId).filter((id): id is string => id !== null));
}

export async function requireCompany(db: ToolDb, id: string, field = 'company_id') {
  const company = await db.company.findUnique({ where: { id } });
  if (!company) throw missing(field, 'company', id);
  return company;
}

export async function requireContact(db: ToolDb, id: string, field = 'contact_id') {
  const contact = await db.contact.findUnique({ where: { id }, include: { emails: { orderBy: [{ isPrimary: 'desc' }, { createdAt: 'asc' }] } } });
  if (!contact) throw missing(field, 'contact', id);
  return contact;
}

/** "name, phone" list of what an update changed. */
export function fieldList(fields: readonly string[]): string {
  return fields.map((field) => field.replace(/_/g, ' ')).join(', ');
}

/** Upper-case enum values as people write them: MARKETING_QUALIFIED -> "Marketing qualified". */
export function enumLabel(value: string): string {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
