import type { ToolDb } from '../../registry/tenant-scope.ts';
import type { PlaylistIdentities } from './playlist-identities.ts';

/**
 * Fills the owner totals cache (ScrapeOwnerTotal) for every scrape of the organisation that has no
 * rows under this registry version: each scrape's playlist streams summed per owner, so the
 * scorecard adds up one row per scrape and owner instead of every playlist row (about 20 per song);
 * and its key sets (ScrapeKeySet), whether a scrape lists a playlist again being read from them.
 *
 * A scrape never changes after it is stored, so its sums stay exact until the registry changes;
 * the registry's fingerprint is part of the key, and a new version's first fill drops the others.
 * A scrape with a playlist the identities do not know yet (an import newer than them) is left out:
 * the delivery SQL then adds it up from its rows and reports the unknown identities, and the
 * caller refreshes them and fills again. Raw SQL is not tenant-scoped: every statement names the
 * organisation, and every value travels as a parameter.
 *
 * Returns how many rows it added.
 */
export async function fillOwnerTotals(db: ToolDb, organizationId: string, identities: PlaylistIdentities & { registry: string }): Promise<number> {
  const { registry } = identities;
  // Rows go when their scrape goes (cascade), so equal counts mean every scrape is covered: two
  // index-only counts, cheap at any size, where an anti-join's plan depends on fresh statistics.
  const [counts] = await db.$queryRaw<Array<{ scrapes: number; covered: number }>>`
    SELECT (SELECT count(*)::int FROM "ScrapeSnapshot" WHERE "organizationId" = ${organizationId}) AS scrapes,
           (SELECT count(DISTINCT "snapshotId")::int FROM "ScrapeOwnerTotal" WHERE "organizationId" = ${organizationId} AND registry = ${registry}) AS covered`;
  if (!counts || counts.covered >= counts.scrapes) return 0;
  await db.$executeRaw`DELETE FROM "ScrapeOwnerTotal" WHERE "organizationId" = ${organizationId} AND registry <> ${registry}`;
  await db.$executeRaw`DELETE FROM "ScrapeKeySet" WHERE "organizationId" = ${organizationId} AND registry <> ${registry}`;
  const added = await db.$executeRaw`
    WITH owners AS MATERIALIZED (${identities.table}),
    missing AS MATERIALIZED (
      SELECT s.id FROM "ScrapeSnapshot" s
      -- NOT IN over a subquery is hashed whatever the statistics say.
      WHERE s."organizationId" = ${organizationId}
        AND s.id NOT IN (SELECT t."snapshotId" FROM "ScrapeOwnerTotal" t WHERE t."organizationId" = ${organizationId} AND t.registry = ${registry})
    ),
    summed AS MATERIALIZED (
      SELECT m.id, coalesce(o.owner, '') AS owner, bool_or(c.id IS NOT NULL AND o.key IS NULL) AS unknown,
             coalesce(sum(c."streams7d"), 0) AS streams7d, coalesce(sum(c."streams28d"), 0) AS streams28d, coalesce(sum(c."streams12m"), 0) AS streams12m,
             count(c.id)::int AS playlists,
             coalesce(array_agg(DISTINCT o.key) FILTER (WHERE o.key IS NOT NULL), '{}') AS keys
      FROM missing m
      LEFT JOIN "CampaignPlaylist" c ON c."organizationId" = ${organizationId} AND c."snapshotId" = m.id
      -- Same-identity rows (one per owner class) are collapsed first, exactly as the delivery SQL does.
      LEFT JOIN (SELECT pid, name, curator, min(owner) AS owner, min(key) AS key FROM owners GROUP BY pid, name, curator) o
        ON o.pid = coalesce(c."spotifyPlaylistId", '') AND o.name = c.name AND o.curator = coalesce(c.curator, '')
      GROUP BY m.id, coalesce(o.owner, '')
    ),
    known AS (SELECT * FROM summed WHERE id NOT IN (SELECT id FROM summed WHERE unknown)),
    -- Each scrape's keys over its owners, in the same statement: a scrape has both or neither.
    key_sets AS (
      INSERT INTO "ScrapeKeySet" ("organizationId", registry, "snapshotId", keys)
      SELECT ${organizationId}, ${registry}, k.id, coalesce(array_agg(DISTINCT key) FILTER (WHERE key IS NOT NULL), '{}')
      FROM known k LEFT JOIN LATERAL unnest(k.keys) AS key ON true
      GROUP BY k.id
      ON CONFLICT DO NOTHING
    )
    INSERT INTO "ScrapeOwnerTotal" ("organizationId", registry, "snapshotId", owner, "streams7d", "streams28d", "streams12m", playlists)
    SELECT ${organizationId}, ${registry}, s.id, s.owner, s.streams7d, s.streams28d, s.streams12m, s.playlists
    FROM known s
    ON CONFLICT DO NOTHING`;
  // The planner must know the cache's size before the scorecard joins it (PGlite never autovacuums).
  if (added >= ANALYZE_AFTER_ROWS) await db.$executeRawUnsafe('ANALYZE "ScrapeOwnerTotal", "ScrapeKeySet"');
  return added;
}

const ANALYZE_AFTER_ROWS = 1000;
