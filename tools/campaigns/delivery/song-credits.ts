import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { creditedCtes, listingCtes, type DeliveryScope } from './delivery-sql.ts';
import { fillOwnerTotals } from './owner-totals.ts';
import { refreshOrganizationIdentities } from './playlist-identities.ts';

/** Where the song credits stand after a fill: whether every scraped song has them, and the latest scrape they were read from. */
export interface SongCreditCoverage {
  complete: boolean;
  latestScrape: Date | null;
}

/**
 * Fills the song credits cache (SongCredit) for every scraped song without a marker under the
 * scope's registry version: the song's playlist streams per vendor as of its latest scrape, the
 * history rule's kept playlists included, summed by the very CTEs the delivery figures use
 * (`creditedCtes`), so a figure read from the cache is the one the scrapes give.
 *
 * Why it stays exact: those sums depend on the song's scrapes (its latest one, and the earlier ones
 * for the history rule), the vendors it is placed with (the sole vendor of auto-detected playlists)
 * and the registry. Triggers on ScrapeSnapshot and Placement forget a song's rows whenever one of
 * its scrapes is stored, deleted or edited or a placement adds, removes or moves one of its
 * vendors, and the registry is part of the key.
 *
 * The scope must have the drops of its registry version (a delivery session's, `withSessionCaches`),
 * whose fill holds the scraper import's lock for the transaction: no scrape is stored while these
 * are measured and read. The caller has found them incomplete with `songCreditCoverage`, which took
 * the credits' own lock (placement changes wait for it) for the session.
 * A song with a playlist the identities do not know is left out (the figures then come from the
 * scrapes), and the identities are read again for the next session.
 */
export async function fillSongCredits(db: ToolDb, scope: DeliveryScope & { drops: string }): Promise<SongCreditCoverage> {
  const { organizationId, drops: registry } = scope;
  await db.$executeRaw`DELETE FROM "SongCredit" WHERE "organizationId" = ${organizationId} AND registry <> ${registry}`;
  // The latest scrapes' sums are then read from the owner totals, and the figures as of an earlier
  // day (which the credits do not answer) find the owner totals and key sets ready.
  await fillOwnerTotals(db, organizationId, { ...scope.identities, registry });
  // With the owner totals named, the latest scrapes are read through `latest_totals`, which follows
  // `tracks` (the placements' filter of `current_listed` would leave out songs nobody placed).
  const fill: DeliveryScope = {
    ...scope, cutoff: END_OF_TIME, allSongs: false, songCredits: undefined, ownerTotals: registry,
    tracks: Prisma.sql`
      SELECT DISTINCT s."spotifyTrackId" FROM "ScrapeSnapshot" s
      WHERE s."organizationId" = ${organizationId}
        AND NOT EXISTS (SELECT 1 FROM "SongCredit" c WHERE c."organizationId" = ${organizationId} AND c.registry = ${registry} AND c."spotifyTrackId" = s."spotifyTrackId" AND c.vendor = '')`,
  };
  const columns = Prisma.sql`("organizationId", registry, "spotifyTrackId", vendor, "snapshotId", "scrapedAt", "streams7d", "streams28d", "streams12m", dropped, scrapes)`;
  const added = await db.$executeRaw`
    WITH ${listingCtes(fill)}${creditedCtes(fill)},
    unsure AS MATERIALIZED (SELECT DISTINCT track FROM from_rows WHERE unknown > 0),
    credits AS (
      INSERT INTO "SongCredit" ${columns}
      SELECT ${organizationId}, ${registry}, c.track, c.vendor, l.id, l."scrapedAt", c.streams7d, c.streams28d, c.streams12m, c.dropped, 0
      FROM credited c JOIN latest l ON l.track = c.track
      -- Organic playlists, and auto-detected ones of a song with several vendors, credit nobody.
      WHERE c.vendor IS NOT NULL AND c.track NOT IN (SELECT track FROM unsure)
      ON CONFLICT DO NOTHING
    )
    -- The marker, in the same statement: a song has its credits and its marker, or neither.
    INSERT INTO "SongCredit" ${columns}
    SELECT ${organizationId}, ${registry}, l.track, '', l.id, l."scrapedAt", 0, 0, 0, 0, l.scrapes
    FROM latest l WHERE l.track NOT IN (SELECT track FROM unsure)
    ON CONFLICT DO NOTHING`;
  // The planner must know the cache's size before the figures join it (PGlite never autovacuums).
  if (added >= ANALYZE_AFTER_SONGS) await db.$executeRawUnsafe('ANALYZE "SongCredit"');
  const after = await songCreditCoverage(db, organizationId, registry);
  // Songs left out for a playlist the remembered identities do not know: the organisation's queries
  // of placed songs alone may never meet it, so the identities are read again now, for the next session.
  if (!after.complete) await refreshOrganizationIdentities(db, organizationId);
  return after;
}

/**
 * Takes the credits' lock for writing placements, until the transaction ends: for a transaction that
 * writes several placement statements (a campaign sheet), taken first, so that two of them wait for
 * each other at the start rather than deadlock in the triggers (which take it after their rows).
 */
export async function holdSongCreditsForPlacements(db: ToolDb, organizationId: string): Promise<void> {
  await db.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('song_credits'), hashtext(${organizationId}))::text`;
}

/**
 * Whether every scraped song has its credits under this registry version, and the latest scrape they
 * were read from; under the credits' own lock, taken shared until the session ends (`locked` false,
 * and nothing complete, while a placement change holds it). The caller holds the scraper import's
 * lock (`holdScrapeImportLock`), so no scrape is stored and no credit forgotten until it is done.
 */
export async function songCreditCoverage(db: ToolDb, organizationId: string, registry: string): Promise<SongCreditCoverage & { locked: boolean }> {
  // Placements that change a song's vendors wait for this lock (their trigger takes it), so credits
  // measured with the old vendors are never stored after the change forgot them; while a change is
  // being written, the session reads the scrapes this once rather than wait.
  const [lock] = await db.$queryRaw<Array<{ locked: boolean }>>`
    SELECT pg_try_advisory_xact_lock_shared(hashtext('song_credits'), hashtext(${organizationId})) AS locked`;
  if (!lock?.locked) return { locked: false, complete: false, latestScrape: null };
  // A marker counts its song's scrapes, and a song's rows go whenever its scrapes change, so the
  // markers' counts add up to the organisation's scrapes exactly when every scraped song has one:
  // two cheap sums, where counting the distinct songs sorted every scrape.
  const [counts] = await db.$queryRaw<Array<{ scrapes: number; covered: number; latest: Date | null }>>`
    SELECT (SELECT count(*) FROM "ScrapeSnapshot" WHERE "organizationId" = ${organizationId})::int AS scrapes,
           coalesce(sum(scrapes), 0)::int AS covered, max("scrapedAt") AS latest
    FROM "SongCredit" WHERE "organizationId" = ${organizationId} AND registry = ${registry} AND vendor = ''`;
  return { locked: true, complete: !!counts && counts.covered >= counts.scrapes, latestScrape: counts?.latest ?? null };
}

/** Every scrape, whenever taken: the credits are each song's figures as of its latest one. */
const END_OF_TIME = new Date('9999-12-31T00:00:00Z');
const ANALYZE_AFTER_SONGS = 100;
