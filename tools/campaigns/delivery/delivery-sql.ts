import { Prisma } from '../../../db/generated/prisma/client.ts';
import { isoDay } from '../../common/format.ts';
import { SOLE_VENDOR, type PlaylistIdentities } from './playlist-identities.ts';

/**
 * The SQL behind every delivery figure (DESIGN.md section 6), as CTEs to prepend to a query.
 * Raw SQL is not tenant-scoped: every table read here names the organisation, and every value
 * travels as a parameter.
 */
export interface DeliveryScope {
  organizationId: string;
  /** Which placements: a condition on `"Placement" p`. */
  placements: Prisma.Sql;
  /** The calendar date of the figures. */
  asOf: Date;
  /** Scrapes and payments at or after this instant are ignored (as_of's local midnight). */
  cutoff: Date;
  timeZone: string;
  identities: PlaylistIdentities;
  /** Each currency's rate into the base currency on or before as_of; those without one are absent. */
  rates: ReadonlyMap<string, number>;
  /** The registry version whose owner totals (owner-totals.ts) are filled: the latest scrapes are then added up from them. */
  ownerTotals?: string;
  /**
   * The placements are (nearly) all of the organisation's: the song vendors are listed for every
   * song rather than looked up for the placements' songs (one pass over the table is cheaper).
   */
  wholeOrganization?: boolean;
  /** The placements are every one started by as_of: every song's scrapes are read, without a filter by the placements' songs. */
  allSongs?: boolean;
  /** The registry version whose drops (scrape-drops.ts) cover every scrape: the history rule then reads them rather than every earlier scrape's rows. */
  drops?: string;
  /**
   * The registry version whose song credits (song-credits.ts) cover every scraped song, each
   * song's latest scrape being before the cutoff: the figures then read one row per song and
   * vendor rather than the latest scrapes and the history rule (not the listings of `detail`).
   * Only organisation-wide scopes have a registry version, so every song's credits are read (one
   * pass is cheaper than filtering them) and the joins with the placements keep theirs.
   */
  songCredits?: string;
  /** The songs whose scrapes are read, as a query of track ids, instead of the placements' songs (filling the song credits). */
  tracks?: Prisma.Sql;
}

/**
 * CTEs `placed` (the placements), `songs` (their tracks), `latest` (each song's latest scrape before
 * the cutoff), `current_listed` (the playlist rows of those scrapes) and `kept_listed` (the history
 * rule: for a playlist a song's latest scrape no longer lists, the rows of the latest scrape that
 * did, with `dropped_at`, the first scrape after that; from the drops cache when the scope names
 * it, else from every earlier scrape's rows). With `detail`, `listed` is both, with the
 * rows' names and ids. Rows whose identity `owners` does not know have a null key: callers check
 * `unknown` and retry with fresh identities.
 */
export function listingCtes(scope: DeliveryScope, detail = false): Prisma.Sql {
  const { organizationId, cutoff } = scope;
  const columns = (alias: string) => Prisma.sql`o.owner, o.key, ${Prisma.raw(alias)}."streams7d", ${Prisma.raw(alias)}."streams28d", ${Prisma.raw(alias)}."streams12m"${detail
    ? Prisma.sql`, ${Prisma.raw(alias)}.name, ${Prisma.raw(alias)}."spotifyPlaylistId", ${Prisma.raw(alias)}.curator, ${Prisma.raw(alias)}."dateAdded", ${Prisma.raw(alias)}."playlistId"`
    : Prisma.empty}`;
  const owned = (alias: string) => Prisma.raw(`LEFT JOIN owners o ON o.pid = coalesce(${alias}."spotifyPlaylistId", '') AND o.name = ${alias}.name AND o.curator = coalesce(${alias}.curator, '')`);
  return Prisma.sql`
    placed AS MATERIALIZED (
      SELECT p.id, p."campaignGroupId", p."vendorId", p."spotifyTrackId" AS track, p."songName", p.genre, p.goal, p.daily, p.weekly,
             p.price, p.currency, p."startDate", p.status, p."removedAt"
      FROM "Placement" p WHERE p."organizationId" = ${organizationId} AND (${scope.placements})
    ),
    -- The placements' songs as a query on the table, not on \`placed\`: the planner has no statistics
    -- for a CTE's columns and would take 10,000 songs for 200 (then probe indexes 10,000 times).
    songs AS (${scope.tracks
      ? Prisma.sql`SELECT t.track FROM (${scope.tracks}) t(track)`
      : Prisma.sql`SELECT p."spotifyTrackId" AS track FROM "Placement" p WHERE p."organizationId" = ${organizationId} AND (${scope.placements})`}),
${scope.songCredits && !detail ? latestFromCredits(scope) : Prisma.sql`    owners AS MATERIALIZED (${scope.identities.table}),
    -- With how many scrapes the song has before the cutoff (the window sorts as DISTINCT ON does: one
    -- sort), so that only songs scraped more than once look for earlier scrapes.
    latest AS MATERIALIZED (
      SELECT DISTINCT ON (s."spotifyTrackId") s.id, s."spotifyTrackId" AS track, s."scrapedAt", s."plays7d", s."plays28d", s."plays12m", s.saves, s."playlistAdds",
             count(*) OVER (PARTITION BY s."spotifyTrackId" ORDER BY s."scrapedAt" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS scrapes
      FROM "ScrapeSnapshot" s
      WHERE s."organizationId" = ${organizationId} AND s."scrapedAt" < ${cutoff}${scope.allSongs ? Prisma.empty : Prisma.sql` AND s."spotifyTrackId" IN (SELECT track FROM songs)`}
      ORDER BY s."spotifyTrackId", s."scrapedAt" DESC
    ),
${scope.drops ? keptFromDrops(scope, detail) : keptFromRows(scope, columns, owned)}
    current_listed AS (
      SELECT c."spotifyTrackId" AS track, c."scrapedAt", ${columns('c')}, NULL::timestamptz AS dropped_at
      FROM "CampaignPlaylist" c
      -- A grouped subquery rather than the CTE: the planner then knows one row per song and hashes it, not the playlist rows.
      JOIN (SELECT "spotifyTrackId" AS track, max("scrapedAt") AS at FROM "ScrapeSnapshot"
            WHERE "organizationId" = ${organizationId} AND "scrapedAt" < ${cutoff}
              AND "spotifyTrackId" IN (SELECT p."spotifyTrackId" FROM "Placement" p WHERE p."organizationId" = ${organizationId} AND (${scope.placements}))
            GROUP BY 1) l
        -- Only the latest scrape's rows are at or after its time and before the cutoff; written as a range, the planner sizes it
        -- as the many rows it is (and hashes their sums rather than sorting them).
        ON l.track = c."spotifyTrackId" AND c."scrapedAt" >= l.at AND c."scrapedAt" < ${cutoff}
      LEFT JOIN (SELECT pid, name, curator, min(owner) AS owner, min(key) AS key FROM owners GROUP BY pid, name, curator) o
        ON o.pid = coalesce(c."spotifyPlaylistId", '') AND o.name = c.name AND o.curator = coalesce(c.curator, '')
      WHERE c."organizationId" = ${organizationId}
    ),
    kept_listed AS (
      SELECT k.track, k."scrapedAt", k.owner, k.key, k."streams7d", k."streams28d", k."streams12m"${detail ? Prisma.sql`, k.name, k."spotifyPlaylistId", k.curator, k."dateAdded", k."playlistId"` : Prisma.empty},
             ${scope.drops ? Prisma.sql`k.dropped_at` : Prisma.sql`(SELECT min(s."scrapedAt") FROM "ScrapeSnapshot" s
              WHERE s."organizationId" = ${organizationId} AND s."spotifyTrackId" = k.track AND s."scrapedAt" > k."scrapedAt" AND s."scrapedAt" < ${cutoff})`} AS dropped_at
      FROM kept k
    )${detail ? Prisma.sql`,
    listed AS (SELECT * FROM current_listed UNION ALL SELECT * FROM kept_listed)` : Prisma.empty}`}`;
}

/**
 * CTE `latest` from the song credits' markers (each names its song's latest scrape, before the
 * cutoff when the scope has `songCredits`), with the scrape's own plays: no sort over the scrapes.
 */
function latestFromCredits(scope: DeliveryScope): Prisma.Sql {
  const { organizationId, songCredits } = scope;
  return Prisma.sql`    latest AS MATERIALIZED (
      SELECT c."snapshotId" AS id, c."spotifyTrackId" AS track, c."scrapedAt", s."plays7d", s."plays28d", s."plays12m", s.saves, s."playlistAdds", NULL::bigint AS scrapes
      FROM "SongCredit" c JOIN "ScrapeSnapshot" s ON s."organizationId" = ${organizationId} AND s.id = c."snapshotId"
      WHERE c."organizationId" = ${organizationId} AND c.registry = ${songCredits} AND c.vendor = ''
    )`;
}

/**
 * CTEs `earlier`, `older`, `candidates`, `relisted` and `kept` (followed by a comma): the history rule from every earlier
 * scrape's playlist rows of the placements' songs. Exact whatever the identities know (rows they
 * do not know have a null key and are counted), but it reads the songs' whole history.
 */
function keptFromRows(scope: DeliveryScope, columns: (alias: string) => Prisma.Sql, owned: (alias: string) => Prisma.Sql): Prisma.Sql {
  const { organizationId } = scope;
  return Prisma.sql`    earlier AS MATERIALIZED (
      SELECT s.id, l.id AS latest_id, l.track, s."scrapedAt"
      FROM latest l JOIN "ScrapeSnapshot" s ON s."organizationId" = ${organizationId} AND s."spotifyTrackId" = l.track AND s."scrapedAt" < l."scrapedAt"
      WHERE l.scrapes > 1
    ),
    older AS MATERIALIZED (
      SELECT e.track, e.latest_id, c."scrapedAt", c.id AS row_id, ${columns('c')}
      FROM earlier e JOIN "CampaignPlaylist" c ON c."organizationId" = ${organizationId} AND c."snapshotId" = e.id
      ${owned('c')}
    ),
    candidates AS MATERIALIZED (
      SELECT DISTINCT ON (r.track, r.key) r.*
      FROM older r
      -- Two rows of one scrape with the same key: the first by id, as the drops cache chooses.
      ORDER BY r.track, r.key, r."scrapedAt" DESC, r.row_id
    ),
    ${relistedCte(organizationId)},
    kept AS MATERIALIZED (
      -- NOT IN over the subquery is hashed (it fits in the session's work_mem; as a NOT EXISTS the planner scanned the CTE once per row);
      -- a row whose identity is unknown (null key) stays, to be counted.
      SELECT r.* FROM candidates r WHERE r.key IS NULL OR (r.latest_id, r.key) NOT IN (SELECT latest_id, key FROM relisted)
    ),`;
}

/**
 * CTE `relisted`: the keys the latest scrapes of the songs with `candidates` list (a dropped
 * playlist that came back is not kept), or of the `scrapes` given (a query of `latest_id`s). Read by index for those scrapes only: a correlated NOT
 * EXISTS let the planner hash every playlist row of the organisation instead.
 */
function relistedCte(organizationId: string, scrapes = Prisma.sql`SELECT DISTINCT latest_id FROM candidates`): Prisma.Sql {
  return Prisma.sql`relisted AS MATERIALIZED (
      SELECT x."snapshotId" AS latest_id, o.key
      FROM (${scrapes}) c
      JOIN "CampaignPlaylist" x ON x."organizationId" = ${organizationId} AND x."snapshotId" = c.latest_id
      -- Grouped, the planner knows one row per identity and hashes them (joined as the CTE, it sorted both sides).
      JOIN (SELECT pid, name, curator, key FROM owners GROUP BY pid, name, curator, key) o
        ON o.pid = coalesce(x."spotifyPlaylistId", '') AND o.name = x.name AND o.curator = coalesce(x.curator, '')
      -- NOT IN would turn a null key into "unknown" for every candidate of the song.
      WHERE o.key IS NOT NULL
    )`;
}

/**
 * CTEs `candidates`, `latest_keys`, `relisted` and `kept` (followed by a comma) from the drops cache (scrape-drops.ts): per song and key, the
 * latest drop whose next scrape is no later than the song's latest, unless that latest lists the
 * key again. Reads the drops (a few per song) rather than the whole history; `dropped_at` comes with them.
 * Whether the latest scrape lists the key again is read from its key set (owner-totals.ts, under
 * the same registry version), from its rows only for a latest scrape without one yet.
 */
function keptFromDrops(scope: DeliveryScope, detail: boolean): Prisma.Sql {
  const { organizationId, drops } = scope;
  const keySets = Prisma.sql`SELECT k."snapshotId", k.keys FROM "ScrapeKeySet" k WHERE k."organizationId" = ${organizationId} AND k.registry = ${drops}`;
  return Prisma.sql`
    candidates AS MATERIALIZED (
      SELECT DISTINCT ON (d."spotifyTrackId", d.key) d."spotifyTrackId" AS track, l.id AS latest_id, d."scrapedAt", d.owner, d.key,
             d."streams7d", d."streams28d", d."streams12m", d."droppedAt" AS dropped_at, d."rowId"
      FROM "ScrapeDrop" d JOIN latest l ON l.track = d."spotifyTrackId" AND d."droppedAt" <= l."scrapedAt"
      WHERE d."organizationId" = ${organizationId} AND d.registry = ${drops} AND d."rowId" <> ''
      ORDER BY d."spotifyTrackId", d.key, d."scrapedAt" DESC, d."rowId"
    ),
    -- Whether the candidates' latest scrapes list their keys again: one key set per scrape.
    latest_keys AS MATERIALIZED (
      SELECT c.latest_id, k.keys FROM (SELECT DISTINCT latest_id FROM candidates) c LEFT JOIN (${keySets}) k ON k."snapshotId" = c.latest_id
    ),
    ${relistedCte(organizationId, Prisma.sql`SELECT latest_id FROM latest_keys WHERE keys IS NULL`)},
    kept AS MATERIALIZED (
      SELECT r.track, r.latest_id, r."scrapedAt", r.owner, r.key, r."streams7d", r."streams28d", r."streams12m", r.dropped_at${detail
        ? Prisma.sql`, c.name, c."spotifyPlaylistId", c.curator, c."dateAdded", c."playlistId"`
        : Prisma.empty}
      FROM candidates r${detail ? Prisma.sql` JOIN "CampaignPlaylist" c ON c."organizationId" = ${organizationId} AND c.id = r."rowId"` : Prisma.empty}
      WHERE NOT EXISTS (SELECT 1 FROM latest_keys k WHERE k.latest_id = r.latest_id AND r.key = ANY(k.keys))
        -- NOT IN over the subquery is hashed whatever the estimates (see keptFromRows).
        AND (r.latest_id, r.key) NOT IN (SELECT latest_id, key FROM relisted)
    ),`;
}

/**
 * What every query on `figureCtes` selects for `queryDelivery`: the playlist rows whose identity
 * was unknown, and those added up from rows because the owner totals cache did not cover them yet.
 */
export const DELIVERY_CHECKS = Prisma.sql`(SELECT identities FROM unknown) AS unknown_identities, (SELECT uncached_rows FROM unknown) AS uncached_rows`;

/**
 * After `listingCtes`: `unknown` (how many playlist rows `owners` did not know, and how many the
 * cache did not cover), `credited` (streams per song and vendor, auto-detection settled by the
 * song's vendors over every campaign; from the song credits when the scope names them), `costs`
 * (what each placement cost: its share of what was paid to the vendor on the campaign, else its
 * price) and `figures`, one row per placement.
 */
export function figureCtes(scope: DeliveryScope): Prisma.Sql {
  const { organizationId, cutoff, asOf, timeZone } = scope;
  const currencies = [...scope.rates.keys()];
  const asOfDay = isoDay(asOf);
  return Prisma.sql`${scope.songCredits ? creditedFromCache(scope) : creditedCtes(scope)},
    rates AS (SELECT * FROM unnest(${currencies}::text[], ${currencies.map((currency) => scope.rates.get(currency)!)}::float8[]) AS r(currency, rate)),
    paid AS (
      SELECT v."vendorId", v."campaignGroupId", sum(v.amount::float8 * r.rate) AS amount, bool_and(r.rate IS NOT NULL) AS converted,
             min(v.currency) FILTER (WHERE r.rate IS NULL) AS unconverted_currency
      FROM "VendorPayment" v LEFT JOIN rates r ON r.currency = v.currency
      WHERE v."organizationId" = ${organizationId} AND v."campaignGroupId" IS NOT NULL AND v."paidAt" < ${cutoff}
        AND (v."vendorId", v."campaignGroupId") IN (SELECT "vendorId", "campaignGroupId" FROM placed)
      GROUP BY 1, 2
    ),
    paid_shares AS (
      SELECT p."vendorId", p."campaignGroupId", sum(p.goal)::float8 AS goal, count(*)::float8 AS placements
      FROM "Placement" p
      WHERE p."organizationId" = ${organizationId} AND (p."vendorId", p."campaignGroupId") IN (SELECT "vendorId", "campaignGroupId" FROM paid)
      GROUP BY 1, 2
    ),
    figures AS (
      SELECT p.*,
             coalesce(c.streams12m, 0)::float8 AS delivered, coalesce(c.streams7d, 0)::float8 AS streams7d, coalesce(c.streams28d, 0)::float8 AS streams28d,
             coalesce(c.dropped, 0)::int AS dropped_playlists,
             least(p.goal::bigint, p.daily::bigint * greatest(0,
               least(${asOfDay}::date, coalesce((p."removedAt" AT TIME ZONE ${timeZone})::date, ${asOfDay}::date)) - p."startDate"))::float8 AS promised,
             p.price::float8 * r.rate AS price_base,
             pd."vendorId" IS NOT NULL AS paid,
             CASE WHEN pd."vendorId" IS NULL THEN p.price::float8 * r.rate
                  WHEN pd.converted THEN pd.amount * CASE WHEN s.goal > 0 THEN p.goal / s.goal ELSE 1 / s.placements END
             END AS cost,
             CASE WHEN pd."vendorId" IS NULL THEN CASE WHEN r.rate IS NULL THEN p.currency END ELSE pd.unconverted_currency END AS unconverted_currency
      FROM placed p
      LEFT JOIN credited c ON c.track = p.track AND c.vendor = p."vendorId"
      LEFT JOIN rates r ON r.currency = p.currency
      LEFT JOIN paid pd ON pd."vendorId" = p."vendorId" AND pd."campaignGroupId" = p."campaignGroupId"
      LEFT JOIN paid_shares s ON s."vendorId" = p."vendorId" AND s."campaignGroupId" = p."campaignGroupId"
    )`;
}

/**
 * CTEs (preceded by a comma) `latest_totals` where the scope has the owner totals, `from_rows`,
 * `unknown`, `by_owner` (the streams per song and owner of the latest scrapes and the history
 * rule's kept playlists), `song_vendors` and `credited`: one row per song and vendor, the song's
 * sole vendor settled by the organisation's placements. The song credits are filled from them
 * (song-credits.ts).
 */
export function creditedCtes(scope: DeliveryScope): Prisma.Sql {
  const { organizationId } = scope;
  return Prisma.sql`,${latestTotalsCte(scope)}
    -- The sums per song and owner added up from playlist rows (what the cache does not cover, and the
    -- kept playlists of the history rule): the only ones that can meet an identity \`owners\` did not
    -- know, so \`unknown\` reads them alone.
    from_rows AS MATERIALIZED (
      ${currentFromRows(scope)}
      UNION ALL
      SELECT k.track, k.owner, sum(k."streams7d"), sum(k."streams28d"), sum(k."streams12m"), count(*), count(*) FILTER (WHERE k.key IS NULL), 0
      FROM kept k GROUP BY 1, 2
    ),
    unknown AS (SELECT coalesce(sum(unknown), 0)::int AS identities, coalesce(sum(uncached), 0)::int AS uncached_rows FROM from_rows),
    -- The vendors of the songs with playlists credited to their sole vendor (a few in ten), not of every song.
    song_vendors AS (
      -- min = max rather than count(DISTINCT) = 1: the same answer, and it hashes instead of sorting.
      SELECT p."spotifyTrackId" AS track, min(p."vendorId") AS vendor, min(p."vendorId") = max(p."vendorId") AS sole
      FROM "Placement" p
      WHERE p."organizationId" = ${organizationId}
        AND p."spotifyTrackId" IN (${scope.ownerTotals ? Prisma.sql`SELECT track FROM latest_totals WHERE owner = ${SOLE_VENDOR} UNION ` : Prisma.empty}SELECT track FROM from_rows WHERE owner = ${SOLE_VENDOR})
      GROUP BY 1
    ),
    by_owner AS (
      ${currentFromCache(scope)}
      SELECT track, owner, streams7d, streams28d, streams12m, dropped FROM from_rows
    ),
    credited AS (
      SELECT b.track, CASE WHEN b.owner = ${SOLE_VENDOR} THEN (CASE WHEN v.sole THEN v.vendor END) ELSE b.owner END AS vendor,
             sum(b.streams7d) AS streams7d, sum(b.streams28d) AS streams28d, sum(b.streams12m) AS streams12m, sum(b.dropped) AS dropped
      -- The song's vendors only for the rows that need them: the planner then sizes the join as the
      -- rows it is (and hashes it and the sums, where joining every row made it sort and merge).
      FROM by_owner b LEFT JOIN song_vendors v ON b.owner = ${SOLE_VENDOR} AND v.track = b.track
      WHERE b.owner IS NOT NULL
      GROUP BY 1, 2
    )`;
}

/**
 * `credited` and `unknown` (nothing unknown, nothing uncached: the credits were filled knowing every
 * row) from the song credits, one row per song and vendor already. The streams as float8, which
 * every figure becomes: as bigint their sums would be numeric, several times slower to add up.
 */
function creditedFromCache(scope: DeliveryScope): Prisma.Sql {
  const { organizationId, songCredits } = scope;
  return Prisma.sql`,
    credited AS (
      SELECT c."spotifyTrackId" AS track, c.vendor, c."streams7d"::float8 AS streams7d, c."streams28d"::float8 AS streams28d, c."streams12m"::float8 AS streams12m, c.dropped
      FROM "SongCredit" c
      WHERE c."organizationId" = ${organizationId} AND c.registry = ${songCredits} AND c.vendor <> ''
    ),
    unknown AS (SELECT 0 AS identities, 0 AS uncached_rows)`;
}

/**
 * CTE `latest_totals` (preceded by a newline, followed by a comma) when the scope has the owner
 * totals cache: the latest scrapes' rows of it, and one row with a null owner for each latest scrape
 * it does not cover yet (the fill gives every scrape at least one row, organic '' when it lists
 * nothing). One pass over the cache both sums the covered scrapes and finds the others.
 */
function latestTotalsCte(scope: DeliveryScope): Prisma.Sql {
  if (!scope.ownerTotals) return Prisma.empty;
  const { organizationId, ownerTotals } = scope;
  return Prisma.sql`
    latest_totals AS MATERIALIZED (
      SELECT l.id, l.track, t.owner, t."streams7d", t."streams28d", t."streams12m"
      FROM latest l LEFT JOIN "ScrapeOwnerTotal" t ON t."organizationId" = ${organizationId} AND t.registry = ${ownerTotals} AND t."snapshotId" = l.id
    ),`;
}

/**
 * The latest scrapes' playlist streams per song and owner that come from the owner totals cache
 * (followed by UNION ALL), when the scope has it. Organic rows are left out: nothing credits them.
 */
function currentFromCache(scope: DeliveryScope): Prisma.Sql {
  if (!scope.ownerTotals) return Prisma.empty;
  return Prisma.sql`SELECT t.track, t.owner, t."streams7d", t."streams28d", t."streams12m", 0 AS dropped
      FROM latest_totals t WHERE t.owner <> ''
      UNION ALL
      `;
}

/**
 * The latest scrapes' playlist streams per song and owner added up from their rows: those of the
 * scrapes the owner totals cache does not cover yet where the scope has it, else all of them.
 * Columns: track, owner, streams7d, streams28d, streams12m, dropped, unknown, uncached.
 */
function currentFromRows(scope: DeliveryScope): Prisma.Sql {
  if (!scope.ownerTotals) {
    return Prisma.sql`
        SELECT l.track, l.owner, sum(l."streams7d") AS streams7d, sum(l."streams28d") AS streams28d, sum(l."streams12m") AS streams12m,
               0 AS dropped, count(*) FILTER (WHERE l.key IS NULL) AS unknown, 0 AS uncached
        FROM current_listed l GROUP BY 1, 2`;
  }
  const { organizationId } = scope;
  return Prisma.sql`
        SELECT l.track, o.owner, sum(c."streams7d") AS streams7d, sum(c."streams28d") AS streams28d, sum(c."streams12m") AS streams12m,
               0 AS dropped, count(*) FILTER (WHERE o.key IS NULL) AS unknown, count(*) AS uncached
        FROM latest_totals l
        JOIN "CampaignPlaylist" c ON c."organizationId" = ${organizationId} AND c."snapshotId" = l.id
        LEFT JOIN (SELECT pid, name, curator, min(owner) AS owner, min(key) AS key FROM owners GROUP BY pid, name, curator) o
          ON o.pid = coalesce(c."spotifyPlaylistId", '') AND o.name = c.name AND o.curator = coalesce(c.curator, '')
        WHERE l.owner IS NULL
        GROUP BY 1, 2`;
}
