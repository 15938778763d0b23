import { uuidV7 } from '../../db/uuid-v7.ts';
import { isoDay } from '../common/format.ts';
import { defineCsvImport } from '../imports/csv-import.ts';
import { upsertByKey } from '../imports/keyed-upsert.ts';
import { normalizeName } from '../common/channel-name.ts';

const STREAM_COLUMNS = { id: 'text', organizationId: 'text', date: 'date', artist: 'text', trackId: 'text', platform: 'text', streams: 'int' } as const;

interface StreamRow {
  date: Date;
  artist: string;
  trackId: string;
  platform: string;
  streams: number;
}

const keyOf = (row: StreamRow) => JSON.stringify([row.trackId, row.platform, isoDay(row.date)]);

export const importStreams = defineCsvImport<StreamRow>({
  name: 'import_streams',
  title: 'Import daily streams (CSV)',
  description:
    'Loads daily streams per track and platform (one row per date, track_id and platform; streams a whole number >= 0). ' +
    'Platform names are normalised (trimmed, lower-case), so Spotify and spotify are one platform.',
  area: 'attribution',
  permission: 'attribution:write',
  columns: { required: ['date', 'artist', 'track_id', 'platform', 'streams'] },
  exampleCsv: 'date,artist,track_id,platform,streams\n2026-10-01,Example Artist,4uLU6hMCjMI75M1A2tKUQC,spotify,2031\n',
  read: (row) => ({
    date: row.date('date'),
    artist: row.text('artist'),
    trackId: row.text('track_id'),
    platform: normalizeName(row.text('platform')),
    streams: row.integer('streams', { min: 0 }),
  }),
  naturalKey: { of: keyOf, describe: (row) => `track ${row.trackId} on ${row.platform} on ${isoDay(row.date)}`, replacesStored: true },
  store: (ctx, rows) =>
    upsertByKey(ctx.db, { table: 'StreamStat', columns: STREAM_COLUMNS, key: ['organizationId', 'trackId', 'platform', 'date'] },
      rows.map((row) => ({ ...row, id: uuidV7(), organizationId: ctx.orgId }))),
});
