import type { ToolDb } from '../registry/tenant-scope.ts';
import type { StoreOutcome } from './csv-import.ts';

type ColumnType = 'text' | 'int' | 'numeric' | 'date';

/** A table written by `upsertByKey`: its columns (with SQL array types) and its unique key. */
export interface UpsertTable<Columns extends Record<string, ColumnType>> {
  table: string;
  columns: Columns;
  /** The unique constraint's columns, `organizationId` included. */
  key: ReadonlyArray<keyof Columns & string>;
}

export type UpsertRow<Columns extends Record<string, ColumnType>> = { [Name in keyof Columns]: (Columns[Name] extends 'int' ? number : Columns[Name] extends 'date' ? Date : string) | null };

export type UpsertOutcome = StoreOutcome;

/** Rows per statement: small enough that one batch holds the thread for well under 200 ms on PGlite. */
const BATCH = 2000;

/**
 * Inserts rows, overwriting a stored row with the same key only when one of its other columns
 * differs, so re-importing a file changes nothing while a corrected file replaces what it
 * corrects. One `INSERT ... SELECT unnest` statement per batch (one array parameter per column);
 * `xmax = 0` tells a fresh insert from an update on both PostgreSQL and PGlite. The caller stamps
 * `organizationId` on every row, and the key includes it, so no other organisation's row can match.
 */
export async function upsertByKey<Columns extends Record<string, ColumnType>>(
  db: ToolDb,
  target: UpsertTable<Columns>,
  rows: ReadonlyArray<UpsertRow<Columns>>,
): Promise<UpsertOutcome> {
  const names = Object.keys(target.columns);
  const key = new Set<string>(target.key);
  const updated = names.filter((name) => !key.has(name) && name !== 'id');
  const quote = (name: string) => `"${name}"`;
  const statement =
    `WITH written AS (INSERT INTO ${quote(target.table)} (${names.map(quote).join(', ')}) ` +
    `SELECT * FROM unnest(${names.map((name, index) => `$${index + 1}::${target.columns[name]}[]`).join(', ')}) ` +
    `ON CONFLICT (${target.key.map(quote).join(', ')}) DO UPDATE SET ${updated.map((name) => `${quote(name)} = EXCLUDED.${quote(name)}`).join(', ')} ` +
    `WHERE (${updated.map((name) => `${quote(target.table)}.${quote(name)}`).join(', ')}) IS DISTINCT FROM (${updated.map((name) => `EXCLUDED.${quote(name)}`).join(', ')}) ` +
    `RETURNING (xmax = 0) AS inserted) ` +
    `SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS replaced FROM written`;
  const outcome: UpsertOutcome = { inserted: 0, replaced: 0 };
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const columns = names.map((name) => batch.map((row) => serialise(row[name] ?? null, target.columns[name]!)));
    const [counts] = await db.$queryRawUnsafe<Array<{ inserted: number; replaced: number }>>(statement, ...columns);
    outcome.inserted += counts?.inserted ?? 0;
    outcome.replaced += counts?.replaced ?? 0;
    // The embedded database runs on this thread: let other requests' work in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return outcome;
}

function serialise(value: unknown, type: ColumnType): unknown {
  if (value instanceof Date) return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  return value;
}
