import { Prisma } from '../../../db/generated/prisma/client.ts';
import { invalidInput } from '../../registry/errors.ts';
import type { MetricLibrary } from '../metrics/metric-library.ts';
import type { FilterOperator, ReportFilter } from '../report-request.ts';
import { normalizeDimensionValue, resolveDimension, type DimensionRef } from './dimensions.ts';

export interface ResolvedFilter {
  dimension: DimensionRef;
  op: FilterOperator;
  /** eq / in: the values as given (JSON types kept), for containment on a record's payload. */
  raw: Array<string | number | boolean>;
  /** Text values (dimensions are compared as text); one for every operator but in / not_in. */
  values: string[];
  /** gt/gte/lt/lte: the number compared with. */
  number: number | null;
}

const COMPARISONS: Partial<Record<FilterOperator, string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=' };

export function resolveFilter(filter: ReportFilter, library: MetricLibrary, index: number): ResolvedFilter {
  const at = `filters[${index}]`;
  const dimension = resolveDimension(filter.field, library, `${at}.field`);
  const list = Array.isArray(filter.value) ? filter.value : [filter.value];
  const many = filter.op === 'in' || filter.op === 'not_in';
  if (!many && list.length !== 1) throw invalidInput(`${at}.value`, `${filter.op} takes one value; use in or not_in for a list`);
  if (filter.op in COMPARISONS) {
    const number = Number(list[0]);
    if (typeof list[0] === 'boolean' || !Number.isFinite(number)) throw invalidInput(`${at}.value`, `${filter.op} compares numbers; "${String(list[0])}" is not one`);
    return { dimension, op: filter.op, raw: [], values: [], number };
  }
  return { dimension, op: filter.op, raw: list, values: list.map((value) => normalizeDimensionValue(dimension, String(value))), number: null };
}

/** The filter as a condition on `expression` (a dimension's text value in one source). */
export function filterSql(filter: ResolvedFilter, expression: Prisma.Sql): Prisma.Sql {
  const [first] = filter.values;
  switch (filter.op) {
    case 'eq': return Prisma.sql`${expression} = ${first}`;
    case 'neq': return Prisma.sql`${expression} IS DISTINCT FROM ${first}`;
    case 'in': return Prisma.sql`${expression} = ANY(${filter.values}::text[])`;
    case 'not_in': return Prisma.sql`(${expression} IS NULL OR NOT (${expression} = ANY(${filter.values}::text[])))`;
    case 'contains': return Prisma.sql`${expression} ILIKE ${`%${first!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
    default: {
      // Text that is not a number never matches a numeric comparison (rather than failing the report).
      const numeric = Prisma.sql`CASE WHEN ${expression} ~ '^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$' THEN (${expression})::float8 END`;
      return Prisma.sql`${numeric} ${Prisma.raw(COMPARISONS[filter.op]!)} ${filter.number}::float8`;
    }
  }
}

export function describeFilter(filter: ResolvedFilter): string {
  const words: Record<FilterOperator, string> = { eq: '=', neq: '≠', in: 'in', not_in: 'not in', contains: 'contains', gt: '>', gte: '≥', lt: '<', lte: '≤' };
  const value = filter.number !== null ? String(filter.number) : filter.values.length > 1 ? `(${filter.values.join(', ')})` : filter.values[0];
  return `${filter.dimension.key} ${words[filter.op]} ${value}`;
}

/**
 * eq / in on a record field as jsonb containment (payload @> {"region": "EU"}), which the payload's
 * GIN index answers; a value that reads as a number is also tried as one, so "5" finds a stored 5.
 * Null when the filter is not of that kind.
 */
export function payloadContainmentSql(filter: ResolvedFilter, payload: Prisma.Sql): Prisma.Sql | null {
  if (!('payloadPath' in filter.dimension) || (filter.op !== 'eq' && filter.op !== 'in')) return null;
  const path = filter.dimension.payloadPath;
  const candidates = filter.raw.flatMap((value) => {
    const asNumber = typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? [Number(value)] : [];
    return [value, ...asNumber];
  });
  const nest = (value: string | number | boolean) => path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
  return Prisma.sql`(${Prisma.join(candidates.map((value) => Prisma.sql`${payload} @> ${JSON.stringify(nest(value))}::jsonb`), ' OR ')})`;
}
