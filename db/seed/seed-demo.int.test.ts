import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { evaluateSpendAlerts } from '../../tools/ads/alerts/spend-alert-rules.ts';
import { vectorsAvailable } from '../../tools/creators/search/embeddings/embedding-store.ts';
import { refreshSearchDocuments } from '../../tools/creators/search/search-document.ts';
import type { ToolDb } from '../../tools/registry/tenant-scope.ts';
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
  Company: `concat_ws(',', name, domain, industry, "sizeBand", type, array_to_string(tags, ';'), address::text, "isActive")`,
  Contact: `concat_ws(',', name, title, phone, lifecycle, array_to_string(tags, ';'), "socialHandles"::text, source)`,
  ContactEmail: `concat_ws(',', email, "isPrimary")`,
  Deal: `concat_ws(',', name, amount, currency, stage, "stageChangedAt", "expectedCloseDate", "closedAt", "closeReason")`,
  DealStageChange: `concat_ws(',', "fromStage", "toStage", "changedAt")`,
  Task: `concat_ws(',', title, "dueAt", status, priority, "completedAt", "subjectType")`,
  Note: `concat_ws(',', body, version)`,
  CapturedEmail: `concat_ws(',', "messageId", subject, "fromAddress", array_to_string("toAddresses", ';'), "sentAt")`,
  Activity: `concat_ws(',', "subjectType", kind, summary, "occurredAt", surface)`,
  Creator: `concat_ws(',', handle, bio, array_to_string(niches, ';'), array_to_string(genres, ';'), array_to_string(languages, ';'), country, "commissionRate", exclusive, "exclusiveFrom", "exclusiveUntil", "feeRanges"::text, "rateCard"::text, notes, "phylloUserId", "searchDocument")`,
  CreatorPlatform: `concat_ws(',', network, handle, url, connection, "connectionError", "phylloAccountId", followers, following, "engagementRate", "averageViews", "averageLikes", "averageComments", "postsCount", "metricsSource", "lastSyncedAt")`,
  CreatorPlatformSnapshot: `concat_ws(',', "capturedAt", followers, following, "engagementRate", "averageViews", "postsCount", source)`,
  AudienceSlice: `concat_ws(',', "asOf", dimension, value, share, source)`,
  CreatorContent: `concat_ws(',', "externalId", url, format, "publishedAt", caption, views, likes, comments, shares, saves, "campaignCreatorId" IS NULL)`,
  CreatorContentSnapshot: `concat_ws(',', "capturedAt", views, likes, comments, shares, saves)`,
  Release: `concat_ws(',', title, "artistName", kind, "releaseDate", genre)`,
  Campaign: `concat_ws(',', name, objective, array_to_string(networks::text[], ';'), budget, currency, "networkBudgets"::text, "startsOn", "endsOn", status)`,
  CampaignCreator: `concat_ws(',', fee, currency, status, notes)`,
  CampaignDeliverable: `concat_ws(',', network, format, count, "dueOn")`,
  AdAccount: `concat_ws(',', platform, "externalId", name, currency, "timeZone", "parentAccountId" IS NULL, "connectionId" IS NULL, status, "isDemo", "syncHour", "lastSyncAt", "lastSyncOutcome", "lastSyncError", "lastSyncRows", "dailyBudgetLimit", "monthlyBudgetLimit", "noConversionDays", "campaignId" IS NULL)`,
  AdCampaign: `concat_ws(',', "externalId", name, status, objective, "dailyBudget", "lifetimeBudget", "dailyLimit", "campaignId" IS NULL)`,
  CampaignMetric: `concat_ws(',', date, spend, currency, impressions, clicks, conversions, "conversionValue", reach, frequency, "videoViews", "videoP25", "videoP50", "videoP75", "videoP100", source, "syncedAt")`,
  AdSyncRun: `concat_ws(',', kind, trigger, "rangeFrom", "rangeTo", "startedAt", "finishedAt", outcome, rows, error)`,
  SpendAlert: `concat_ws(',', cause, day, figures::text, message, "postedAt")`,
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
    expect(summary.counts).toMatchObject({ Organization: 1, User: 3, Membership: 3, Client: 8, Vendor: 12, CampaignGroup: 20, StreamRate: 3 });
    for (const [table, count] of Object.entries(summary.counts)) {
      const { rows } = await one<{ rows: number }>(first, `SELECT count(*)::int AS rows FROM "${table}"`, []);
      expect(rows, table).toBe(count);
    }
    expect(summary.counts.Touchpoint).toBeGreaterThan(5000);
    expect(summary.counts.StreamStat).toBeGreaterThan(5000);
    const owner = await first.prisma.membership.findFirst({ where: { organizationId: orgId, role: 'OWNER' }, include: { user: true } });
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
    expect(tiny.counts).toMatchObject({ Organization: 0, User: 2, Membership: 3, Client: 2, Vendor: 4, CampaignGroup: 4 });
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

  it('has 60+ creators across networks with history, audiences, content and two creator campaigns in progress', async () => {
    expect(summary.counts.Creator).toBeGreaterThanOrEqual(60);
    const creators = await first.prisma.creator.findMany({
      where: { organizationId: orgId },
      include: { contact: { include: { emails: true } }, platforms: { include: { _count: { select: { snapshots: true } } } }, _count: { select: { contents: true } } },
    });
    expect(creators.length).toBe(summary.counts.Creator);
    expect(new Set(creators.map((creator) => creator.country)).size).toBeGreaterThanOrEqual(15);
    for (const language of ['en', 'es', 'pt', 'fr']) expect(creators.some((creator) => creator.languages.includes(language)), language).toBe(true);
    expect(creators.filter((creator) => creator.contact.companyId).length).toBeGreaterThanOrEqual(10);
    expect(creators.filter((creator) => creator.exclusive && creator.exclusiveUntil).length).toBeGreaterThanOrEqual(3);
    expect(creators.every((creator) => creator.contact.emails.length === 1 && creator.searchDocument.includes(`@${creator.handle}`))).toBe(true);
    for (const creator of creators) {
      expect(creator._count.contents, creator.handle).toBeGreaterThanOrEqual(4);
      expect(creator._count.contents, creator.handle).toBeLessThanOrEqual(10);
    }
    const platforms = creators.flatMap((creator) => creator.platforms);
    expect(new Set(platforms.map((platform) => platform.network))).toEqual(new Set(['TIKTOK', 'INSTAGRAM', 'YOUTUBE', 'TWITCH', 'LINKEDIN', 'TWITTER', 'FACEBOOK', 'SNAPCHAT', 'PINTEREST']));
    const followers = platforms.map((platform) => platform.followers!);
    expect(Math.min(...followers)).toBeLessThan(10_000);
    expect(Math.max(...followers)).toBeGreaterThan(4_000_000);
    const meanRate = (rows: typeof platforms) => rows.reduce((sum, platform) => sum + Number(platform.engagementRate), 0) / rows.length;
    const tiktok = platforms.filter((platform) => platform.network === 'TIKTOK');
    expect(meanRate(tiktok.filter((platform) => platform.followers! < 100_000))).toBeGreaterThan(1.5 * meanRate(tiktok.filter((platform) => platform.followers! > 1_000_000)));
    for (const platform of platforms) {
      expect(platform._count.snapshots, platform.handle).toBeGreaterThanOrEqual(8);
      expect(platform._count.snapshots, platform.handle).toBeLessThanOrEqual(12);
    }
    const connections = await first.prisma.creatorPlatform.groupBy({ by: ['connection', 'metricsSource'], where: { organizationId: orgId }, _count: true });
    const sources = Object.fromEntries(connections.map((row) => [`${row.connection}/${row.metricsSource}`, row._count]));
    expect(sources).toMatchObject({ 'CONNECTED/phyllo': expect.any(Number), 'ERROR/phyllo': 1, 'DISCONNECTED/phyllo': 1, 'NOT_CONNECTED/manual': expect.any(Number), 'NOT_CONNECTED/import': expect.any(Number) });
    expect(platforms.filter((platform) => platform.phylloAccountId).every((platform) => platform.metricsSource === 'phyllo')).toBe(true);

    // Growth: the latest snapshot is the platform's figures; most grow, a few decline.
    const trends = await first.sql.query<{ followers: number; first: number; last: number }>(
      `SELECT p.followers, (array_agg(s.followers ORDER BY s."capturedAt"))[1] AS first, (array_agg(s.followers ORDER BY s."capturedAt" DESC))[1] AS last
       FROM "CreatorPlatform" p JOIN "CreatorPlatformSnapshot" s ON s."creatorPlatformId" = p.id WHERE p."organizationId" = $1 GROUP BY p.id`, [orgId]);
    expect(trends.every((row) => row.last === row.followers)).toBe(true);
    expect(trends.filter((row) => row.last > row.first * 1.1).length).toBeGreaterThan(trends.length / 4);
    expect(trends.filter((row) => row.last < row.first * 0.95).length).toBeGreaterThanOrEqual(1);

    // Audiences: each dimension of a platform's day sums to 1 at most; age bands are the five.
    const sums = await first.sql.query<{ dimension: string; total: number }>(
      `SELECT dimension::text, sum(share)::float AS total FROM "AudienceSlice" WHERE "organizationId" = $1 GROUP BY "creatorPlatformId", "asOf", dimension`, [orgId]);
    expect(new Set(sums.map((row) => row.dimension))).toEqual(new Set(['AGE', 'GENDER', 'COUNTRY', 'CITY']));
    expect(Math.max(...sums.map((row) => row.total))).toBeLessThanOrEqual(1);
    const genders = await first.sql.query<{ female: number; male: number }>(
      `SELECT sum(share) FILTER (WHERE value = 'female')::float AS female, sum(share) FILTER (WHERE value = 'male')::float AS male
       FROM "AudienceSlice" WHERE "organizationId" = $1 AND dimension = 'GENDER' GROUP BY "creatorPlatformId", "asOf"`, [orgId]);
    for (const { female, male } of genders) expect(Math.min(female, male)).toBeGreaterThan(0.2);
    const ages = await first.prisma.audienceSlice.findMany({ where: { organizationId: orgId, dimension: 'AGE' }, distinct: ['value'], select: { value: true } });
    expect(ages.map((row) => row.value).sort()).toEqual(['13-17', '18-24', '25-34', '35-44', '45+']);

    // Two creator campaigns in progress, one promoting a release for a client; assignments at every stage.
    const campaigns = await first.prisma.campaign.findMany({ where: { organizationId: orgId }, include: { release: true, creators: { include: { deliverables: true, contents: true } } } });
    expect(campaigns.map((campaign) => campaign.status)).toEqual(['ACTIVE', 'ACTIVE']);
    const launch = campaigns.find((campaign) => campaign.release)!;
    expect(launch).toMatchObject({ clientId: expect.any(String), companyId: expect.any(String), release: { kind: 'SINGLE', genre: 'reggaeton' } });
    expect(campaigns.every((campaign) => campaign.companyId && campaign.creators.length >= 6 && campaign.creators.length <= 10)).toBe(true);
    const assignments = campaigns.flatMap((campaign) => campaign.creators);
    expect(new Set(assignments.map((assignment) => assignment.status))).toEqual(new Set(['INVITED', 'ACCEPTED', 'DECLINED', 'CONTENT_SUBMITTED', 'CONTENT_APPROVED', 'PUBLISHED']));
    for (const assignment of assignments.filter((row) => row.status === 'PUBLISHED')) {
      const agreed = assignment.deliverables.reduce((sum, line) => sum + line.count, 0);
      expect(assignment.contents.filter((content) => content.publishedAt && content.views! > 0n).length).toBe(agreed);
    }
    const today = new Date('2026-11-22T00:00:00Z');
    const overdue = assignments.filter((row) => !['DECLINED', 'PAID'].includes(row.status) && row.deliverables.some((line) => line.dueOn! < today) && row.contents.every((content) => !content.publishedAt));
    expect(overdue.length).toBe(1);
    // Each booking is on the creator's timeline as the campaign tools write it.
    const invitations = await first.prisma.activity.findMany({ where: { organizationId: orgId, kind: 'creator_assigned', subjectType: 'contact' }, select: { subjectId: true, summary: true } });
    expect(invitations.length).toBe(assignments.length);
    const contactOf = new Map(creators.map((creator) => [creator.id, creator.contactId]));
    expect(new Set(invitations.map((row) => row.subjectId))).toEqual(new Set(assignments.map((row) => contactOf.get(row.creatorId))));
    expect(invitations.every((row) => / invited .+ \(@[a-z0-9._]+\) to creator campaign '.+' for [\d,]+\.\d{2} USD: /.test(row.summary))).toBe(true);

    // Search: every creator has the document refreshSearchDocuments builds and, where the database has pgvector (PGlite), a vector from the offline embedder.
    const documents = new Map(creators.map((creator) => [creator.id, creator.searchDocument]));
    await first.prisma.$transaction((tx) => refreshSearchDocuments(tx as unknown as ToolDb, orgId, [...documents.keys()]));
    const refreshed = await first.prisma.creator.findMany({ where: { organizationId: orgId }, select: { id: true, searchDocument: true } });
    expect(refreshed.filter((creator) => creator.searchDocument !== documents.get(creator.id)).map((creator) => creator.id)).toEqual([]);
    const vectors = await first.prisma.creatorEmbedding.groupBy({ by: ['model'], where: { organizationId: orgId }, _count: true });
    if (await vectorsAvailable(first.prisma)) {
      expect(summary.counts.CreatorEmbedding).toBe(creators.length);
      expect(vectors).toEqual([{ model: 'local-hash-384', _count: creators.length }]);
    } else {
      expect(vectors).toEqual([]);
    }
  });

  it('has three demo ad accounts with 120 days of metrics, the same spend once in MarketingSpend, a sync history and one posted over-budget alert', async () => {
    const accounts = await first.prisma.adAccount.findMany({ where: { organizationId: orgId }, include: { _count: { select: { adCampaigns: true } } }, orderBy: { name: 'asc' } });
    expect(accounts.map((account) => account.platform).sort()).toEqual(['GOOGLE', 'GOOGLE', 'META', 'TIKTOK']);
    expect(accounts.every((account) => account.isDemo && account.connectionId === null && account.name.endsWith('(demo)') && account.status === 'ACTIVE')).toBe(true);
    const manager = accounts.find((account) => account.platform === 'GOOGLE' && account._count.adCampaigns === 0)!;
    const running = accounts.filter((account) => account !== manager);
    expect(running.find((account) => account.platform === 'GOOGLE')!.parentAccountId).toBe(manager.id);
    expect(running.every((account) => account._count.adCampaigns >= 3 && account.lastSyncOutcome === 'SUCCEEDED' && account.dailyBudgetLimit && account.monthlyBudgetLimit)).toBe(true);
    const launch = await first.prisma.campaign.findFirstOrThrow({ where: { organizationId: orgId, releaseId: { not: null } } });
    // The launch's ad campaigns (one per platform it runs on) are assigned to the creator campaign; no account works for it alone.
    const assigned = await first.prisma.adCampaign.findMany({ where: { organizationId: orgId, campaignId: launch.id }, include: { account: { select: { platform: true } } } });
    expect(assigned.map((campaign) => campaign.account.platform).sort()).toEqual(['META', 'TIKTOK']);
    expect(assigned.every((campaign) => campaign.name.includes('Noche de Neón'))).toBe(true);
    expect(accounts.filter((account) => account.campaignId)).toEqual([]);

    // 120 days through yesterday on every account; plausible rates per platform; quartiles only fall; weekends spend more.
    const days = await first.sql.query<{ platform: string; days: number; first: string; last: string; cpm: number; ctr: number; completion: number | null; roas: number }>(
      `SELECT a.platform::text, count(DISTINCT m.date)::int AS days, min(m.date)::text AS first, max(m.date)::text AS last, (1000 * sum(m.spend) / sum(m.impressions))::float AS cpm,
              (sum(m.clicks)::numeric / sum(m.impressions))::float AS ctr, (sum(m."videoP100")::numeric / nullif(sum(m."videoViews"), 0))::float AS completion, (sum(m."conversionValue") / sum(m.spend))::float AS roas
       FROM "CampaignMetric" m JOIN "AdAccount" a ON a.id = m."adAccountId" WHERE m."organizationId" = $1 GROUP BY a.platform ORDER BY 1`, [orgId]);
    expect(days.map(({ platform, days: count, first: from, last }) => [platform, count, from, last])).toEqual(
      ['GOOGLE', 'META', 'TIKTOK'].map((platform) => [platform, 120, '2026-07-25', '2026-11-21']));
    for (const row of days) {
      expect(row.cpm, row.platform).toBeGreaterThan(3);
      expect(row.cpm, row.platform).toBeLessThan(20);
      expect(row.ctr, row.platform).toBeGreaterThan(0.004);
      expect(row.ctr, row.platform).toBeLessThan(0.04);
      expect(row.completion, row.platform).toBeGreaterThan(0.05);
      expect(row.completion, row.platform).toBeLessThan(0.6);
      expect(row.roas, row.platform).toBeGreaterThan(0.3);
      expect(row.roas, row.platform).toBeLessThan(4);
    }
    const funnels = await one<{ broken: number; video: number }>(first,
      `SELECT count(*) FILTER (WHERE NOT ("videoViews" >= "videoP25" AND "videoP25" >= "videoP50" AND "videoP50" >= "videoP75" AND "videoP75" >= "videoP100" AND "videoP100" > 0))::int AS broken,
              count(*)::int AS video FROM "CampaignMetric" WHERE "organizationId" = $1 AND "videoViews" IS NOT NULL AND "videoViews" > 100`, [orgId]);
    expect(funnels.video).toBeGreaterThan(1000);
    expect(funnels.broken).toBe(0);
    const weekdays = await first.sql.query<{ weekday: number; spend: number }>(
      `SELECT extract(isodow FROM date)::int AS weekday, avg(total)::float AS spend FROM (SELECT date, sum(spend) AS total FROM "CampaignMetric" WHERE "organizationId" = $1 GROUP BY date) d GROUP BY 1`, [orgId]);
    const byWeekday = Object.fromEntries(weekdays.map((row) => [row.weekday, row.spend]));
    expect(byWeekday[5]).toBeGreaterThan(byWeekday[1]! * 1.1);

    // Each metric day is one MarketingSpend row (source = platform, dedupe key ads:<account>:<campaign>:<date>) and no CSV row is left for those channels and days.
    const spend = await one<{ metrics: number; matched: number; csvLeft: number; csvBefore: number }>(first,
      `SELECT (SELECT count(*) FROM "CampaignMetric" WHERE "organizationId" = $1)::int AS metrics,
              (SELECT count(*) FROM "CampaignMetric" m JOIN "AdAccount" a ON a.id = m."adAccountId" JOIN "AdCampaign" c ON c.id = m."adCampaignId"
                 JOIN "MarketingSpend" s ON s."organizationId" = $1 AND s."dedupeKey" = 'ads:' || a.id || ':' || c."externalId" || ':' || to_char(m.date, 'YYYY-MM-DD')
                 WHERE m."organizationId" = $1 AND s.amount = m.spend AND s.date = m.date AND s.channel = lower(a.platform::text) AND s.source = lower(a.platform::text))::int AS matched,
              (SELECT count(*) FROM "MarketingSpend" WHERE "organizationId" = $1 AND channel IN ('meta', 'google', 'tiktok') AND date >= '2026-07-25' AND source <> channel)::int AS "csvLeft",
              (SELECT count(*) FROM "MarketingSpend" WHERE "organizationId" = $1 AND channel IN ('meta', 'google', 'tiktok') AND date < '2026-07-25' AND source = 'import')::int AS "csvBefore"`, [orgId]);
    expect(spend.matched).toBe(spend.metrics);
    expect(summary.counts.CampaignMetric).toBe(spend.metrics);
    expect(spend.csvLeft).toBe(0);
    expect(spend.csvBefore).toBeGreaterThan(0);
    const synced = await first.prisma.marketingSpend.count({ where: { organizationId: orgId, dedupeKey: { startsWith: 'ads:' } } });
    expect(synced).toBe(spend.metrics);

    // Daily syncs from the day after the first metric day through today, one TikTok run throttled and retried.
    const runs = await first.prisma.adSyncRun.findMany({ where: { organizationId: orgId }, include: { account: { select: { platform: true } } } });
    expect(runs.length).toBe(summary.counts.AdSyncRun);
    const failed = runs.filter((run) => run.outcome === 'FAILED');
    expect(failed.map((run) => run.account!.platform)).toEqual(['TIKTOK']);
    expect(failed[0]!.error).toContain('throttling');
    for (const account of running) {
      const own = runs.filter((run) => run.adAccountId === account.id && run.outcome === 'SUCCEEDED');
      expect(new Set(own.map((run) => run.rangeTo.toISOString().slice(0, 10))).size, account.name).toBe(121);
      expect(account.lastSyncAt!.getTime()).toBe(Math.max(...own.map((run) => run.startedAt.getTime())));
    }

    // One alert: a campaign over its daily limit yesterday, posted; the spend_alerts rules find the same one.
    const alerts = await first.prisma.spendAlert.findMany({ where: { organizationId: orgId } });
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({ cause: 'OVER_DAILY_LIMIT', postedAt: expect.any(Date), adCampaignId: expect.any(String) });
    expect(alert!.day.toISOString().slice(0, 10)).toBe('2026-11-21');
    const figures = alert!.figures as { spend: number; limit: number; currency: string };
    expect(figures.spend).toBeGreaterThan(figures.limit);
    expect(figures.currency).toBe('USD');
    const evaluated = await evaluateSpendAlerts(first.prisma as unknown as Parameters<typeof evaluateSpendAlerts>[0], orgId, TODAY);
    expect(evaluated.map((row) => [row.cause, row.scopeKey, row.day, row.message])).toEqual([['over_daily_limit', alert!.scopeKey, '2026-11-21', alert!.message]]);
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
