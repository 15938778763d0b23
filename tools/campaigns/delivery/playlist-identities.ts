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
  /** The organisation's identities only: `<organisation>_<content>` hashes, under which a session keeps them as a temporary table (delivery-session.ts). */
  version?: string;
  /** The registry they were classified with, indexed: listings that credit playlist rows reuse it rather than read the registry again. */
  index?: PlaylistIndex;
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
  return { ...toTable(identities.map((identity) => [identity, classify(scrapedOf(identity), index)] as const)), index };
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
  if (remembered && remembered.fingerprint === fingerprint) return { ...remembered.table, registry: fingerprint };
  return refreshOrganizationIdentities(db, organizationId);
}

export async function refreshOrganizationIdentities(db: ToolDb, organizationId: string): Promise<PlaylistIdentities> {
  const [identities, registered] = await Promise.all([scrapedIdentities(db, organizationId, null, null), loadRegistry(db)]);
  const index = new PlaylistIndex(registered);
  const classified = new Map(identities.map((identity) => [`${identity.pid}\u0000${identity.name}\u0000${identity.curator}`, [identity, classify(scrapedOf(identity), index)] as const]));
  const fingerprint = registryFingerprint(registered);
  // The table (its one JSON parameter) is built once per version, and a session can keep its rows (delivery-session.ts).
  const table = toTable([...classified.values()], organizationId);
  REMEMBERED.delete(organizationId);
  REMEMBERED.set(organizationId, { fingerprint, table });
  while (REMEMBERED.size > REMEMBERED_ORGANIZATIONS) REMEMBERED.delete(REMEMBERED.keys().next().value!);
  return { ...table, registry: fingerprint };
}

const REMEMBERED_ORGANIZATIONS = 32;
const REMEMBERED = new Map<string, { fingerprint: string; table: PlaylistIdentities }>();

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

/** The organisation's playlist registry, indexed for the ownership rule (the importer's linking and every listing's crediting). */
export async function loadPlaylistIndex(db: ToolDb): Promise<PlaylistIndex> {
  return new PlaylistIndex(await loadRegistry(db));
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

/**
 * One JSON text parameter rather than five text arrays: a driver escapes every element of an array
 * parameter one by one (about 12 ms for the 2,500 identities of the bench organisation), where one
 * string is sent as it is and JSON.stringify is native.
 */
function toTable(classified: ReadonlyArray<readonly [Identity, Classified]>, organizationId?: string): PlaylistIdentities {
  const json = JSON.stringify(classified.map(([identity, owner]) => [identity.pid, identity.name, identity.curator, owner.owner, owner.key]));
  // <organisation>_<content>: a session drops its older tables of the same organisation by the prefix.
  const version = organizationId === undefined
    ? undefined
    : `${createHash('sha256').update(organizationId).digest('hex').slice(0, 8)}_${createHash('sha256').update(`${organizationId}\u0000${json}`).digest('hex').slice(0, 16)}`;
  return { count: classified.length, table: identitiesFromJson(json), ...(version ? { version } : {}) };
}

/** The identities table `o(pid, name, curator, owner, key)` from their JSON rows (a parameter). */
export function identitiesFromJson(json: string): Prisma.Sql {
  return Prisma.sql`SELECT r->>0 AS pid, r->>1 AS name, r->>2 AS curator, r->>3 AS owner, r->>4 AS key FROM json_array_elements(${json}::json) AS r`;
}

/** The owner class (a vendor id, SOLE_VENDOR or null for organic) and the history key of one scraped identity. */
export function classify(scraped: ScrapedPlaylist, index: PlaylistIndex): { owner: string | null; key: string } {
  const matched = index.match(scraped);
  const rawKey = scraped.spotifyPlaylistId ? `spotify:${scraped.spotifyPlaylistId}` : `name:${nameKey(scraped.name)}`;
  if (matched === 'ambiguous') return { owner: null, key: rawKey };
  if (matched) return { owner: matched.playlist.vendorId, key: `playlist:${matched.playlist.id}` };
  return { owner: isSpotifyCurated(scraped.curator) ? null : SOLE_VENDOR, key: rawKey };
}
