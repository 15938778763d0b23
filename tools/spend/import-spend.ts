import { uuidV7 } from '../../db/uuid-v7.ts';
import { isoDay } from '../common/format.ts';
import { defineCsvImport } from '../imports/csv-import.ts';
import { upsertByKey, type UpsertRow } from '../imports/keyed-upsert.ts';
import { channelName, optionalName } from '../imports/row-names.ts';
import { syncedSpendOverlap } from './synced-spend-overlap.ts';

const SPEND_COLUMNS = {
  id: 'text', organizationId: 'text', date: 'date', channel: 'text', campaign: 'text', artist: 'text',
  amount: 'numeric', currency: 'text', impressions: 'int', clicks: 'int', dedupeKey: 'text',
} as const;

type SpendRow = Omit<UpsertRow<typeof SPEND_COLUMNS>, 'id' | 'organizationId' | 'dedupeKey'> & { date: Date; channel: string };

/**
 * A spend row is the day's total for one channel, campaign and artist (what ad platforms export),
 * so those four make its key: a corrected export replaces the amount instead of adding to it.
 * Rows entered with record_spend use their own keys and are never touched by an import.
 */
export function importedSpendKey(row: Pick<SpendRow, 'date' | 'channel' | 'campaign' | 'artist'>): string {
  return `import:${JSON.stringify([isoDay(row.date), row.channel, row.campaign ?? '', row.artist ?? ''])}`;
}

export const importSpend = defineCsvImport<SpendRow>({
  name: 'import_spend',
  title: 'Import marketing spend (CSV)',
  description:
    'Loads daily marketing spend: one row per date, channel, campaign and artist (a daily total; amount >= 0 in its currency). ' +
    'Channel names are normalised (trimmed, lower-case). Rows on days an ad account\'s sync already wrote for the channel are stored but named in warnings: reports would add both.',
  area: 'attribution',
  permission: 'attribution:write',
  columns: { required: ['date', 'channel', 'amount', 'currency'], optional: ['campaign', 'artist', 'impressions', 'clicks'] },
  exampleCsv: 'date,channel,campaign,artist,amount,currency\n2026-10-01,meta,autumn-push,Example Artist,120.00,USD\n',
  read: (row) => ({
    date: row.date('date'),
    channel: channelName(row),
    campaign: optionalName(row, 'campaign'),
    artist: optionalName(row, 'artist'),
    amount: row.decimal('amount', { min: 0 }),
    currency: row.currency('currency'),
    impressions: row.has('impressions') ? row.integer('impressions', { min: 0 }) : null,
    clicks: row.has('clicks') ? row.integer('clicks', { min: 0 }) : null,
  }),
  naturalKey: { of: importedSpendKey, describe: (row) => `${row.channel} spend on ${isoDay(row.date)} for campaign "${row.campaign ?? ''}" and artist "${row.artist ?? ''}"`, replacesStored: true },
  warnAbout: (ctx, rows) => syncedSpendOverlap(ctx, rows),
  store: (ctx, rows) =>
    upsertByKey(ctx.db, { table: 'MarketingSpend', columns: SPEND_COLUMNS, key: ['organizationId', 'dedupeKey'] },
      rows.map((row) => ({ ...row, id: uuidV7(), organizationId: ctx.orgId, dedupeKey: importedSpendKey(row) }))),
});
