import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { ownerOf, PlaylistIndex, type ScrapedPlaylist } from './playlist-ownership.ts';

/** Streams credited to one vendor on one song, summed over its playlists in the song's latest scrape. */
export interface CreditedTotals {
  scrapedAt: Date;
  byVendor: Map<string, { streams7d: number; streams28d: number; streams12m: number }>;
}

/** Stand-in vendor for rows that go to the song's only vendor, if it has exactly one (auto-detection). */
const SOLE_VENDOR = '(sole vendor)';

/**
 * The same credit as `loadCreditedScrapes`, summed in the database: for organisation-wide figures
 * shipping every playlist row to JavaScript costs seconds. The ownership rule still runs once, in
 * `ownerOf`, per distinct playlist (a few thousand), and the database only adds up the rows of
 * each owner. Who owns a playlist depends on the song only through auto-detection, which is
 * settled per song afterwards.
 */
export async function loadCreditedTotals(
  db: ToolDb,
  organizationId: string,
  trackIds: string[],
  cutoff: Date,
  vendorsBySong: Map<string, Set<string>>,
): Promise<Map<string, CreditedTotals>> {
  const totals = new Map<string, CreditedTotals>();
  if (trackIds.length === 0) return totals;
  const identities = await db.$queryRaw<Array<{ spotifyPlaylistId: string | null; name: string; curator: string | null }>>`
    WITH latest AS (${latestSnapshots(organizationId, trackIds, cutoff)})
    SELECT DISTINCT nullif(coalesce(c."spotifyPlaylistId", ''), '') AS "spotifyPlaylistId", c.name, nullif(coalesce(c.curator, ''), '') AS curator
    FROM latest l JOIN "CampaignPlaylist" c ON c."organizationId" = ${organizationId} AND c."snapshotId" = l.id`;
  const index = new PlaylistIndex(await db.playlist.findMany({ select: { id: true, vendorId: true, spotifyPlaylistId: true, name: true } }));
  const owners = identities.map((identity) => ownerClass(identity, index));
  const rows = await db.$queryRaw<Array<{ spotifyTrackId: string; scrapedAt: Date; owner: string | null; streams7d: bigint | number; streams28d: bigint | number; streams12m: bigint | number }>>`
    WITH latest AS (${latestSnapshots(organizationId, trackIds, cutoff)}),
    owners AS (
      SELECT * FROM unnest(${identities.map((i) => i.spotifyPlaylistId ?? '')}::text[], ${identities.map((i) => i.name)}::text[],
                           ${identities.map((i) => i.curator ?? '')}::text[], ${owners}::text[]) AS o(pid, name, curator, owner)
    )
    SELECT l."spotifyTrackId", l."scrapedAt", o.owner,
           coalesce(sum(c."streams7d"), 0) AS "streams7d", coalesce(sum(c."streams28d"), 0) AS "streams28d", coalesce(sum(c."streams12m"), 0) AS "streams12m"
    FROM latest l
    LEFT JOIN "CampaignPlaylist" c ON c."organizationId" = ${organizationId} AND c."snapshotId" = l.id
    LEFT JOIN owners o ON o.pid = coalesce(c."spotifyPlaylistId", '') AND o.name = c.name AND o.curator = coalesce(c.curator, '')
    GROUP BY l."spotifyTrackId", l."scrapedAt", o.owner`;
  for (const row of rows) {
    let song = totals.get(row.spotifyTrackId);
    if (!song) {
      song = { scrapedAt: row.scrapedAt, byVendor: new Map() };
      totals.set(row.spotifyTrackId, song);
    }
    const vendors = vendorsBySong.get(row.spotifyTrackId);
    const vendorId = row.owner === SOLE_VENDOR ? (vendors?.size === 1 ? [...vendors][0]! : null) : row.owner;
    if (!vendorId) continue;
    const sums = song.byVendor.get(vendorId) ?? { streams7d: 0, streams28d: 0, streams12m: 0 };
    sums.streams7d += Number(row.streams7d);
    sums.streams28d += Number(row.streams28d);
    sums.streams12m += Number(row.streams12m);
    song.byVendor.set(vendorId, sums);
  }
  return totals;
}

/** A registered vendor, SOLE_VENDOR when auto-detection decides per song, or null (organic). */
function ownerClass(identity: ScrapedPlaylist, index: PlaylistIndex): string | null {
  const owner = ownerOf(identity, index, new Set());
  if (owner.kind === 'vendor') return owner.vendorId;
  if (owner.kind === 'organic' && owner.reason === 'unmatched') return SOLE_VENDOR;
  return null;
}

function latestSnapshots(organizationId: string, trackIds: string[], cutoff: Date) {
  return Prisma.sql`
    SELECT DISTINCT ON (s."spotifyTrackId") s.id, s."spotifyTrackId", s."scrapedAt"
    FROM "ScrapeSnapshot" s
    WHERE s."organizationId" = ${organizationId} AND s."spotifyTrackId" = ANY(${trackIds}) AND s."scrapedAt" < ${cutoff}
    ORDER BY s."spotifyTrackId", s."scrapedAt" DESC`;
}
