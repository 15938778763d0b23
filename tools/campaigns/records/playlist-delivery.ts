import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { listingCtes } from '../delivery/delivery-sql.ts';
import { loadDeliveryScope, queryDelivery } from '../delivery/delivery-scope.ts';
import { inDeliverySession, withSessionCaches } from '../delivery/delivery-session.ts';

/** What a registered playlist did for its vendor's placements as of a date (DESIGN.md section 6). */
export interface PlaylistDelivery {
  /** Distinct songs placed with the playlist's vendor that the playlist listed in any scrape on or before as_of. */
  songsPlaced: number;
  /** streams_12m the playlist credits to those placements, each song from the latest scrape that lists it (a dropped song keeps its last figures). */
  deliveredStreams: number;
}

interface Row { playlist_id: string; songs_placed: number; delivered_streams: number; unknown_identities: number }

/**
 * One aggregate over the delivery module's listing CTEs (the history rule included): a registered
 * playlist's rows carry the key `playlist:<id>` there, and count only for songs placed with its vendor.
 */
export async function loadPlaylistDelivery(
  ctx: Pick<ToolContext, 'db' | 'orgId' | 'org' | 'inTransaction'>, playlists: ReadonlyArray<{ id: string; vendorId: string | null }>, asOf: Date,
): Promise<Map<string, PlaylistDelivery>> {
  const figures = new Map<string, PlaylistDelivery>();
  const withVendor = playlists.filter((playlist) => playlist.vendorId !== null);
  for (const playlist of playlists) figures.set(playlist.id, { songsPlaced: 0, deliveredStreams: 0 });
  if (withVendor.length === 0) return figures;
  const vendorIds = [...new Set(withVendor.map((playlist) => playlist.vendorId!))];
  const placements = Prisma.sql`p."vendorId" = ANY(${vendorIds}::text[])`;
  // wholeOrganization for its identities only (a listing has no song-vendor lookup, which the flag also
  // widens): the organisation's, remembered under a registry version, so the history rule can read the drops cache.
  const scope = await loadDeliveryScope(ctx.db, ctx.orgId, {
    asOf, timeZone: ctx.org.timeZone, baseCurrency: ctx.org.baseCurrency, placements, wholeOrganization: true,
  });
  const rows = await inDeliverySession(ctx, async (db) => queryDelivery<Row>(db, await withSessionCaches(db, scope, { listings: true }), (current) => Prisma.sql`
    WITH ${listingCtes(current, true)},
    chosen AS (SELECT * FROM unnest(${withVendor.map((playlist) => playlist.id)}::text[], ${withVendor.map((playlist) => playlist.vendorId!)}::text[]) AS c(id, vendor)),
    credited AS (
      SELECT c.id, l.track, l."streams12m"
      FROM listed l JOIN chosen c ON l.key = 'playlist:' || c.id
      WHERE EXISTS (SELECT 1 FROM placed p WHERE p.track = l.track AND p."vendorId" = c.vendor)
    )
    SELECT c.id AS playlist_id, (SELECT count(*) FROM listed WHERE key IS NULL)::int AS unknown_identities,
           count(DISTINCT r.track)::int AS songs_placed, coalesce(sum(r."streams12m"), 0)::float8 AS delivered_streams
    FROM chosen c LEFT JOIN credited r ON r.id = c.id
    GROUP BY c.id`));
  for (const row of rows) figures.set(row.playlist_id, { songsPlaced: row.songs_placed, deliveredStreams: row.delivered_streams });
  return figures;
}
