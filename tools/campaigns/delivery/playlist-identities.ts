import { createHash } from 'node:crypto';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { isSpotifyCurated, nameKey, PlaylistIndex, type ScrapedPlaylist } from './playlist-ownership.ts';

/** Stand-in owner for a playlist whose streams go to the song's only vendor, if it has exactly one (auto-detection). */
export const SOLE_VENDOR = '(sole vendor)';

/**
 * Who each distinct scraped playlist (Spotify id, name, curator) belongs to, decided once per
 * identity in TypeScript by the ownership rule (playlist-ownership.ts), so the database only adds
 * up rows: a few thousand identities stand for hundreds of thousands of playlist rows.
 *
 * `key` says which rows of a song are the same playlist from one scrape to the next (the history
 * rule): the registered playlist it matches, else its Spotify id, else its name (case-insensitive).
 */
export interface PlaylistIdentities {
  /** A SQL table `o(pid, name, curator, owner, key)`; pid and curator are '' when absent. */
  table: Prisma.Sql;
  count: number;
  /**
   * The fingerprint of the registry that classified them, when they cover every playlist the
   * organisation ever scraped: the version its cached owner totals are stored under (owner-totals.ts).
   */
  registry?: string;
}

/**
 * The ownership of every playlist scraped for `tracks` (a SQL list of track ids) before `cutoff`.
 * Only the registry and the scraped identity decide it, never the song (auto-detection is settled
 * per song in SQL through SOLE_VENDOR), which is what makes one decision per identity exact.
 */
export async function loadPlaylistIdentities(db: ToolDb, organizationId: string, tracks: Prisma.Sql | null, cutoff: Date | null): Promise<PlaylistIdentities> {
  const [identities, registered] = await Promise.all([
    scrapedIdentities(db, organizationId, tracks, cutoff),
    loadRegistry(db),
  ]);
  const index = new PlaylistIndex(registered);
  return toTable(identities.map((identity) => [identity, classify(scrapedOf(identity), index)] as const));
}

interface Identity { pid: string; name: string; curator: string }
type Classified = ReturnType<typeof classify>;

/**
 * Every playlist identity the organisation ever scraped, classified: remembered per organisation
 * while its playlist registry stays the same (the classification depends on nothing else), since
 * listing the identities reads every scraped row. New scrapes bring identities it does not know
 * yet: the delivery SQL counts rows it could not classify, and the caller then calls
 * `refreshOrganizationIdentities` and asks again.
 */
export async function organizationIdentities(db: ToolDb, organizationId: string): Promise<PlaylistIdentities> {
  const registered = await loadRegistry(db);
  const fingerprint = registryFingerprint(registered);
  const remembered = REMEMBERED.get(organizationId);
  if (remembered && remembered.fingerprint === fingerprint) return { ...toTable([...remembered.identities.values()]), registry: fingerprint };
  return refreshOrganizationIdentities(db, organizationId);
}

export async function refreshOrganizationIdentities(db: ToolDb, organizationId: string): Promise<PlaylistIdentities> {
  const [identities, registered] = await Promise.all([scrapedIdentities(db, organizationId, null, null), loadRegistry(db)]);
  const index = new PlaylistIndex(registered);
  const classified = new Map(identities.map((identity) => [`${identity.pid}\u0000${identity.name}\u0000${identity.curator}`, [identity, classify(scrapedOf(identity), index)] as const]));
  const fingerprint = registryFingerprint(registered);
  REMEMBERED.delete(organizationId);
  REMEMBERED.set(organizationId, { fingerprint, identities: classified });
  while (REMEMBERED.size > REMEMBERED_ORGANIZATIONS) REMEMBERED.delete(REMEMBERED.keys().next().value!);
  return { ...toTable([...classified.values()]), registry: fingerprint };
}

const REMEMBERED_ORGANIZATIONS = 32;
const REMEMBERED = new Map<string, { fingerprint: string; identities: Map<string, readonly [Identity, Classified]> }>();

async function scrapedIdentities(db: ToolDb, organizationId: string, tracks: Prisma.Sql | null, cutoff: Date | null): Promise<Identity[]> {
  return db.$queryRaw<Identity[]>`
    SELECT DISTINCT coalesce(c."spotifyPlaylistId", '') AS pid, c.name, coalesce(c.curator, '') AS curator
    FROM "CampaignPlaylist" c
    WHERE c."organizationId" = ${organizationId}
      ${cutoff ? Prisma.sql`AND c."scrapedAt" < ${cutoff}` : Prisma.empty}
      ${tracks ? Prisma.sql`AND c."spotifyTrackId" IN (${tracks})` : Prisma.empty}`;
}

function loadRegistry(db: ToolDb) {
  return db.playlist.findMany({ select: { id: true, vendorId: true, spotifyPlaylistId: true, name: true }, orderBy: { id: 'asc' } });
}

/** Everything the ownership rule reads from the registry, hashed. */
function registryFingerprint(registered: ReadonlyArray<{ id: string; vendorId: string | null; spotifyPlaylistId: string | null; name: string }>): string {
  const hash = createHash('sha256');
  for (const playlist of registered) hash.update(`${playlist.id}\u0000${playlist.vendorId ?? ''}\u0000${playlist.spotifyPlaylistId ?? ''}\u0000${playlist.name}\u0001`);
  return hash.digest('hex');
}

function scrapedOf(identity: Identity): ScrapedPlaylist {
  return { spotifyPlaylistId: identity.pid || null, name: identity.name, curator: identity.curator || null };
}

function toTable(classified: ReadonlyArray<readonly [Identity, Classified]>): PlaylistIdentities {
  return {
    count: classified.length,
    table: Prisma.sql`SELECT * FROM unnest(${classified.map(([i]) => i.pid)}::text[], ${classified.map(([i]) => i.name)}::text[],
      ${classified.map(([i]) => i.curator)}::text[], ${classified.map(([, o]) => o.owner)}::text[], ${classified.map(([, o]) => o.key)}::text[]) AS o(pid, name, curator, owner, key)`,
  };
}

/** The owner class (a vendor id, SOLE_VENDOR or null for organic) and the history key of one scraped identity. */
export function classify(scraped: ScrapedPlaylist, index: PlaylistIndex): { owner: string | null; key: string } {
  const matched = index.match(scraped);
  const rawKey = scraped.spotifyPlaylistId ? `spotify:${scraped.spotifyPlaylistId}` : `name:${nameKey(scraped.name)}`;
  if (matched === 'ambiguous') return { owner: null, key: rawKey };
  if (matched) return { owner: matched.playlist.vendorId, key: `playlist:${matched.playlist.id}` };
  return { owner: isSpotifyCurated(scraped.curator) ? null : SOLE_VENDOR, key: rawKey };
}
