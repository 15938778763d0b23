import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { OrganizationInfo } from '../../registry/context.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import type { TimeGrain } from '../report-request.ts';
import type { DimensionRef } from './dimensions.ts';
import { filterSql, payloadContainmentSql, type ResolvedFilter } from './filters.ts';
import { periodKey, periodSql } from './periods.ts';
import type { ReportRange } from './report-range.ts';

/** What every fact query is asked: split by these, filtered by those, over this range. */
export interface FactScope {
  db: ToolDb;
  org: OrganizationInfo;
  range: ReportRange;
  grain: TimeGrain | null;
  dimensions: readonly DimensionRef[];
  filters: readonly ResolvedFilter[];
  /** Sentences for the report's notes (a dimension a source lacks, data left out). */
  notes: Set<string>;
}

/** One aggregated row of a fact: its period key (null without a grain), dimension values, measure values. */
export interface FactRow {
  period: string | null;
  dimensions: (string | null)[];
  values: Map<string, number | null>;
}

export interface FactResult {
  rows: FactRow[];
  /** The measures over every row of the range (distinct counts counted once across rows). */
  totals: Map<string, number | null>;
}

/**
 * One table's rows as a fact's source: its FROM clause (already narrowed to the organisation and
 * the range), how it is dated, and per dimension and measure the SQL of a row's value (null when it
 * has none: the dimension's value is then null, and a filter on it leaves the source out).
 */
export interface FactBranch {
  /** How people call these rows in a note ("spend", "unified records"). */
  name: string;
  from: Prisma.Sql;
  at: { instant: Prisma.Sql } | { day: Prisma.Sql };
  dimension(dimension: DimensionRef): Prisma.Sql | null;
  measure(name: string): Prisma.Sql | null;
  /** A CTE the FROM clause uses (an FX table), named uniquely per branch. */
  with?: Prisma.Sql;
  /** Unified records: their payload column, so equality filters on record fields use its GIN index. */
  payloadColumn?: Prisma.Sql;
}

/** A measure: the aggregate over the branches' per-row column `m<i>` (and its weight `w<i>` for weighted averages). */
export interface MeasureAggregate {
  name: string;
  aggregate: (column: Prisma.Sql, weight: Prisma.Sql) => Prisma.Sql;
  /** Empty rows and periods show 0 (sums and counts) or null (averages). */
  emptyAsZero: boolean;
  /** The total over every row is the sum of the rows' values (sums and plain counts; not distinct counts or averages). */
  additive?: boolean;
  /** weighted_avg: the measure whose per-row value weights this one. */
  weightMeasure?: string;
  /** Counted rather than summed, so the per-row value stays text (a customer id, an email), not a number. */
  text?: boolean;
}

export const SUM: MeasureAggregate['aggregate'] = (column) => Prisma.sql`sum(${column})`;

/**
 * One query over the union of the branches, grouped by period and dimensions with a grand-total
 * grouping set, so distinct counts and averages have true totals rather than sums of rows.
 */
export async function queryFact(scope: FactScope, branches: readonly FactBranch[], measures: readonly MeasureAggregate[]): Promise<FactResult> {
  const selects = branches.map((branch) => branchSelect(scope, branch, measures)).filter((select): select is Prisma.Sql => select !== null);
  if (!selects.length) return { rows: [], totals: new Map(measures.map((measure) => [measure.name, measure.emptyAsZero ? 0 : null])) };
  const dimensionColumns = scope.dimensions.map((_, index) => Prisma.raw(`d${index}`));
  const groupColumns = [Prisma.raw('period'), ...dimensionColumns];
  const aggregates = measures.map((measure, index) => Prisma.sql`${measure.aggregate(Prisma.raw(`m${index}`), Prisma.raw(`w${index}`))}::float8 AS ${Prisma.raw(`m${index}`)}`);
  const ctes = branches.map((branch) => branch.with).filter((cte): cte is Prisma.Sql => Boolean(cte));
  // Sums add up across rows, so their total needs no second grouping (a grouping set costs a quarter
  // of the query over a million rows); distinct counts and averages do.
  const additive = measures.every((measure) => measure.additive);
  const grandTotal = additive ? Prisma.sql`0` : Prisma.sql`GROUPING(${Prisma.join(groupColumns)})`;
  // Rows where no measure has a value (a record of another kind in the same table) are not rows of this fact.
  const someValue = Prisma.join(measures.map((_, index) => Prisma.sql`count(${Prisma.raw(`m${index}`)})`), ' + ');
  const rows = await scope.db.$queryRaw<Array<Record<string, unknown>>>(Prisma.sql`
    ${ctes.length ? Prisma.sql`WITH ${Prisma.join(ctes)}` : Prisma.empty}
    SELECT period, ${Prisma.join([...dimensionColumns.map((column) => Prisma.sql`${column}`), ...aggregates])}, ${grandTotal} AS grand_total
    FROM (${Prisma.join(selects, ' UNION ALL ')}) f
    GROUP BY ${additive ? Prisma.join(groupColumns) : Prisma.sql`GROUPING SETS ((${Prisma.join(groupColumns)}), ())`}
    HAVING ${someValue} > 0 ${additive ? Prisma.empty : Prisma.sql`OR ${grandTotal} <> 0`}`);
  const value = (row: Record<string, unknown>, index: number) => (row[`m${index}`] === null ? null : Number(row[`m${index}`]));
  const result: FactResult = { rows: [], totals: new Map(measures.map((measure) => [measure.name, measure.emptyAsZero ? 0 : null])) };
  for (const row of rows) {
    const values = new Map(measures.map((measure, index) => [measure.name, value(row, index) ?? (measure.emptyAsZero ? 0 : null)]));
    if (Number(row.grand_total) !== 0) result.totals = values;
    else result.rows.push({ period: scope.grain && row.period !== null ? periodKey(scope.grain, row.period) : null, dimensions: scope.dimensions.map((_, index) => (row[`d${index}`] as string | null) ?? null), values });
  }
  if (additive) {
    result.totals = new Map(measures.map((measure, index) => {
      const present = rows.map((row) => value(row, index)).filter((entry): entry is number => entry !== null);
      return [measure.name, present.length ? present.reduce((total, entry) => total + entry, 0) : measure.emptyAsZero ? 0 : null];
    }));
  }
  return result;
}

function branchSelect(scope: FactScope, branch: FactBranch, measures: readonly MeasureAggregate[]): Prisma.Sql | null {
  const conditions: Prisma.Sql[] = [];
  for (const filter of scope.filters) {
    const expression = branch.dimension(filter.dimension);
    if (!expression) {
      scope.notes.add(`${capitalize(branch.name)} ${branch.name.endsWith('s') ? 'have' : 'has'} no ${filter.dimension.key}, so the filter on it leaves ${branch.name} out.`);
      return null;
    }
    const containment = branch.payloadColumn ? payloadContainmentSql(filter, branch.payloadColumn) : null;
    conditions.push(containment ? Prisma.sql`${containment} AND ${filterSql(filter, expression)}` : filterSql(filter, expression));
  }
  const period = scope.grain ? periodSql(scope.grain, scope.org.timeZone, scope.range, branch.at) : Prisma.sql`NULL::text`;
  const dimensions = scope.dimensions.map((dimension, index) => {
    const expression = branch.dimension(dimension);
    if (!expression) scope.notes.add(`${capitalize(branch.name)} ${branch.name.endsWith('s') ? 'have' : 'has'} no ${dimension.key}: shown with an empty ${dimension.key}.`);
    return Prisma.sql`${expression ?? Prisma.sql`NULL`}::text AS ${Prisma.raw(`d${index}`)}`;
  });
  const columns = measures.flatMap((measure, index) => {
    const expression = branch.measure(measure.name) ?? Prisma.sql`NULL`;
    const value = measure.text ? Prisma.sql`${expression}::text AS ${Prisma.raw(`m${index}`)}` : Prisma.sql`${expression}::float8 AS ${Prisma.raw(`m${index}`)}`;
    const weight = measure.weightMeasure ? branch.measure(measure.weightMeasure) : null;
    return [value, Prisma.sql`${weight ?? Prisma.sql`NULL`}::float8 AS ${Prisma.raw(`w${index}`)}`];
  });
  return Prisma.sql`SELECT ${period} AS period, ${Prisma.join([...dimensions, ...columns])}
    FROM ${branch.from} ${conditions.length ? Prisma.sql`AND ${Prisma.join(conditions, ' AND ')}` : Prisma.empty}`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
