import { Prisma } from '../../../db/generated/prisma/client.ts';
import { uuidV7 } from '../../../db/uuid-v7.ts';
import type { ToolContext } from '../../registry/context.ts';
import type { PreparedRecord } from './convert-money.ts';
import { toStoredCategory, type SourceCategory } from './record-source.ts';

/** Records per statement: larger batches measured faster (2,000 -> 5,000 about 15% on PGlite), and a call holds its one transaction anyway. */
const BATCH = 5_000;

export interface StoreCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

interface Target {
  dataSource: string;
  category: SourceCategory;
}

/**
 * Writes records of one source by (organisation, source, source record id): new ones are inserted,
 * stored ones are overwritten only when something differs (payload compared as JSON, so key order
 * does not matter), so importing the same records twice changes nothing and a late correction
 * replaces what it corrects. One `INSERT ... SELECT unnest(...) ON CONFLICT DO UPDATE ... WHERE`
 * per batch, parameterised; `xmax = 0` tells an insert from an update. Every row carries ctx.orgId
 * and the conflict key includes it, so no other organisation's record can be touched.
 */
export async function storeRecords(ctx: ToolContext, target: Target, records: readonly PreparedRecord[]): Promise<StoreCounts> {
  const counts: StoreCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const now = ctx.now();
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    const [written] = await ctx.db.$queryRaw<Array<{ inserted: number; updated: number }>>(Prisma.sql`
      WITH incoming AS (${incoming(batch)}),
      written AS (
        INSERT INTO "UnifiedRecord" ("id", "organizationId", "recordedAt", "recordedOffsetMinutes", "dataSource", "sourceCategory", "campaignKey", "customerKey",
          "assetKey", "sourceRecordId", "payload", "originalCurrency", "originalMoney", "createdAt", "updatedAt")
        SELECT id, ${ctx.orgId}, recorded_at, offset_minutes, ${target.dataSource}, ${toStoredCategory(target.category)}::"UnifiedSourceCategory", campaign_key, customer_key,
          asset_key, source_record_id, payload, original_currency, original_money, ${now}::timestamptz, ${now}::timestamptz
        FROM incoming
        ON CONFLICT ("organizationId", "dataSource", "sourceRecordId") DO UPDATE SET
          "recordedAt" = EXCLUDED."recordedAt", "recordedOffsetMinutes" = EXCLUDED."recordedOffsetMinutes", "sourceCategory" = EXCLUDED."sourceCategory",
          "campaignKey" = EXCLUDED."campaignKey", "customerKey" = EXCLUDED."customerKey", "assetKey" = EXCLUDED."assetKey", "payload" = EXCLUDED."payload",
          "originalCurrency" = EXCLUDED."originalCurrency", "originalMoney" = EXCLUDED."originalMoney", "updatedAt" = EXCLUDED."updatedAt"
        WHERE (${storedColumns('"UnifiedRecord"')}) IS DISTINCT FROM (${storedColumns('EXCLUDED')})
        RETURNING (xmax = 0) AS inserted
      )
      SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`);
    counts.inserted += written?.inserted ?? 0;
    counts.updated += written?.updated ?? 0;
    counts.unchanged += batch.length - (written?.inserted ?? 0) - (written?.updated ?? 0);
    // The embedded database runs on this thread: let other requests' work in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return counts;
}

/** What storing would do, without writing: the same comparison against the stored records. */
export async function classifyRecords(ctx: ToolContext, target: Target, records: readonly PreparedRecord[]): Promise<StoreCounts> {
  const counts: StoreCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < records.length; start += BATCH) {
    const batch = records.slice(start, start + BATCH);
    const [found] = await ctx.db.$queryRaw<Array<{ inserted: number; updated: number }>>(Prisma.sql`
      WITH incoming AS (${incoming(batch)}),
      compared AS (
        SELECT stored.id IS NULL AS is_new,
          (${storedColumns('stored')}) IS DISTINCT FROM
          (incoming.recorded_at, incoming.offset_minutes, ${toStoredCategory(target.category)}::"UnifiedSourceCategory", incoming.campaign_key, incoming.customer_key,
           incoming.asset_key, incoming.payload, incoming.original_currency::char(3), incoming.original_money) AS differs
        FROM incoming LEFT JOIN "UnifiedRecord" stored
          ON stored."organizationId" = ${ctx.orgId} AND stored."dataSource" = ${target.dataSource} AND stored."sourceRecordId" = incoming.source_record_id
      )
      SELECT count(*) FILTER (WHERE is_new)::int AS inserted, count(*) FILTER (WHERE NOT is_new AND differs)::int AS updated FROM compared`);
    counts.inserted += found?.inserted ?? 0;
    counts.updated += found?.updated ?? 0;
    counts.unchanged += batch.length - (found?.inserted ?? 0) - (found?.updated ?? 0);
  }
  return counts;
}

/** The columns a re-import may change, of one row source, for the "anything differs" test. */
function storedColumns(table: string): Prisma.Sql {
  const columns = ['recordedAt', 'recordedOffsetMinutes', 'sourceCategory', 'campaignKey', 'customerKey', 'assetKey', 'payload', 'originalCurrency', 'originalMoney'];
  return Prisma.raw(columns.map((column) => `${table}."${column}"`).join(', '));
}

/** A batch as a parameterised table: one array parameter per column. */
function incoming(batch: readonly PreparedRecord[]): Prisma.Sql {
  return Prisma.sql`SELECT * FROM unnest(
      ${batch.map(() => uuidV7())}::text[], ${batch.map((record) => record.recordedAt.toISOString())}::timestamptz[],
      ${batch.map((record) => record.offsetMinutes)}::int[], ${batch.map((record) => record.campaignKey)}::text[],
      ${batch.map((record) => record.customerKey)}::text[], ${batch.map((record) => record.assetKey)}::text[],
      ${batch.map((record) => record.sourceRecordId)}::text[], ${batch.map((record) => JSON.stringify(record.payload))}::jsonb[],
      ${batch.map((record) => record.currency)}::text[], ${batch.map((record) => (record.originalMoney ? JSON.stringify(record.originalMoney) : null))}::jsonb[])
    AS incoming(id, recorded_at, offset_minutes, campaign_key, customer_key, asset_key, source_record_id, payload, original_currency, original_money)`;
}
