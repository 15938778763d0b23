import { touchpoints } from '../../../db/bulk/tables.ts';
import { BulkWriter } from '../../../db/bulk/bulk-writer.ts';
import { defineCsvImport } from '../../imports/csv-import.ts';
import { RowError } from '../../imports/csv-row.ts';
import { campaignName, channelName, contentKey } from '../../imports/row-names.ts';

interface TouchpointRow {
  customerId: string;
  occurredAt: Date;
  channel: string;
  campaign: string | null;
  cost: string | null;
  currency: string | null;
}

export const importTouchpoints = defineCsvImport<TouchpointRow>({
  name: 'import_touchpoints',
  title: 'Import touchpoints',
  description:
    'Loads marketing touchpoints (a customer saw or clicked something on a channel) for attribution. occurred_at is ISO 8601; without an offset it is ' +
    'the organisation\'s local time. cost without currency is in the base currency. A row identical to a stored one is skipped. ' +
    'Touchpoints at the same instant keep the order they were imported in.',
  area: 'attribution',
  permission: 'attribution:write',
  columns: { required: ['customer_id', 'occurred_at', 'channel'], optional: ['campaign', 'cost', 'currency'] },
  exampleCsv: 'customer_id,occurred_at,channel,campaign,cost,currency\nc-001,2026-10-01T09:15:00Z,meta,autumn-push,0.42,USD\nc-001,2026-10-03T18:02:11Z,email,newsletter-41,,\n',
  read(row, ctx) {
    const cost = row.decimal('cost', { optional: true, min: 0 });
    if (cost === null && row.has('currency')) throw new RowError('currency is set but cost is empty');
    const touch: TouchpointRow = {
      customerId: row.text('customer_id'),
      occurredAt: row.instant('occurred_at'),
      channel: channelName(row),
      campaign: campaignName(row),
      cost,
      currency: cost === null ? null : row.currency('currency', ctx.org.baseCurrency),
    };
    return touch;
  },
  async store(ctx, rows) {
    const writer = new BulkWriter(ctx.db, { skipDuplicates: true });
    for (const row of rows) {
      const dedupeKey = contentKey('touchpoint', [row.customerId, row.occurredAt.toISOString(), row.channel, row.campaign, row.cost === null ? null : String(Number(row.cost)), row.currency]);
      writer.add(touchpoints, { organizationId: ctx.orgId, ...row, dedupeKey });
      await writer.drain();
    }
    await writer.finish();
    return { inserted: writer.counts().Touchpoint ?? 0, replaced: 0 };
  },
});
