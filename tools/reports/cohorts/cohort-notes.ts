import { isoDay, todayIn } from '../../common/format.ts';
import { fxSegmentsWithGaps, type FxGap, type FxSegment } from '../../money/fx.ts';
import type { ToolContext } from '../../registry/context.ts';
import type { CohortCell } from './cohort-sql.ts';
import type { CohortWindow } from './cohort-window.ts';

/**
 * Rates for ltv, as the attribution engine converts conversions (each at the rate of its local
 * date); a conversion dated before its currency's first rate is left out of revenue and noted,
 * not guessed 1:1. Retention and orders need no rates, so a missing one never fails them.
 */
export async function cohortFx(ctx: ToolContext, measure: string, fromInstant: Date): Promise<{ segments: FxSegment[]; gaps: FxGap[] }> {
  const base = ctx.org.baseCurrency;
  if (measure !== 'ltv') return { segments: [{ currency: base, from: null, to: null, rate: 1 }], gaps: [] };
  // A cohort customer's conversions all fall at or after their acquisition, so at or after `fromInstant`.
  const currencies = await ctx.db.conversion.groupBy({ by: ['currency'], where: { occurredAt: { gte: fromInstant } }, _min: { occurredAt: true } });
  const earliest = new Map(currencies.map((row) => [row.currency, row._min.occurredAt!]));
  return fxSegmentsWithGaps(ctx.db, base, ctx.org.timeZone, earliest);
}

export interface NoteFacts {
  input: { cohort_by: string; measure: string };
  window: CohortWindow;
  lookbackDays: number;
  cells: CohortCell[];
  gaps: FxGap[];
  now: Date;
  timeZone: string;
  baseCurrency: string;
}

/** What the figures rest on, in sentences an agent can pass on. */
export function cohortNotes(facts: NoteFacts): string[] {
  const { input, window, cells, timeZone } = facts;
  const notes = [
    `Customers acquired (first conversion ever) from ${isoDay(window.fromDay)} to ${isoDay(window.toDay)}, ${timeZone}${window.defaulted ? ' (default range: the last 12 months, whole months)' : ''}.`,
  ];
  if (input.cohort_by === 'first_touch_channel') {
    notes.push(`First-touch channel: the earliest touchpoint within ${facts.lookbackDays} days before the first conversion; (direct) when there is none.`);
  }
  if (cells.length === 0) {
    notes.push('No customer had their first conversion in this range.');
    return notes;
  }
  const unfinished = cells.some((cell) => cell.measured === 0 && !(input.measure === 'retention' && cell.period === 0));
  if (unfinished) {
    notes.push(`null: the period has not ended as of ${isoDay(todayIn(timeZone, facts.now))} (period k of a customer acquired in month M ends when month M+k+1 begins), so it is not shown as 0.`);
  }
  if (cells.some((cell) => cell.measured > 0 && cell.measured < cell.customers)) {
    notes.push('Where a row mixes acquisition months (first-touch cohorts, overall), each period is measured over the customers whose period has ended.');
  }
  if (input.measure === 'ltv' && cells.some((cell) => cell.overall && cell.unconverted > 0)) {
    const missing = facts.gaps.map((gap) => (gap.firstRateDay ? `${gap.currency} before ${gap.firstRateDay}` : `${gap.currency} (no rate at all)`));
    notes.push(`Revenue of conversions without an exchange rate to ${facts.baseCurrency} is left out of ltv (${missing.join(', ')}); add rates with set_fx_rate.`);
  }
  return notes;
}
