import { isoDay, todayIn } from '../../common/format.ts';
import { fxSegmentsWithGaps, type FxSegment } from '../../money/fx.ts';
import { EventLoopPacer } from '../../imports/event-loop-pacer.ts';
import type { ToolContext } from '../../registry/context.ts';
import { moneyPaths, setValueAt, valueAt, type Payload } from './record-fields.ts';

/** One record on its way in, its fields checked; money still as it arrived until convertMoney. */
export interface PreparedRecord {
  sourceRecordId: string;
  recordedAt: Date;
  offsetMinutes: number | null;
  campaignKey: string | null;
  customerKey: string | null;
  assetKey: string | null;
  /** As given (upper case); null means the base currency. */
  currency: string | null;
  payload: Payload;
  /** The money fields' amounts as they arrived, by path, once converted. */
  originalMoney: Record<string, number> | null;
}

/** A record that cannot be stored, by its position in the call (or file). */
export interface RecordProblem {
  index: number;
  field: string;
  message: string;
}

/**
 * Converts the money fields of records in a currency other than the base, each at the rate of its
 * own local date in the organisation's time zone (the latest FxRate on or before it), keeping the
 * amounts as they arrived in `originalMoney`. A record with no rate for its date, or with a money
 * field that is not a number, is a problem naming the record: never a 1:1 guess.
 */
export async function convertMoney(ctx: ToolContext, records: PreparedRecord[], isMoney: (name: string) => boolean): Promise<{ problems: RecordProblem[]; converted: string[] }> {
  const base = ctx.org.baseCurrency;
  const timeZone = ctx.org.timeZone;
  const toConvert: Array<{ index: number; paths: string[] }> = [];
  const earliest = new Map<string, Date>();
  // A million-row file is converted on the embedded server's one thread: give way to other requests.
  const pacer = new EventLoopPacer();
  for (const [index, record] of records.entries()) {
    await pacer.yieldIfDue();
    if (!record.currency || record.currency === base) continue;
    const paths = moneyPaths(record.payload, isMoney);
    if (paths.length === 0) continue;
    toConvert.push({ index, paths });
    const first = earliest.get(record.currency);
    if (!first || record.recordedAt < first) earliest.set(record.currency, record.recordedAt);
  }
  if (toConvert.length === 0) return { problems: [], converted: [] };

  const { segments } = await fxSegmentsWithGaps(ctx.db, base, timeZone, earliest);
  const byCurrency = new Map<string, FxSegment[]>();
  for (const segment of segments) byCurrency.set(segment.currency, [...(byCurrency.get(segment.currency) ?? []), segment]);
  const problems: RecordProblem[] = [];
  const converted = new Set<string>();
  for (const { index, paths } of toConvert) {
    await pacer.yieldIfDue();
    const record = records[index]!;
    const currency = record.currency!;
    const rate = rateOn(byCurrency.get(currency) ?? [], record.recordedAt);
    if (rate === null) {
      const day = isoDay(todayIn(timeZone, record.recordedAt));
      problems.push({ index, field: 'currency', message: `no exchange rate from ${currency} to ${base} on or before ${day} (record ${record.sourceRecordId}'s local date); add one with set_fx_rate` });
      continue;
    }
    const original: Record<string, number> = {};
    for (const path of paths) {
      const amount = valueAt(record.payload, path);
      if (typeof amount !== 'number') {
        problems.push({ index, field: path, message: `is a money field in ${currency} but not a number (${JSON.stringify(amount)}), so it cannot be converted to ${base}` });
        break;
      }
      original[path] = amount;
      setValueAt(record.payload, path, amount * rate);
    }
    record.originalMoney = original;
    converted.add(currency);
  }
  return { problems, converted: [...converted].sort() };
}

/** The rate of the segment containing `at` (segments of one currency, in date order), or null. */
function rateOn(segments: readonly FxSegment[], at: Date): number | null {
  let low = 0;
  let high = segments.length - 1;
  let found: FxSegment | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle]!;
    if (!segment.from || segment.from <= at) {
      found = segment;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (!found || (found.to && at >= found.to)) return null;
  return found.rate;
}
