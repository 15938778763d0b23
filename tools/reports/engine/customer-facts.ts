import { Prisma } from '../../../db/generated/prisma/client.ts';
import { fxSegmentsTable, fxSegmentsToBase } from '../../money/fx.ts';
import type { FactResult, FactRow, FactScope } from './fact-query.ts';
import { enumeratePeriods, periodBounds, periodKey, periodSql } from './periods.ts';
import type { ReportRange } from './report-range.ts';

/** Customer measures that are about people over time, not rows: they split by period only. */
export const CUSTOMER_MEASURES = ['lifetime_revenue', 'previous_customers', 'retained_customers'] as const;
export type CustomerMeasure = (typeof CUSTOMER_MEASURES)[number];

function noteUnsplit(scope: FactScope, what: string): void {
  if (scope.dimensions.length) scope.notes.add(`${what} split by period only: shown with empty ${scope.dimensions.map((dimension) => dimension.key).join(', ')}.`);
  if (scope.filters.length) scope.notes.add(`${what} count every customer: the filters do not apply to them.`);
}

const row = (scope: FactScope, period: string | null, values: Map<string, number | null>): FactRow => ({ period, dimensions: scope.dimensions.map(() => null), values });

/**
 * lifetime_revenue: every conversion's revenue up to the end of the range, of the customers who
 * converted in the row's period (a customer in two periods counts in both, and once in the total).
 */
export async function queryLifetimeRevenue(scope: FactScope): Promise<FactResult> {
  noteUnsplit(scope, 'Lifetime revenue is');
  const org = scope.org.id;
  const earliest = await scope.db.conversion.groupBy({ by: ['currency'], where: { occurredAt: { lt: scope.range.end } }, _min: { occurredAt: true } });
  const segments = await fxSegmentsToBase(scope.db, scope.org.baseCurrency, scope.org.timeZone, new Map(earliest.map((entry) => [entry.currency, entry._min.occurredAt!])));
  const period = scope.grain ? periodSql(scope.grain, scope.org.timeZone, scope.range, { instant: Prisma.sql`c."occurredAt"` }) : Prisma.sql`NULL::text`;
  const rows = await scope.db.$queryRaw<Array<{ period: unknown; lifetime_revenue: number | null; grand_total: number }>>(Prisma.sql`
    WITH fx AS (${fxSegmentsTable(segments)}),
    lifetime AS (
      SELECT c."customerId", sum(c.revenue::float8 * f.rate) AS revenue
      FROM "Conversion" c JOIN fx f ON f.currency = c.currency AND c."occurredAt" >= f.valid_from AND c."occurredAt" < f.valid_to
      WHERE c."organizationId" = ${org} AND c."occurredAt" < ${scope.range.end}::timestamptz
      GROUP BY c."customerId"
    ),
    active AS (
      SELECT DISTINCT ${period} AS period, c."customerId" FROM "Conversion" c
      WHERE c."organizationId" = ${org} AND c."occurredAt" >= ${scope.range.start}::timestamptz AND c."occurredAt" < ${scope.range.end}::timestamptz
    )
    SELECT period, sum(l.revenue)::float8 AS lifetime_revenue, 0 AS grand_total FROM active a JOIN lifetime l USING ("customerId") GROUP BY period
    UNION ALL
    SELECT NULL, sum(l.revenue)::float8, 1 FROM (SELECT DISTINCT "customerId" FROM active) a JOIN lifetime l USING ("customerId")`);
  const result: FactResult = { rows: [], totals: new Map([['lifetime_revenue', 0]]) };
  for (const entry of rows) {
    const values = new Map<string, number | null>([['lifetime_revenue', Number(entry.lifetime_revenue ?? 0)]]);
    if (Number(entry.grand_total)) result.totals = values;
    else result.rows.push(row(scope, scope.grain && entry.period !== null ? periodKey(scope.grain, entry.period) : null, values));
  }
  return result;
}

/**
 * previous_customers: distinct customers who converted in the period before the row's (the
 * previous period of the grain; without one, the same number of days before the range);
 * retained_customers: those of them who converted again in the row's period.
 */
export async function queryRetention(scope: FactScope, previousRange: ReportRange): Promise<FactResult> {
  noteUnsplit(scope, 'Retention figures are');
  const periods = scope.grain
    ? enumeratePeriods(scope.grain, scope.range).map((key) => ({ key, ...periodBounds(scope.grain!, key, scope.org.timeZone) }))
    : [];
  const overall = { key: null as string | null, start: scope.range.start, end: scope.range.end, previousStart: previousRange.start };
  const all = [...periods, overall];
  const org = scope.org.id;
  const rows = await scope.db.$queryRaw<Array<{ ordinal: number; previous_customers: bigint | number; retained_customers: bigint | number }>>(Prisma.sql`
    SELECT p.ordinal,
      (SELECT count(DISTINCT a."customerId") FROM "Conversion" a
        WHERE a."organizationId" = ${org} AND a."occurredAt" >= p.previous_start AND a."occurredAt" < p.start) AS previous_customers,
      (SELECT count(DISTINCT a."customerId") FROM "Conversion" a
        WHERE a."organizationId" = ${org} AND a."occurredAt" >= p.previous_start AND a."occurredAt" < p.start
          AND EXISTS (SELECT 1 FROM "Conversion" b WHERE b."organizationId" = ${org} AND b."customerId" = a."customerId"
                      AND b."occurredAt" >= p.start AND b."occurredAt" < p.finish)) AS retained_customers
    FROM unnest(${all.map((_, index) => index)}::int[], ${all.map((entry) => entry.previousStart.toISOString())}::timestamptz[],
                ${all.map((entry) => entry.start.toISOString())}::timestamptz[], ${all.map((entry) => entry.end.toISOString())}::timestamptz[])
      AS p(ordinal, previous_start, start, finish)`);
  const result: FactResult = { rows: [], totals: new Map() };
  for (const entry of rows) {
    const values = new Map<string, number | null>([['previous_customers', Number(entry.previous_customers)], ['retained_customers', Number(entry.retained_customers)]]);
    const period = all[Number(entry.ordinal)]!;
    if (period === overall) {
      result.totals = values;
      if (!scope.grain) result.rows.push(row(scope, null, values));
    } else result.rows.push(row(scope, period.key, values));
  }
  return result;
}
