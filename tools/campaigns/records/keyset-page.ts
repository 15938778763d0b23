import type { Prisma } from '../../../db/generated/prisma/client.ts';

export type SortDirection = 'asc' | 'desc';
type SortValue = string | number | Prisma.Decimal | null;

export interface KeysetSort {
  /** A scalar column of the model. */
  field: string;
  direction: SortDirection;
  /** Whether the column may be null (nulls sort last). */
  nullable: boolean;
}

/**
 * Keyset pagination for lists sorted by a column other than the id (nulls last, ties broken by id
 * in the same direction). The cursor stays the shared one (the last row's id); this turns that row's
 * sort value into the filter for the rows after it.
 */
export function rowsAfter(sort: KeysetSort, last: { id: string; value: SortValue }): Record<string, unknown> {
  const { field, direction, nullable } = sort;
  const beyond = direction === 'asc' ? 'gt' : 'lt';
  if (last.value === null) return { [field]: null, id: { [beyond]: last.id } };
  return {
    OR: [
      { [field]: { [beyond]: last.value } },
      { [field]: last.value, id: { [beyond]: last.id } },
      ...(nullable ? [{ [field]: null }] : []),
    ],
  };
}

/** orderBy for `rowsAfter`: the column (nulls last when nullable), then the id. */
export function keysetOrder({ field, direction, nullable }: KeysetSort): Record<string, unknown>[] {
  return [{ [field]: nullable ? { sort: direction, nulls: 'last' } : direction }, { id: direction }];
}
