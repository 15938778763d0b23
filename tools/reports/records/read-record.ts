import { normalizeName } from '../../common/channel-name.ts';
import { isIsoCurrency, NOT_ISO_CURRENCY } from '../../money/currency.ts';
import type { PreparedRecord } from './convert-money.ts';
import type { FieldProblem, Payload } from './record-fields.ts';
import { parseRecordedAt, RECORDED_AT_HINT } from './recorded-at.ts';

/** The fields every record has besides its payload, as they arrive (JSON or a CSV row). */
export interface RecordHead {
  source_record_id: string;
  recorded_at: string;
  campaign_key?: string | null;
  customer_key?: string | null;
  asset_key?: string | null;
  currency?: string | null;
}

/** Names that are the record's own columns, never payload fields. */
export const HEAD_FIELDS = ['source_record_id', 'recorded_at', 'campaign_key', 'customer_key', 'asset_key', 'currency'] as const;
const MAX_KEY = 500;
const NAME_FIELDS = ['channel', 'platform'] as const;

/** Checks a record's own fields and pairs them with its (checked) payload; a problem names the field. */
export function readRecordHead(head: RecordHead, payload: Payload, timeZone: string): PreparedRecord | FieldProblem {
  const sourceRecordId = head.source_record_id.trim();
  if (!sourceRecordId) return { field: 'source_record_id', message: 'is empty' };
  if (sourceRecordId.length > MAX_KEY) return { field: 'source_record_id', message: `is longer than ${MAX_KEY} characters` };
  const recordedAt = parseRecordedAt(head.recorded_at, timeZone);
  if (!recordedAt) return { field: 'recorded_at', message: `"${head.recorded_at}" is not a date-time (${RECORDED_AT_HINT})` };
  const keys: Record<'campaign_key' | 'customer_key' | 'asset_key', string | null> = { campaign_key: null, customer_key: null, asset_key: null };
  for (const name of ['campaign_key', 'customer_key', 'asset_key'] as const) {
    const value = head[name]?.trim() || null;
    if (value && value.length > MAX_KEY) return { field: name, message: `is longer than ${MAX_KEY} characters` };
    keys[name] = value;
  }
  // Channel and platform names are stored as every import stores them, so reports group `Meta`,
  // ` meta ` and `meta` as one channel without normalising a million names per query.
  for (const field of NAME_FIELDS) {
    const value = payload[field];
    if (typeof value === 'string') payload[field] = normalizeName(value);
  }
  const currency = head.currency?.trim().toUpperCase() || null;
  if (currency && !isIsoCurrency(currency)) return { field: 'currency', message: `"${head.currency}" ${NOT_ISO_CURRENCY}` };
  return {
    sourceRecordId,
    recordedAt: recordedAt.at,
    offsetMinutes: recordedAt.offsetMinutes,
    campaignKey: keys.campaign_key,
    customerKey: keys.customer_key,
    assetKey: keys.asset_key,
    currency,
    payload,
    originalMoney: null,
  };
}

export function isProblem(value: PreparedRecord | FieldProblem): value is FieldProblem {
  return 'message' in value && 'field' in value && !('sourceRecordId' in value);
}
