import { z } from 'zod';
import { loadAttributionSettings } from '../../attribution/engine/attribution-scope.ts';
import { labelKeys } from '../../attribution/key-labels.ts';
import { DEFAULT_LOOKBACK_DAYS } from '../../attribution/models.ts';
import { isoDate, isoDay, money, rate } from '../../common/format.ts';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { COHORT_BY, cohortCells, type CohortBy, type CohortCell } from './cohort-sql.ts';
import { cohortFx, cohortNotes } from './cohort-notes.ts';
import { resolveCohortWindow } from './cohort-window.ts';

export const COHORT_MEASURES = ['retention', 'ltv', 'orders'] as const;
export type CohortMeasure = (typeof COHORT_MEASURES)[number];

const values = z.array(z.number().nullable()).describe('One value per period 0..periods; null = the period has not ended yet.');

export const cohortReport = defineTool({
  name: 'cohort_report',
  title: 'Cohort report',
  description:
    'Retention, lifetime value or orders per customer by month since acquisition, for cohorts by first-touch channel or acquisition month. ' +
    'Acquisition = a customer\'s first conversion ever; its month in the org time zone is period 0, period k the k-th calendar month after. ' +
    'First-touch channel = channel of the earliest touchpoint within lookback_days before that conversion, else (direct). ' +
    'retention[k] = share of the cohort converting in period k (period 0 = 1); ltv[k] = cumulative revenue per customer through period k (base currency); ' +
    'orders[k] = conversions in period k per customer. Periods not ended yet are null.',
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  keywords: ['cohort analysis', 'retention curve', 'repeat purchase', 'repeat customers', 'lifetime value', 'customer ltv', 'churn', 'customer retention'],
  input: z.object({
    cohort_by: z.enum(COHORT_BY).describe('first_touch_channel: customers grouped by the channel that first reached them; acquisition_month: by the month of their first conversion.'),
    measure: z.enum(COHORT_MEASURES).describe('retention (share of customers converting in the period), ltv (cumulative revenue per customer) or orders (conversions per customer in the period).'),
    periods: z.int().min(1).max(24).default(6).describe('Months after acquisition to show (values for periods 0..periods; default 6).'),
    from: isoDate.optional().describe('First acquisition day (YYYY-MM-DD, inclusive, organisation time zone). Default: the first day of the month 11 months before to\'s month (12 whole months).'),
    to: isoDate.optional().describe('Last acquisition day (inclusive). Default: today.'),
    lookback_days: z.int().min(1).max(365).optional().describe('first_touch_channel: days before the first conversion a touchpoint counts (default 30, or the organisation\'s attribution setting).'),
  }),
  output: z.object({
    cohort_by: z.enum(COHORT_BY),
    measure: z.enum(COHORT_MEASURES),
    periods: z.int().describe('The last period shown; values run from period 0 to it.'),
    from: z.string().describe('First acquisition day (YYYY-MM-DD).'),
    to: z.string().describe('Last acquisition day (YYYY-MM-DD).'),
    currency: z.string().describe('The base currency of ltv values.'),
    cohorts: z.array(z.object({
      cohort: z.string().describe('The key: a channel such as meta or (direct), or a month YYYY-MM.'),
      label: z.string().describe('The cohort as people read it ("Meta", "October 2026").'),
      customers: z.int().describe('Customers acquired in range in this cohort.'),
      values,
    })),
    overall: z.object({ customers: z.int(), values }),
    notes: z.array(z.string()).describe('What the figures rest on: range, lookback, which periods are null and why, revenue left out.'),
  }),
  example: { cohort_by: 'first_touch_channel', measure: 'retention', from: '2026-01-01', to: '2026-06-30' },
  async handler(ctx, input) {
    const window = resolveCohortWindow(input, ctx.org.timeZone, ctx.now());
    const lookbackDays = input.lookback_days ?? (await loadAttributionSettings(ctx)).lookback_days ?? DEFAULT_LOOKBACK_DAYS;
    const fx = await cohortFx(ctx, input.measure, window.fromInstant);
    const cells = await cohortCells(ctx.db, {
      organizationId: ctx.orgId,
      timeZone: ctx.org.timeZone,
      cohortBy: input.cohort_by,
      from: window.fromInstant,
      to: window.toInstant,
      lastPeriod: input.periods,
      lookbackDays,
      now: ctx.now(),
      fx: fx.segments,
    });
    const overallCells = cells.filter((cell) => cell.overall);
    const byCohort = new Map<string, CohortCell[]>();
    for (const cell of cells) if (!cell.overall) byCohort.set(cell.cohort!, [...(byCohort.get(cell.cohort!) ?? []), cell]);
    const labels = await cohortLabels(ctx, input.cohort_by, [...byCohort.keys()]);
    const cohorts = [...byCohort].map(([cohort, row]) => ({
      cohort,
      label: labels.get(cohort)!,
      customers: row[0]!.customers,
      values: valuesOf(input.measure, row, input.periods),
    }));
    if (input.cohort_by === 'first_touch_channel') cohorts.sort((a, b) => b.customers - a.customers || a.cohort.localeCompare(b.cohort));
    return {
      cohort_by: input.cohort_by,
      measure: input.measure,
      periods: input.periods,
      from: isoDay(window.fromDay),
      to: isoDay(window.toDay),
      currency: ctx.org.baseCurrency,
      cohorts,
      overall: { customers: overallCells[0]?.customers ?? 0, values: valuesOf(input.measure, overallCells, input.periods) },
      notes: cohortNotes({ input, window, lookbackDays, cells, gaps: fx.gaps, now: ctx.now(), timeZone: ctx.org.timeZone, baseCurrency: ctx.org.baseCurrency }),
    };
  },
});

/** Each period's value: over the customers whose period has ended (null when none has); retention's period 0 is 1 by definition. */
function valuesOf(measure: CohortMeasure, cells: CohortCell[], lastPeriod: number): Array<number | null> {
  return Array.from({ length: lastPeriod + 1 }, (_, period) => {
    const cell = cells.find((candidate) => candidate.period === period);
    if (!cell || cell.customers === 0) return null;
    if (measure === 'retention' && period === 0) return 1;
    if (cell.measured === 0) return null;
    switch (measure) {
      case 'retention':
        return rate(cell.retained / cell.measured);
      case 'ltv':
        return money(cell.revenue_to_date / cell.measured);
      case 'orders':
        return rate(cell.orders / cell.measured);
    }
  });
}

async function cohortLabels(ctx: ToolContext, cohortBy: CohortBy, keys: string[]): Promise<Map<string, string>> {
  if (cohortBy === 'first_touch_channel') {
    const labels = await labelKeys(ctx, 'channel', keys);
    return new Map(keys.map((key) => [key, labels.get(key)!.label]));
  }
  const monthName = (key: string) => new Date(`${key}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return new Map(keys.map((key) => [key, monthName(key)]));
}
