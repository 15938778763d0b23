import { createHash } from 'node:crypto';
import type { CsvRow } from '../../imports/csv-row.ts';
import { RowError } from '../../imports/csv-row.ts';
import { isReservedKey } from '../models.ts';

/** A stable dedupe key from a row's values, so the same row imported twice is stored once. */
export function contentKey(kind: string, values: ReadonlyArray<string | null>): string {
  const digest = createHash('sha256').update(JSON.stringify(values)).digest('base64url');
  return `${kind}:${digest}`;
}

/** Channel and campaign names: trimmed text; channels lower-cased so "Meta" and "meta" are one channel. */
export function channelName(row: CsvRow): string {
  return checkedName('channel', row.text('channel').toLowerCase());
}

export function campaignName(row: CsvRow): string | null {
  const campaign = row.text('campaign', { optional: true });
  return campaign === null ? null : checkedName('campaign', campaign);
}

function checkedName(column: string, value: string): string {
  if (isReservedKey(value)) throw new RowError(`${column} "${value}" is reserved: names in parentheses are Crescendo's own keys such as (direct)`);
  return value;
}
