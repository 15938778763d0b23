import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { OrganizationNotEmptyError, seedDemoOrganization, type SeedSummary } from './seed-demo.ts';

const TODAY = new Date('2026-11-22T09:30:00Z');
const OPTIONS = { slug: 'demo', scale: 1, today: TODAY };

/** Digests of every seeded table's content, leaving out generated ids and creation times. */
const FINGERPRINTS: Record<string, string> = {
  Client: `concat_ws(',', name, array_to_string(emails, ';'), "contactPerson", phone)`,
  Vendor: `concat_ws(',', name, "contactEmail", "costPer1kStreams", "isActive")`,
  Playlist: `concat_ws(',', name, "spotifyPlaylistId", "followerCount", curator, array_to_string(genres, ';'))`,
  CampaignGroup: `concat_ws(',', name, "artistName", "startDate", "endDate", "totalBudget", status, "invoiceStatus", salesperson)`,
  Placement: `concat_ws(',', "spotifyTrackId", "songName", goal, daily, price, "startDate", genre)`,
  ScrapeSnapshot: `concat_ws(',', "spotifyTrackId", "scrapedAt", plays7d, plays28d, plays12m, saves, "playlistAdds", "sourceFile")`,
  CampaignPlaylist: `concat_ws(',', "spotifyTrackId", "scrapedAt", name, curator, "spotifyPlaylistId", "playlistId" IS NULL, streams7d, streams28d, streams12m, "dateAdded")`,
  StreamStat: `concat_ws(',', date, artist, "trackId", platform, streams)`,
  MarketingSpend: `concat_ws(',', date, channel, campaign, artist, amount, impressions, clicks, "dedupeKey")`,
  Touchpoint: `concat_ws(',', "customerId", "occurredAt", channel, campaign, cost, "dedupeKey")`,
  Conversion: `concat_ws(',', "customerId", "occurredAt", revenue, "orderId", "dedupeKey")`,
  ActualPayout: `concat_ws(',', artist, platform, "periodStart", "periodEnd", amount)`,
};

async function fingerprint(database: Database, organizationId: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const [table, row] of Object.entries(FINGERPRINTS)) {
    const [result] = await database.sql.query<{ digest: string; rows: string }>(
      `SELECT md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS digest, count(*)::text AS rows FROM (SELECT ${row} AS r FROM "${table}" WHERE "organizationId" = $1) t`,
      [organizationId],
    );
    digests[table] = `${result!.rows}:${result!.digest}`;
  }
  return digests;
}

function bound(target: object, name: string | symbol): unknown {
  const value = Reflect.get(target, name);
  return typeof value === 'function' ? value.bind(target) : value;
}

async function one<Row>(database: Database, sql: string, params: unknown[]): Promise<Row> {
  const [row] = await database.sql.query<Row>(sql, params);
  return row!;
}

describe('seedDemoOrganization', () => {
  let first: Database;
  let second: Database;
  let summary: SeedSummary;
  let orgId: string;

  beforeAll(async () => {
    first = await openTestDatabase();
    second = await openTestDatabase();
    summary = await seedDemoOrganization(first, OPTIONS);
    orgId = summary.organizationId;
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('reports what it wrote', async () => {
    expect(summary.today).toBe('2026-11-22');
    expect(summary.counts).toMatchObject({ Organization: 1, User: 1, Membership: 1, Client: 8, Vendor: 12, CampaignGroup: 20, StreamRate: 3 });
    for (const [table, count] of Object.entries(summary.counts)) {
      const { rows } = await one<{ rows: number }>(first, `SELECT count(*)::int AS rows FROM "${table}"`, []);
      expect(rows, table).toBe(count);
    }
    expect(summary.counts.Touchpoint).toBeGreaterThan(5000);
    expect(summary.counts.StreamStat).toBeGreaterThan(5000);
    const owner = await first.prisma.membership.findFirst({ where: { organizationId: orgId }, include: { user: true } });
    expect(owner).toMatchObject({ role: 'OWNER', user: { email: 'owner@demo.example' } });
    const organization = await first.prisma.organization.findUniqueOrThrow({ where: { id: orgId } });
    expect(organization).toMatchObject({ slug: 'demo', baseCurrency: 'USD', timeZone: 'Europe/Madrid' });
  });

  it('gives the same data for the same slug, scale and day', async () => {
    const again = await seedDemoOrganization(second, OPTIONS);
    expect(again.counts).toEqual(summary.counts);
    expect(await fingerprint(second, again.organizationId)).toEqual(await fingerprint(first, orgId));
  });

  it('refuses an organisation that already has data and changes nothing', async () => {
    const before = await fingerprint(first, orgId);
    const attempt = seedDemoOrganization(first, { ...OPTIONS, scale: 0.1 });
    await expect(attempt).rejects.toBeInstanceOf(OrganizationNotEmptyError);
    await expect(attempt).rejects.toThrow('Organisation "demo" already has data; seed a new slug or reset the data dir');
    expect(await fingerprint(first, orgId)).toEqual(before);
    expect(await first.prisma.organization.count()).toBe(1);
  });

  it('leaves nothing behind when seeding fails half-way', async () => {
    // A real database whose payout insert fails, after everything else was written in the transaction.
    const failPayouts = (tx: object) =>
      new Proxy(tx, { get: (target, name) => (name === 'actualPayout' ? { createMany: () => Promise.reject(new Error('disk full')) } : bound(target, name)) });
    const prisma = new Proxy(first.prisma, {
      get: (target, name) =>
        name === '$transaction'
          ? (work: (tx: object) => Promise<unknown>, options: object) => target.$transaction((tx) => work(failPayouts(tx)), options)
          : bound(target, name),
    });
    const failing: Database = { ...first, prisma };
    await expect(seedDemoOrganization(failing, { slug: 'broken', scale: 0.1, today: TODAY })).rejects.toThrow('disk full');
    expect(await first.prisma.organization.findUnique({ where: { slug: 'broken' } })).toBeNull();
    expect(await first.prisma.streamStat.count()).toBe(summary.counts.StreamStat);
  });

  it('fills an existing empty organisation, with minimum volumes at a small scale', async () => {
    await first.prisma.organization.create({ data: { slug: 'tiny', name: 'Tiny Label' } });
    const tiny = await seedDemoOrganization(first, { slug: 'tiny', scale: 0.05, today: TODAY, ownerEmail: 'owner@demo.example' });
    expect(tiny.counts).toMatchObject({ Organization: 0, User: 0, Membership: 1, Client: 2, Vendor: 4, CampaignGroup: 4 });
    expect(tiny.counts.Touchpoint).toBeGreaterThan(300);
    expect(await first.prisma.organization.findUnique({ where: { slug: 'tiny' } })).toMatchObject({ name: 'Tiny Label' });
  });

  it('gives every placement a vendor with playlists and every placed song weekly scrapes', async () => {
    const placements = await first.prisma.placement.findMany({ where: { organizationId: orgId }, include: { vendor: { include: { playlists: true } } } });
    for (const placement of placements) {
      expect(placement.vendor.playlists.length).toBeGreaterThanOrEqual(2);
      expect(placement.trackUrl).toBe(`https://open.spotify.com/track/${placement.spotifyTrackId}`);
      expect(placement.spotifyTrackId).toMatch(/^[0-9A-Za-z]{22}$/);
      expect(placement.goal).toBeGreaterThanOrEqual(20_000);
      expect(placement.goal).toBeLessThanOrEqual(300_000);
    }
    const scrapes = await first.sql.query<{ scrapes: number; gaps: number[] }>(
      `SELECT count(s.id)::int AS scrapes,
              coalesce(array_agg(DISTINCT s."scrapedAt"::date - (SELECT max(e."scrapedAt")::date FROM "ScrapeSnapshot" e
                 WHERE e."organizationId" = $1 AND e."spotifyTrackId" = p."spotifyTrackId" AND e."scrapedAt" < s."scrapedAt"))
                 FILTER (WHERE s.id IS NOT NULL), '{}') AS gaps
       FROM (SELECT DISTINCT "spotifyTrackId" FROM "Placement" WHERE "organizationId" = $1) p
       LEFT JOIN "ScrapeSnapshot" s ON s."organizationId" = $1 AND s."spotifyTrackId" = p."spotifyTrackId"
       GROUP BY p."spotifyTrackId"`, [orgId]);
    expect(Math.min(...scrapes.map((song) => song.scrapes))).toBeGreaterThanOrEqual(1);
    expect(scrapes.reduce((sum, song) => sum + song.scrapes, 0) / scrapes.length).toBeGreaterThan(5);
    expect(new Set(scrapes.flatMap((song) => song.gaps.filter((gap) => gap !== null)))).toEqual(new Set([7]));
    const mismatched = await one<{ rows: number }>(first,
      `SELECT count(*)::int AS rows FROM "CampaignPlaylist" c JOIN "Playlist" p ON p.id = c."playlistId"
       WHERE c."organizationId" = $1 AND lower(p.name) <> lower(c.name)`, [orgId]);
    expect(mismatched.rows).toBe(0);
    const kinds = await one<{ spotify: number; registered: number; unregistered: number }>(first,
      `SELECT count(*) FILTER (WHERE curator = 'Spotify')::int AS spotify, count(*) FILTER (WHERE "playlistId" IS NOT NULL)::int AS registered,
              count(*) FILTER (WHERE "playlistId" IS NULL AND curator <> 'Spotify')::int AS unregistered
       FROM "CampaignPlaylist" WHERE "organizationId" = $1`, [orgId]);
    expect(Math.min(kinds.spotify, kinds.registered, kinds.unregistered)).toBeGreaterThan(0);
    const statuses = await first.prisma.campaignGroup.groupBy({ by: ['status'], where: { organizationId: orgId }, _count: true });
    expect(statuses.map((row) => row.status).sort()).toEqual(['ACTIVE', 'COMPLETED', 'PAUSED']);
  });

  it('has vendors that really differ in delivery', async () => {
    // DESIGN.md section 6: delivered = streams_12m of the latest scrape of each of the vendor's playlists.
    const vendors = await first.sql.query<{ rate: number }>(
      `WITH latest AS (
         SELECT DISTINCT ON (c."spotifyTrackId", c."playlistId") c."spotifyTrackId", c."playlistId", c.streams12m
         FROM "CampaignPlaylist" c WHERE c."organizationId" = $1 AND c."playlistId" IS NOT NULL
         ORDER BY c."spotifyTrackId", c."playlistId", c."scrapedAt" DESC),
       placed AS (
         SELECT p."vendorId", least(p.goal, p.daily * greatest(0, date '2026-11-22' - p."startDate")) AS promised,
                (SELECT coalesce(sum(l.streams12m), 0) FROM latest l JOIN "Playlist" pl ON pl.id = l."playlistId"
                 WHERE pl."vendorId" = p."vendorId" AND l."spotifyTrackId" = p."spotifyTrackId") AS delivered
         FROM "Placement" p WHERE p."organizationId" = $1)
       SELECT (sum(delivered) / nullif(sum(promised), 0))::float AS rate FROM placed GROUP BY "vendorId"`, [orgId]);
    const rates = vendors.map((vendor) => vendor.rate);
    expect(Math.min(...rates)).toBeLessThan(0.7);
    expect(Math.max(...rates)).toBeGreaterThan(1.05);
  });

  it('has streams with a weekly rhythm, spend on every channel and payouts near streams x rate', async () => {
    const days = await first.sql.query<{ weekday: number; streams: number }>(
      `SELECT extract(isodow FROM date)::int AS weekday, avg(streams)::float AS streams FROM "StreamStat" WHERE "organizationId" = $1 GROUP BY 1`, [orgId]);
    const byDay = Object.fromEntries(days.map((day) => [day.weekday, day.streams]));
    expect(byDay[5]).toBeGreaterThan(byDay[1]!);
    const platforms = await first.prisma.streamStat.groupBy({ by: ['platform'], where: { organizationId: orgId }, _count: true });
    expect(platforms.map((row) => row.platform).sort()).toEqual(['apple_music', 'spotify', 'youtube']);
    const channels = await first.prisma.marketingSpend.groupBy({ by: ['channel'], where: { organizationId: orgId }, _sum: { amount: true } });
    expect(channels.map((row) => row.channel).sort()).toEqual(['google', 'meta', 'spotify_marquee', 'tiktok']);
    const ratios = await first.sql.query<{ ratio: number }>(
      `SELECT (a.amount / (sum(s.streams) * r."ratePerStream"))::float AS ratio
       FROM "ActualPayout" a JOIN "StreamRate" r ON r."organizationId" = a."organizationId" AND r.platform = a.platform
       JOIN "StreamStat" s ON s."organizationId" = a."organizationId" AND s.artist = a.artist AND s.platform = a.platform AND s.date BETWEEN a."periodStart" AND a."periodEnd"
       WHERE a."organizationId" = $1 GROUP BY a.id, r."ratePerStream"`, [orgId]);
    expect(ratios.length).toBe(summary.counts.ActualPayout);
    for (const { ratio } of ratios) expect(ratio).toBeGreaterThan(0.5);
    for (const { ratio } of ratios) expect(ratio).toBeLessThan(1.2);
  });

  it('has customer journeys where a quarter convert and nearly every buyer was touched', async () => {
    const journeys = await one<{ customers: number; buyers: number; touchedBuyers: number }>(first,
      `SELECT (SELECT count(DISTINCT "customerId") FROM "Touchpoint" WHERE "organizationId" = $1)::int AS customers,
              (SELECT count(DISTINCT "customerId") FROM "Conversion" WHERE "organizationId" = $1)::int AS buyers,
              (SELECT count(DISTINCT c."customerId") FROM "Conversion" c WHERE c."organizationId" = $1 AND EXISTS
                (SELECT 1 FROM "Touchpoint" t WHERE t."organizationId" = $1 AND t."customerId" = c."customerId"))::int AS "touchedBuyers"`, [orgId]);
    expect(journeys.customers).toBe(3000);
    expect(journeys.touchedBuyers / journeys.customers).toBeGreaterThan(0.18);
    expect(journeys.touchedBuyers / journeys.customers).toBeLessThan(0.32);
    expect(journeys.touchedBuyers / journeys.buyers).toBeGreaterThan(0.85);
    const channels = await first.prisma.touchpoint.groupBy({ by: ['channel'], where: { organizationId: orgId }, _count: true });
    expect(channels.map((row) => row.channel).sort()).toEqual(['email', 'google', 'meta', 'organic', 'spotify_marquee', 'tiktok']);
    const revenue = await first.prisma.conversion.aggregate({ where: { organizationId: orgId }, _min: { revenue: true }, _max: { revenue: true } });
    expect(Number(revenue._min.revenue)).toBeGreaterThanOrEqual(5);
    expect(Number(revenue._max.revenue)).toBeLessThanOrEqual(400);
  });
});
