import { Prisma } from '../../../db/generated/prisma/client.ts';
import { isoDay } from '../../common/format.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

export interface StreamFilter {
  from: Date;
  to: Date;
  /** Compared case-insensitively. */
  artist?: string;
  platform?: string;
  trackIds?: string[];
}

export interface StreamTotal {
  artist: string;
  platform: string;
  streams: number;
}

/** Streams per artist and platform over an inclusive range of days, summed in the database. */
export async function streamTotals(db: ToolDb, organizationId: string, filter: StreamFilter): Promise<StreamTotal[]> {
  const rows = await db.$queryRaw<Array<{ artist: string; platform: string; streams: bigint | number }>>`
    SELECT artist, platform, sum(streams) AS streams
    FROM "StreamStat"
    WHERE "organizationId" = ${organizationId} AND date BETWEEN ${isoDay(filter.from)}::date AND ${isoDay(filter.to)}::date
      ${streamConditions(filter)}
    GROUP BY artist, platform`;
  return rows.map((row) => ({ artist: row.artist, platform: row.platform, streams: Number(row.streams) }));
}

/** The optional filters, as `AND ...` SQL fragments on StreamStat. */
export function streamConditions(filter: Omit<StreamFilter, 'from' | 'to'>): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.artist !== undefined) conditions.push(Prisma.sql`AND lower(artist) = lower(${filter.artist})`);
  if (filter.platform !== undefined) conditions.push(Prisma.sql`AND platform = ${filter.platform}`);
  if (filter.trackIds !== undefined) conditions.push(Prisma.sql`AND "trackId" = ANY(${filter.trackIds}::text[])`);
  return conditions.length ? Prisma.join(conditions, ' ') : Prisma.empty;
}
