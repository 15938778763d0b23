import { z } from 'zod';
import { invalidInput } from './errors.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Input fields every list tool shares. */
export const pageInput = {
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`Rows per page (1-${MAX_PAGE_SIZE}).`),
  cursor: z.string().optional().describe('next_cursor from the previous page; omit for the first page.'),
};

export const nextCursorOutput = z.string().nullable().describe('Pass as cursor to get the next page; null on the last page.');

/** Cursors are opaque to callers: the id of the last row of the page, base64url-encoded. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[0-9a-f-]{36}$/.test(id)) throw invalidInput('cursor', 'is not a cursor this tool returned; omit it to start from the first page.');
  return id;
}

/**
 * Keyset pagination over time-ordered ids (newest first by default): spread `idAfter` into the
 * tool's own `where`, pass `take` and `orderBy` as they are, then hand the rows to `toPage`.
 */
export function pageQuery(page: { limit: number; cursor?: string }, direction: 'asc' | 'desc' = 'desc') {
  const afterId = decodeCursor(page.cursor);
  return {
    take: page.limit + 1,
    orderBy: { id: direction },
    idAfter: afterId ? { id: direction === 'desc' ? { lt: afterId } : { gt: afterId } } : {},
  };
}

/** Splits the extra row fetched by `pageArgs` off into a cursor. */
export function toPage<Row extends { id: string }>(rows: Row[], limit: number): { rows: Row[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeCursor(page[page.length - 1]!.id) };
}
