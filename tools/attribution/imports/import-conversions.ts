import { conversions } from '../../../db/bulk/tables.ts';
import { BulkWriter } from '../../../db/bulk/bulk-writer.ts';
import { defineCsvImport } from '../../imports/csv-import.ts';
import { contentKey } from '../../imports/row-names.ts';

interface ConversionRow {
  customerId: string;
  occurredAt: Date;
  revenue: string;
  currency: string;
  orderId: string | null;
}

export const importConversions = defineCsvImport<ConversionRow>({
  name: 'import_conversions',
  title: 'Import conversions',
  description:
    'Loads conversions (purchases: tickets, merch, music) with their revenue, for attribution and ROAS. An order_id already stored with the same ' +
    'values is skipped, so re-importing a file or an overlapping export changes nothing; one stored with other values, or repeated in a file, ' +
    'is a bad row. Rows without order_id are skipped when identical to a stored row.',
  area: 'attribution',
  permission: 'attribution:write',
  columns: { required: ['customer_id', 'occurred_at', 'revenue', 'currency'], optional: ['order_id'] },
  exampleCsv: 'customer_id,occurred_at,revenue,currency,order_id\nc-001,2026-10-04T20:30:00Z,49.90,USD,o-1001\n',
  read(row) {
    return {
      customerId: row.text('customer_id'),
      occurredAt: row.instant('occurred_at'),
      revenue: row.decimal('revenue', { min: 0 }),
      currency: row.currency('currency'),
      orderId: row.text('order_id', { optional: true }),
    };
  },
  naturalKey: { of: (row) => row.orderId, describe: (row) => `order ${row.orderId}`, replacesStored: false },
  async conflictsWithStored(ctx, rows) {
    const ordered = rows.filter(({ row }) => row.orderId !== null);
    if (ordered.length === 0) return [];
    const stored = await ctx.db.conversion.findMany({
      where: { orderId: { in: ordered.map(({ row }) => row.orderId!) } },
      select: { orderId: true, customerId: true, occurredAt: true, revenue: true, currency: true },
    });
    const byOrder = new Map(stored.map((conversion) => [conversion.orderId!, conversion]));
    return ordered.flatMap(({ row, line }) => {
      const existing = byOrder.get(row.orderId!);
      if (!existing) return [];
      const same = existing.customerId === row.customerId && existing.occurredAt.getTime() === row.occurredAt.getTime()
        && Number(existing.revenue) === Number(row.revenue) && existing.currency === row.currency;
      return same ? [] : [{
        line,
        reason: `order ${row.orderId} is already stored as ${existing.customerId}, ${existing.occurredAt.toISOString()}, ${Number(existing.revenue)} ${existing.currency}; a conversion cannot change (remove the row or fix the order id)`,
      }];
    });
  },
  async store(ctx, rows) {
    const writer = new BulkWriter(ctx.db, { skipDuplicates: true });
    for (const row of rows) {
      const dedupeKey = row.orderId === null
        ? contentKey('conversion', [row.customerId, row.occurredAt.toISOString(), String(Number(row.revenue)), row.currency])
        : `order:${row.orderId}`;
      writer.add(conversions, { organizationId: ctx.orgId, ...row, dedupeKey });
      await writer.drain();
    }
    await writer.finish();
    return { inserted: writer.counts().Conversion ?? 0, replaced: 0 };
  },
});
