import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { notFound } from '../../registry/errors.ts';

export const RECORD_TYPES = ['company', 'contact', 'deal'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** A CRM record a task or note is about. */
export const recordRef = z.object({
  type: z.enum(RECORD_TYPES).describe('company, contact or deal.'),
  id: z.string().uuid().describe('The record id.'),
});
export type RecordRef = z.infer<typeof recordRef>;

export const recordRefOutput = z.object({ type: z.enum(RECORD_TYPES), id: z.string(), name: z.string().describe('The record\'s name, "(deleted)" if it no longer exists.') });

/** The names of records by type and id (this organisation only); ids of other organisations are absent. */
export async function recordNames(ctx: Pick<ToolContext, 'db'>, refs: ReadonlyArray<{ type: string; id: string }>): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(refs.filter((ref) => ref.type === type).map((ref) => ref.id))];
  const [companies, contacts, deals] = await Promise.all([
    ids('company').length ? ctx.db.company.findMany({ where: { id: { in: ids('company') } }, select: { id: true, name: true } }) : [],
    ids('contact').length ? ctx.db.contact.findMany({ where: { id: { in: ids('contact') } }, select: { id: true, name: true } }) : [],
    ids('deal').length ? ctx.db.deal.findMany({ where: { id: { in: ids('deal') } }, select: { id: true, name: true } }) : [],
  ]);
  return new Map([
    ...companies.map((row) => [`company:${row.id}`, row.name] as const),
    ...contacts.map((row) => [`contact:${row.id}`, row.name] as const),
    ...deals.map((row) => [`deal:${row.id}`, row.name] as const),
  ]);
}

/** Each record must exist in this organisation (else not_found); returns their names by `type:id`. */
export async function requireRecords(ctx: Pick<ToolContext, 'db'>, refs: readonly RecordRef[]): Promise<Map<string, string>> {
  const names = await recordNames(ctx, refs);
  for (const ref of refs) if (!names.has(`${ref.type}:${ref.id}`)) throw notFound(ref.type, ref.id);
  return names;
}

/** A record as outputs show it: type, id and name. */
export function describeRef(names: ReadonlyMap<string, string>, type: string, id: string) {
  return { type: type as RecordType, id, name: names.get(`${type}:${id}`) ?? '(deleted)' };
}

/** "deal 'Spring tour'" for summaries. */
export function refPhrase(type: string, name: string): string {
  return `${type} '${name}'`;
}
