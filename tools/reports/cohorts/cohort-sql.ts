import { Prisma } from '../../../db/generated/prisma/client.ts';
import { DIRECT_KEY } from '../../attribution/models.ts';
import { fxSegmentsTable, type FxSegment } from '../../money/fx.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

export const COHORT_BY = ['first_touch_channel', 'acquisition_month'] as const;
export type CohortBy = (typeof COHORT_BY)[number];

/** What one cohort query needs; every instant is already resolved in the organisation's time zone. */
export interface CohortQuery {
  organizationId: string;
  timeZone: string;
  cohortBy: CohortBy;
  /** Acquisitions at or after this instant. */
  from: Date;
  /** Acquisitions before this instant (the end of the last day). */
  to: Date;
  /** The last period measured (periods 0..lastPeriod). */
  lastPeriod: number;
  lookbackDays: number;
  /** Now: a customer's period k has ended once the (k+1)-th month after acquisition has begun. */
  now: Date;
  /** Converts revenue into the base currency; a conversion no segment covers has null revenue. */
  fx: FxSegment[];
}

/** One cohort (or, with `overall`, every cohort together) at one period. */
export interface CohortCell {
  cohort: string | null;
  overall: boolean;
  period: number;
  /** Customers in the cohort. */
  customers: number;
  /** Of them, those whose period has ended: the denominator of every measure. */
  measured: number;
  /** Measured customers with at least one conversion in the period. */
  retained: number;
  /** Conversions of measured customers in the period. */
  orders: number;
  /** Revenue (base currency) of measured customers from period 0 through this one. */
  revenue_to_date: number;
  /** Conversions of measured customers through this period left out of revenue for want of a rate. */
  unconverted: number;
}

/** A local month as one integer (year x 12 + month - 1), so period k is a plain difference. */
const monthIndex = (instant: Prisma.Sql, timeZone: string) =>
  Prisma.sql`(extract(year FROM ${instant} AT TIME ZONE ${timeZone}::text)::int * 12 + extract(month FROM ${instant} AT TIME ZONE ${timeZone}::text)::int - 1)`;

/**
 * CTE `member`: each acquired customer with the month index of their acquisition and their cohort
 * key. By channel, the earliest touchpoint within the lookback before the first conversion (ties in
 * import order) in one LEFT JOIN then DISTINCT ON (no touch: one row of nulls, so (direct)). Not a
 * LATERAL ... LIMIT 1, nor a join of two derived sets: on tables without statistics (PGlite never
 * auto-analyzes) the planner ran those as per-customer scans of every touchpoint (minutes at 20k customers).
 */
function memberCte(query: CohortQuery): Prisma.Sql {
  const acquiredMonth = monthIndex(Prisma.sql`a.acquired_at`, query.timeZone);
  if (query.cohortBy === 'acquisition_month') {
    return Prisma.sql`member AS (
      SELECT a.customer_id, ${acquiredMonth} AS acquired_month, to_char(a.acquired_at AT TIME ZONE ${query.timeZone}::text, 'YYYY-MM') AS cohort
      FROM acquired a
    )`;
  }
  return Prisma.sql`member AS (
      SELECT DISTINCT ON (a.customer_id) a.customer_id, ${acquiredMonth} AS acquired_month, coalesce(t.channel, ${DIRECT_KEY}::text) AS cohort
      FROM acquired a
      LEFT JOIN "Touchpoint" t ON t."organizationId" = ${query.organizationId} AND t."customerId" = a.customer_id
        AND t."occurredAt" <= a.acquired_at AND t."occurredAt" >= a.acquired_at - make_interval(hours => ${query.lookbackDays * 24}::int)
      ORDER BY a.customer_id, t."occurredAt", t.id
    )`;
}

/** The conversion's rate into the base currency, null when no segment covers its instant (see fxSegmentsWithGaps). */
function rateOf(fx: FxSegment[]): Prisma.Sql {
  if (fx.length === 1) return Prisma.sql`CASE WHEN c.currency = ${fx[0]!.currency}::text THEN 1.0::float8 END`;
  return Prisma.sql`(SELECT r.rate FROM fx r WHERE r.currency = c.currency AND c."occurredAt" >= r.valid_from AND c."occurredAt" < r.valid_to)`;
}

/**
 * Every cohort's figures per period, plus the same over all cohorts (`overall`), in one query.
 * Whether a customer's period has ended depends only on their acquisition month, so conversions
 * are summed per (cohort, acquisition month, period) and the small grid of those x periods 0..last
 * decides which count: each cell counts only the customers whose period has ended.
 */
export async function cohortCells(db: ToolDb, query: CohortQuery): Promise<CohortCell[]> {
  return db.$queryRaw<CohortCell[]>(cohortSql(query));
}

export function cohortSql(query: CohortQuery): Prisma.Sql {
  const { organizationId: org, timeZone } = query;
  return Prisma.sql`
    WITH fx AS (${fxSegmentsTable(query.fx)}),
    first_conversion AS (
      SELECT DISTINCT ON (c."customerId") c."customerId" AS customer_id, c."occurredAt" AS acquired_at
      FROM "Conversion" c
      WHERE c."organizationId" = ${org}
      ORDER BY c."customerId", c."occurredAt", c.id
    ),
    acquired AS (
      SELECT * FROM first_conversion f WHERE f.acquired_at >= ${query.from}::timestamptz AND f.acquired_at < ${query.to}::timestamptz
    ),
    ${memberCte(query)},
    converted AS (
      SELECT m.customer_id, m.cohort, m.acquired_month, ${monthIndex(Prisma.sql`c."occurredAt"`, timeZone)} - m.acquired_month AS period,
             c.revenue::float8 * ${rateOf(query.fx)} AS revenue
      FROM member m
      JOIN "Conversion" c ON c."organizationId" = ${org} AND c."customerId" = m.customer_id
    ),
    monthly AS (
      SELECT cohort, acquired_month, period, count(DISTINCT customer_id) AS retained, count(*) AS orders,
             coalesce(sum(revenue), 0) AS revenue, count(*) FILTER (WHERE revenue IS NULL) AS unconverted
      FROM converted
      WHERE period <= ${query.lastPeriod}::int
      GROUP BY cohort, acquired_month, period
    ),
    size AS (
      SELECT cohort, acquired_month, count(*) AS customers FROM member GROUP BY cohort, acquired_month
    ),
    grid AS (
      SELECT s.cohort, s.customers, k.period,
             k.period < ${monthIndex(Prisma.sql`${query.now}::timestamptz`, timeZone)} - s.acquired_month AS ended,
             coalesce(mo.retained, 0) AS retained,
             coalesce(mo.orders, 0) AS orders,
             sum(coalesce(mo.revenue, 0)) OVER through AS revenue_to_date,
             sum(coalesce(mo.unconverted, 0)) OVER through AS unconverted_to_date
      FROM size s
      CROSS JOIN generate_series(0, ${query.lastPeriod}::int) AS k(period)
      LEFT JOIN monthly mo ON mo.cohort = s.cohort AND mo.acquired_month = s.acquired_month AND mo.period = k.period
      WINDOW through AS (PARTITION BY s.cohort, s.acquired_month ORDER BY k.period)
    )
    SELECT cohort, GROUPING(cohort) = 1 AS overall, period,
           sum(customers)::int AS customers,
           coalesce(sum(customers) FILTER (WHERE ended), 0)::int AS measured,
           coalesce(sum(retained) FILTER (WHERE ended), 0)::int AS retained,
           coalesce(sum(orders) FILTER (WHERE ended), 0)::int AS orders,
           coalesce(sum(revenue_to_date) FILTER (WHERE ended), 0)::float8 AS revenue_to_date,
           coalesce(sum(unconverted_to_date) FILTER (WHERE ended), 0)::int AS unconverted
    FROM grid
    GROUP BY GROUPING SETS ((cohort, period), (period))
    ORDER BY overall, cohort, period`;
}
