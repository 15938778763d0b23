import { uuidV7 } from '../../db/uuid-v7.ts';
import { isoDay } from '../common/format.ts';
import { RowError } from '../imports/csv-row.ts';
import { defineCsvImport } from '../imports/csv-import.ts';
import { upsertByKey } from '../imports/keyed-upsert.ts';
import { normalizeName } from '../common/channel-name.ts';

const PAYOUT_COLUMNS = {
  id: 'text', organizationId: 'text', artist: 'text', platform: 'text', periodStart: 'date', periodEnd: 'date', amount: 'numeric', currency: 'text',
} as const;

interface PayoutRow {
  periodStart: Date;
  periodEnd: Date;
  artist: string;
  platform: string;
  amount: string;
  currency: string;
}

const keyOf = (row: PayoutRow) => JSON.stringify([row.artist, row.platform, isoDay(row.periodStart), isoDay(row.periodEnd)]);

export const importPayouts = defineCsvImport<PayoutRow>({
  name: 'import_payouts',
  title: 'Import platform payouts (CSV)',
  description:
    'Loads what platforms actually paid per artist, platform and statement period (period_start..period_end inclusive; amount >= 0 in its currency). ' +
    'Platform names are normalised (trimmed, lower-case).',
  area: 'attribution',
  permission: 'attribution:write',
  columns: { required: ['period_start', 'period_end', 'artist', 'platform', 'amount', 'currency'] },
  exampleCsv: 'period_start,period_end,artist,platform,amount,currency\n2026-09-01,2026-09-30,Example Artist,spotify,212.40,USD\n',
  read(row) {
    const periodStart = row.date('period_start');
    const periodEnd = row.date('period_end');
    if (periodEnd < periodStart) throw new RowError(`period_end ${isoDay(periodEnd)} is before period_start ${isoDay(periodStart)}`);
    return {
      periodStart,
      periodEnd,
      artist: row.text('artist'),
      platform: normalizeName(row.text('platform')),
      amount: row.decimal('amount', { min: 0 }),
      currency: row.currency('currency'),
    };
  },
  naturalKey: { of: keyOf, describe: (row) => `${row.artist} on ${row.platform} for ${isoDay(row.periodStart)}..${isoDay(row.periodEnd)}`, replacesStored: true },
  store: (ctx, rows) =>
    upsertByKey(ctx.db, { table: 'ActualPayout', columns: PAYOUT_COLUMNS, key: ['organizationId', 'artist', 'platform', 'periodStart', 'periodEnd'] },
      rows.map((row) => ({ ...row, id: uuidV7(), organizationId: ctx.orgId }))),
});
