import { createHash } from 'node:crypto';
import type { CsvRow } from './csv-row.ts';
import { RowError } from './csv-row.ts';
import { isReservedName, normalizeName, RESERVED_NAME_MESSAGE } from '../common/channel-name.ts';

/** A stable dedupe key from a row's values, so the same row imported twice is stored once. */
export function contentKey(kind: string, values: ReadonlyArray<string | null>): string {
  const digest = createHash('sha256').update(JSON.stringify(values)).digest('base64url');
  return `${kind}:${digest}`;
}

/** Channels are normalised exactly as spend channels are, so touchpoints and spend meet on one key. */
export function channelName(row: CsvRow): string {
  return checkedName('channel', normalizeName(row.text('channel')));
}

/** An optional name column (campaign, artist), refusing reserved names. */
export function optionalName(row: CsvRow, column: string): string | null {
  const value = row.text(column, { optional: true });
  return value === null ? null : checkedName(column, value);
}

export function campaignName(row: CsvRow): string | null {
  return optionalName(row, 'campaign');
}

function checkedName(column: string, value: string): string {
  if (isReservedName(value)) throw new RowError(`${column} "${value}" ${RESERVED_NAME_MESSAGE}`);
  return value;
}
