import { amountText } from '../../common/display-figures.ts';
import type { Network } from '../networks.ts';
import type { Converter } from './campaign-common.ts';

interface StoredFeeRange { format?: unknown; network?: unknown; min?: unknown; max?: unknown; currency?: unknown }

export interface FeeCheck {
  /** The contract's range for these deliverables in the fee's currency; null when no line has a range. */
  range: { min: number; max: number | null } | null;
  /** Why the fee is outside it, or null. */
  outside: string | null;
  /** What could not be compared (a missing exchange rate). */
  note: string | null;
}

/**
 * The fee the creator's contract allows for these deliverables: per line, the range for its format
 * (a range for the line's network wins over one for any network) times the count, summed; a line
 * with no range lifts the upper bound. Ranges in another currency are converted at `at`.
 */
export function checkFeeRange(
  stored: unknown,
  deliverables: ReadonlyArray<{ network: Network; format: string; count: number }>,
  fee: number,
  currency: string,
  converter: Converter,
  at: Date,
): FeeCheck {
  const ranges = (Array.isArray(stored) ? (stored as StoredFeeRange[]) : []).filter(
    (range) => typeof range.format === 'string' && typeof range.min === 'number' && typeof range.max === 'number' && typeof range.currency === 'string',
  );
  let min = 0;
  let max: number | null = 0;
  let matched = 0;
  for (const line of deliverables) {
    const forFormat = ranges.filter((range) => (range.format as string).toLowerCase() === line.format.toLowerCase());
    const range = forFormat.find((candidate) => candidate.network === line.network) ?? forFormat.find((candidate) => candidate.network === undefined || candidate.network === null);
    if (!range) {
      max = null;
      continue;
    }
    const low = converter.convert(range.min as number, range.currency as string, currency, at);
    const high = converter.convert(range.max as number, range.currency as string, currency, at);
    if (low === null || high === null) return { range: null, outside: null, note: `The contract's fee range for ${line.format} could not be compared: ${converter.missingNote(range.currency as string, currency, at)}` };
    matched += 1;
    min += low * line.count;
    if (max !== null) max += high * line.count;
  }
  if (matched === 0) return { range: null, outside: null, note: null };
  const cents = (value: number) => Math.round(value * 100);
  let outside: string | null = null;
  if (cents(fee) < cents(min)) outside = `${amountText(fee, currency)} is below the contract's range for these deliverables (at least ${amountText(min, currency)})`;
  else if (max !== null && cents(fee) > cents(max)) outside = `${amountText(fee, currency)} is above the contract's range for these deliverables (at most ${amountText(max, currency)})`;
  return { range: { min, max }, outside, note: null };
}
