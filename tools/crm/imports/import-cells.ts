import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { type CsvRow, RowError } from '../../imports/csv-row.ts';

const email = z.email();

/** A list cell: values separated by ";" (or "|"), trimmed, empty ones dropped. */
export function listCell(row: CsvRow, column: string): string[] {
  return (row.text(column, { optional: true }) ?? '').split(/[;|]/).map((value) => value.trim()).filter(Boolean);
}

/** An email address, lower-case; a bad one is a RowError naming the column. */
export function emailCell(value: string, column: string): string {
  const address = value.trim().toLowerCase();
  if (!email.safeParse(address).success) throw new RowError(`${column} "${value}" is not an email address`);
  return address;
}

/** One of `allowed`, written in any case with spaces or hyphens ("Marketing qualified" for MARKETING_QUALIFIED). */
export function enumCell<Value extends string>(row: CsvRow, column: string, allowed: readonly Value[]): Value | null {
  const text = row.text(column, { optional: true });
  if (text === null) return null;
  const value = text.toUpperCase().replace(/[\s-]+/g, '_');
  if (!(allowed as readonly string[]).includes(value)) throw new RowError(`${column} "${text}" is not one of ${allowed.join(', ')}`);
  return value as Value;
}

/** Owners named by email in a file, resolved to members' user ids; unknown ones are problems on their lines. */
export async function resolveOwners(ctx: Pick<ToolContext, 'db'>, rows: ReadonlyArray<{ line: number; row: { owner: string | null; ownerId?: string | null } }>) {
  const wanted = [...new Set(rows.map(({ row }) => row.owner).filter((owner): owner is string => owner !== null))];
  const members = wanted.length
    ? await ctx.db.membership.findMany({ where: { user: { email: { in: wanted, mode: 'insensitive' } } }, select: { userId: true, user: { select: { email: true } } } })
    : [];
  const byEmail = new Map(members.map((member) => [member.user.email.toLowerCase(), member.userId]));
  const problems: Array<{ line: number; reason: string }> = [];
  for (const { line, row } of rows) {
    if (row.owner === null) continue;
    const userId = byEmail.get(row.owner);
    if (userId) row.ownerId = userId;
    else problems.push({ line, reason: `owner ${row.owner} is not a member of this organisation` });
  }
  return problems;
}
