import { Prisma } from '../../../db/generated/prisma/client.ts';
import { isoDay, parseDay } from '../../common/format.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

export interface PayoutWithStreams {
  id: string;
  artist: string;
  platform: string;
  periodStart: Date;
  periodEnd: Date;
  amount: number;
  currency: string;
  /** Streams of the payout's artist and platform over exactly its period_start..period_end. */
  streams: number;
  /** Distinct days of that period with any stream row: less than the period's length means the estimate is partial. */
  streamDays: number;
}

/**
 * Payouts whose period overlaps `from..to`, each with the streams of its own artist and platform
 * over its own period (not the requested range), in one query. The artist is matched exactly as
 * stored, the platform as normalised by the importers.
 */
export async function payoutsWithStreams(
  db: ToolDb,
  organizationId: string,
  filter: { from: Date; to: Date; artist?: string; platform?: string },
): Promise<PayoutWithStreams[]> {
  const conditions: Prisma.Sql[] = [];
  if (filter.artist !== undefined) conditions.push(Prisma.sql`AND lower(p.artist) = lower(${filter.artist})`);
  if (filter.platform !== undefined) conditions.push(Prisma.sql`AND p.platform = ${filter.platform}`);
  const rows = await db.$queryRaw<Array<{
    id: string; artist: string; platform: string; periodStart: string; periodEnd: string; amount: string; currency: string; streams: bigint | number; streamDays: bigint | number;
  }>>`
    SELECT p.id, p.artist, p.platform, p."periodStart"::text AS "periodStart", p."periodEnd"::text AS "periodEnd", p.amount::text AS amount, p.currency,
           coalesce(sum(s.streams), 0) AS streams, count(DISTINCT s.date) AS "streamDays"
    FROM "ActualPayout" p
    LEFT JOIN "StreamStat" s
      ON s."organizationId" = ${organizationId} AND lower(s.artist) = lower(p.artist) AND s.platform = p.platform
     AND s.date BETWEEN p."periodStart" AND p."periodEnd"
    WHERE p."organizationId" = ${organizationId}
      AND p."periodStart" <= ${isoDay(filter.to)}::date AND p."periodEnd" >= ${isoDay(filter.from)}::date
      ${conditions.length ? Prisma.join(conditions, ' ') : Prisma.empty}
    GROUP BY p.id
    ORDER BY p."periodStart", p.artist, p.platform`;
  return rows.map((row) => ({ ...row, periodStart: parseDay(row.periodStart), periodEnd: parseDay(row.periodEnd), amount: Number(row.amount), streams: Number(row.streams), streamDays: Number(row.streamDays) }));
}
