import { Prisma } from '../../../db/generated/prisma/client.ts';
import { isoDay } from '../../common/format.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

export interface PlatformStreams {
  /** Streams per day summed over the tracks, `from`..`to`. */
  daily: Map<string, number>;
  /** Each track's first day with stream data on the platform (at any time). */
  firstDayByTrack: Map<string, string>;
}

/** The stream data a lift needs, per platform: daily sums over the window and each track's first day. */
export async function liftStreams(
  db: ToolDb,
  organizationId: string,
  filter: { trackIds: string[]; from: Date; to: Date; platform?: string },
): Promise<Map<string, PlatformStreams>> {
  const platformCondition = filter.platform === undefined ? Prisma.empty : Prisma.sql`AND platform = ${filter.platform}`;
  const firstDays = await db.$queryRaw<Array<{ platform: string; trackId: string; first: string }>>`
    SELECT platform, "trackId", min(date)::text AS first
    FROM "StreamStat"
    WHERE "organizationId" = ${organizationId} AND "trackId" = ANY(${filter.trackIds}::text[]) ${platformCondition}
    GROUP BY platform, "trackId"`;
  const daily = await db.$queryRaw<Array<{ platform: string; day: string; streams: bigint | number }>>`
    SELECT platform, date::text AS day, sum(streams) AS streams
    FROM "StreamStat"
    WHERE "organizationId" = ${organizationId} AND "trackId" = ANY(${filter.trackIds}::text[]) ${platformCondition}
      AND date BETWEEN ${isoDay(filter.from)}::date AND ${isoDay(filter.to)}::date
    GROUP BY platform, date`;
  const byPlatform = new Map<string, PlatformStreams>();
  const of = (platform: string) => {
    let entry = byPlatform.get(platform);
    if (!entry) byPlatform.set(platform, (entry = { daily: new Map(), firstDayByTrack: new Map() }));
    return entry;
  };
  if (filter.platform !== undefined) of(filter.platform);
  for (const row of firstDays) of(row.platform).firstDayByTrack.set(row.trackId, row.first);
  for (const row of daily) of(row.platform).daily.set(row.day, Number(row.streams));
  return byPlatform;
}
