import type { ToolDb } from '../../registry/tenant-scope.ts';
import type { PlaylistIdentities } from './playlist-identities.ts';

/**
 * Fills the history rule's cache (ScrapeDrop) for every scrape without a marker under this registry
 * version: the playlist rows the song's next scrape no longer lists, each with the key and owner the
 * registry gives it, and a marker row saying the scrape is done (a song's last scrape has only that).
 *
 * Why it is exact: a playlist a song's latest scrape (before a cutoff) does not list keeps the
 * figures of the latest earlier scrape that did (DESIGN.md section 6), and the scrape after that
 * listing no longer lists it. So the kept rows are, per song and key, the latest drop whose next
 * scrape is no later than the song's latest, and `droppedAt` is the history rule's `dropped_on`.
 * A scrape's drops depend on it and its successor only: triggers on ScrapeSnapshot forget them
 * when a scrape is stored between the two or the successor is deleted (see the migration).
 *
 * Runs inside the caller's transaction (a delivery session), under the scraper import's lock taken
 * shared, so an import cannot store a scrape between a pair this fill is measuring (its trigger would
 * not see these rows yet) nor while the caller reads the cache. It relies on every scrape being
 * written with its playlist rows in one transaction under that lock, as the import does. A scrape
 * with a playlist the identities do not know (an import newer than them), in it or in its
 * successor, is left out: the caller then uses the rows themselves.
 *
 * Returns whether every scrape is now covered (false also while an import holds the lock). Raw SQL
 * is not tenant-scoped: every statement names the organisation, and every value travels as a parameter.
 */
export async function fillScrapeDrops(db: ToolDb, organizationId: string, identities: PlaylistIdentities & { registry: string }): Promise<boolean> {
  const { registry } = identities;
  if (!(await holdScrapeImportLock(db, organizationId))) return false;
  // Every scrape gets a marker, a song's last one too (dropped 'infinity': nothing after it yet, and the
  // trigger forgets it when a later scrape comes), so two counts tell whether all are covered.
  const [counts] = await db.$queryRaw<Array<{ missing: number }>>`
    SELECT (SELECT count(*) FROM "ScrapeSnapshot" WHERE "organizationId" = ${organizationId})::int
         - (SELECT count(*) FROM "ScrapeDrop" WHERE "organizationId" = ${organizationId} AND registry = ${registry} AND "rowId" = '')::int AS missing`;
  const missing = counts?.missing ?? 0;
  if (missing <= 0) return true;
  await db.$executeRaw`DELETE FROM "ScrapeDrop" WHERE "organizationId" = ${organizationId} AND registry <> ${registry}`;
  const [filled] = await db.$queryRaw<Array<{ unknown: number }>>`
    WITH owners AS MATERIALIZED (${identities.table}),
    missing AS MATERIALIZED (
      SELECT * FROM (
        SELECT s.id, s."spotifyTrackId" AS track, s."scrapedAt", lead(s.id) OVER w AS next_id, lead(s."scrapedAt") OVER w AS next_at
        FROM "ScrapeSnapshot" s WHERE s."organizationId" = ${organizationId}
        WINDOW w AS (PARTITION BY s."spotifyTrackId" ORDER BY s."scrapedAt")
      ) o
      -- NOT IN over a subquery is one hashed pass over the markers, whatever the statistics say.
      WHERE o.id NOT IN (SELECT d."snapshotId" FROM "ScrapeDrop" d WHERE d."organizationId" = ${organizationId} AND d.registry = ${registry} AND d."rowId" = '')
    ),
    listed AS MATERIALIZED (
      SELECT m.id AS snapshot_id, m.track, m."scrapedAt", m.next_at, c.id AS row_id, o.key, o.owner, c."streams7d", c."streams28d", c."streams12m"
      FROM missing m
      JOIN "CampaignPlaylist" c ON c."organizationId" = ${organizationId} AND c."snapshotId" = m.id
      LEFT JOIN owners o ON o.pid = coalesce(c."spotifyPlaylistId", '') AND o.name = c.name AND o.curator = coalesce(c.curator, '')
      -- A song's last scrape drops nothing (yet): it gets its marker alone.
      WHERE m.next_id IS NOT NULL
    ),
    next_keys AS MATERIALIZED (
      SELECT m.id AS snapshot_id, o.key
      FROM missing m
      JOIN "CampaignPlaylist" c ON c."organizationId" = ${organizationId} AND c."snapshotId" = m.next_id
      LEFT JOIN owners o ON o.pid = coalesce(c."spotifyPlaylistId", '') AND o.name = c.name AND o.curator = coalesce(c.curator, '')
    ),
    unknown AS MATERIALIZED (
      SELECT snapshot_id FROM listed WHERE key IS NULL UNION SELECT snapshot_id FROM next_keys WHERE key IS NULL
    ),
    drops AS (
      INSERT INTO "ScrapeDrop" ("organizationId", registry, "snapshotId", "rowId", "spotifyTrackId", "scrapedAt", "droppedAt", key, owner, "streams7d", "streams28d", "streams12m")
      SELECT ${organizationId}, ${registry}, l.snapshot_id, l.row_id, l.track, l."scrapedAt", l.next_at, l.key, l.owner, l."streams7d", l."streams28d", l."streams12m"
      FROM listed l
      WHERE l.snapshot_id NOT IN (SELECT snapshot_id FROM unknown)
        AND NOT EXISTS (SELECT 1 FROM next_keys n WHERE n.snapshot_id = l.snapshot_id AND n.key = l.key)
      ON CONFLICT DO NOTHING
    ),
    markers AS (
      INSERT INTO "ScrapeDrop" ("organizationId", registry, "snapshotId", "rowId", "spotifyTrackId", "scrapedAt", "droppedAt", key, owner, "streams7d", "streams28d", "streams12m")
      SELECT ${organizationId}, ${registry}, m.id, '', m.track, m."scrapedAt", coalesce(m.next_at, 'infinity'), '', NULL, 0, 0, 0
      FROM missing m
      WHERE m.id NOT IN (SELECT snapshot_id FROM unknown)
      ON CONFLICT DO NOTHING
    )
    SELECT (SELECT count(*) FROM unknown)::int AS unknown`;
  // The planner must know the cache's size before the delivery queries join it (PGlite never autovacuums).
  if (missing >= ANALYZE_AFTER_SCRAPES) await db.$executeRawUnsafe('ANALYZE "ScrapeDrop"');
  return (filled?.unknown ?? 0) === 0;
}

const ANALYZE_AFTER_SCRAPES = 100;

/**
 * Takes the scraper import's lock shared until the caller's transaction ends, so no import commits a
 * scrape under the figures being read (nor, through its triggers, forgets cached figures they read);
 * false while an import is running or waiting: the caller then reads the rows this once rather than
 * wait for it. Taking it again in the same transaction is free.
 */
export async function holdScrapeImportLock(db: ToolDb, organizationId: string): Promise<boolean> {
  const [lock] = await db.$queryRaw<Array<{ locked: boolean }>>`
    SELECT pg_try_advisory_xact_lock_shared(hashtext('ingest_scraped_data'), hashtext(${organizationId})) AS locked`;
  return !!lock?.locked;
}
