import { createHash } from 'node:crypto';
import type { CsvRow } from '../../imports/csv-row.ts';
import { RowError } from '../../imports/csv-row.ts';
import { normalizeName } from '../../common/channel-name.ts';
import { isReservedKey } from '../models.ts';

/** A stable dedupe key from a row's values, so the same row imported twice is stored once. */
export function contentKey(kind: string, values: ReadonlyArray<string | null>): string {
  const digest = createHash('sha256').update(JSON.stringify(values)).digest('base64url');
  return `${kind}:${digest}`;
}

/** Channels are normalised exactly as spend channels are, so touchpoints and spend meet on one key. */
export function channelName(row: CsvRow): string {
  return checkedName('channel', normalizeName(row.text('channel')));
}

export function campaignName(row: CsvRow): string | null {
  const campaign = row.text('campaign', { optional: true });
  return campaign === null ? null : checkedName('campaign', campaign);
}

function checkedName(column: string, value: string): string {
  if (isReservedKey(value)) throw new RowError(`${column} "${value}" is reserved: names in parentheses are Crescendo's own keys such as (direct)`);
  return value;
}
