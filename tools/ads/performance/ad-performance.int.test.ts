import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { createTestRunner, createTestOrganization, type TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';

interface Figures {
  spend: number; impressions: number; clicks: number; conversions: number; conversion_value: number;
  cpm: number | null; cpc: number | null; ctr: number | null; cpa: number | null; roas: number | null; reach: number | null;
  video: { views: number; p25: number; p50: number; p75: number; p100: number; completion_rate: number | null } | null;
}
interface Row extends Figures {
  key: string; label: string; platform: string | null; ad_account_id: string | null; ad_campaign_id: string | null; campaign_name: string | null; day: string | null;
  spend_by_currency: Array<{ currency: string; spend: number }>; share_of_spend: number | null;
  previous?: { spend: number; conversions: number; spend_change: number | null; roas: number | null } | null;
}
interface Output {
  from: string; to: string; previous_from: string | null; previous_to: string | null; base_currency: string; rows: Row[]; rows_total: number;
  totals: Figures & { spend_by_currency: Array<{ currency: string; spend: number }>; accounts: number; campaigns: number; days_with_data: number; previous?: Row['previous'] };
  notes: string[];
}

const day = (value: string) => new Date(`${value}T00:00:00Z`);

describe('ad_performance', () => {
  let database: Database;
  let org: TestOrganization;
  let other: TestOrganization;
  let owner: ReturnType<typeof caller>;
  const ids: Record<string, string> = {};
  const now = new Date('2026-12-10T10:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase();
    const { runner } = createTestRunner(database, [], () => now);
    org = await createTestOrganization(database, 'ad-performance-a');
    other = await createTestOrganization(database, 'ad-performance-b');
    owner = caller(runner, () => org.as('ANALYST'));
    const prisma = database.prisma;
    // Base USD, UTC. EUR is worth 1.10 USD from 1 December and 1.20 from the 9th; GBP has no rate.
    await prisma.fxRate.createMany({ data: [
      { organizationId: org.id, date: day('2026-12-01'), base: 'EUR', quote: 'USD', rate: 1.1 },
      { organizationId: org.id, date: day('2026-12-09'), base: 'EUR', quote: 'USD', rate: 1.2 },
    ] });
    const meta = await prisma.adAccount.create({ data: { organizationId: org.id, platform: 'META', externalId: '1001', name: 'Acme EU', currency: 'EUR', timeZone: 'Europe/Paris' } });
    const tiktok = await prisma.adAccount.create({ data: { organizationId: org.id, platform: 'TIKTOK', externalId: '2002', name: 'Launch US', currency: 'USD', timeZone: 'America/New_York' } });
    const google = await prisma.adAccount.create({ data: { organizationId: org.id, platform: 'GOOGLE', externalId: '3003', name: 'UK Search', currency: 'GBP', timeZone: 'Europe/London' } });
    const campaign = (adAccountId: string, externalId: string, name: string) => prisma.adCampaign.create({ data: { organizationId: org.id, adAccountId, externalId, name, status: 'ACTIVE' } });
    const blackFriday = await campaign(meta.id, 'c1', 'Black Friday');
    const retarget = await campaign(meta.id, 'c2', 'Retarget');
    const launch = await campaign(tiktok.id, 't1', 'Single launch');
    const search = await campaign(google.id, 'g1', 'Brand search');
    Object.assign(ids, { meta: meta.id, tiktok: tiktok.id, google: google.id, blackFriday: blackFriday.id, retarget: retarget.id, launch: launch.id, search: search.id });
    const metric = (account: { id: string; currency: string }, adCampaignId: string, date: string, figures: Record<string, number>) =>
      ({ organizationId: org.id, adAccountId: account.id, adCampaignId, date: day(date), currency: account.currency, source: 'test', syncedAt: now, spend: 0, ...figures });
    await prisma.campaignMetric.createMany({ data: [
      metric(meta, blackFriday.id, '2026-12-01', { spend: 50, impressions: 4000, clicks: 40, conversions: 1, conversionValue: 60 }),
      metric(meta, blackFriday.id, '2026-12-08', { spend: 100, impressions: 10000, clicks: 200, conversions: 4, conversionValue: 400 }),
      metric(meta, blackFriday.id, '2026-12-09', { spend: 50, impressions: 5000, clicks: 50, conversions: 1, conversionValue: 100 }),
      metric(meta, retarget.id, '2026-12-09', { spend: 30, impressions: 3000, clicks: 30, conversions: 0, conversionValue: 0 }),
      metric(tiktok, launch.id, '2026-12-03', { spend: 20, impressions: 10000, clicks: 100, conversions: 0, conversionValue: 0, reach: 9000, videoViews: 5000, videoP25: 3000, videoP50: 2000, videoP75: 1500, videoP100: 1000 }),
      metric(tiktok, launch.id, '2026-12-09', { spend: 80, impressions: 40000, clicks: 400, conversions: 2, conversionValue: 60, reach: 30000, videoViews: 20000, videoP25: 12000, videoP50: 8000, videoP75: 5000, videoP100: 3000 }),
      metric(google, search.id, '2026-12-09', { spend: 10, impressions: 1000, clicks: 10, conversions: 1, conversionValue: 30 }),
    ] });
    // Another organisation's account spending a lot yesterday: never counted.
    const theirs = await prisma.adAccount.create({ data: { organizationId: other.id, platform: 'META', externalId: '1001', name: 'Theirs', currency: 'USD', timeZone: 'UTC' } });
    const theirCampaign = await prisma.adCampaign.create({ data: { organizationId: other.id, adAccountId: theirs.id, externalId: 'x', name: 'X', status: 'ACTIVE' } });
    await prisma.campaignMetric.create({ data: { organizationId: other.id, adAccountId: theirs.id, adCampaignId: theirCampaign.id, date: day('2026-12-09'), spend: 9999, impressions: 1, currency: 'USD', source: 'test', syncedAt: now } });
    ids.theirs = theirs.id;
  });
  afterAll(async () => {
    await database.close();
  });

  it("yesterday's spend by platform: base currency at the day's rate, the standard ratios, sorted by spend, GBP without a rate said plainly", async () => {
    const output = await owner.ok<Output>('ad_performance', { from: '2026-12-09', to: '2026-12-09' });
    expect(output.rows.map((row) => [row.key, row.spend])).toEqual([['meta', 96], ['tiktok', 80], ['google', 0]]);
    const [meta, tiktok, google] = output.rows;
    // Meta: (50 + 30) EUR x 1.20 = 96 USD; value 100 x 1.20 = 120.
    expect(meta).toMatchObject({ impressions: 8000, clicks: 80, conversions: 1, conversion_value: 120, cpm: 12, cpc: 1.2, ctr: 0.01, cpa: 96, roas: 1.25, reach: null, video: null });
    expect(meta!.spend_by_currency).toEqual([{ currency: 'EUR', spend: 80 }]);
    // TikTok: 80 / 40,000 x 1000 = 2 CPM; completion 3,000 / 20,000.
    expect(tiktok).toMatchObject({ cpm: 2, cpc: 0.2, ctr: 0.01, cpa: 40, roas: 0.75, reach: 30000, video: { views: 20000, p25: 12000, p50: 8000, p75: 5000, p100: 3000, completion_rate: 0.15 } });
    // Google's GBP has no rate: its native spend is shown, its money ratios are not guessed.
    expect(google).toMatchObject({ spend_by_currency: [{ currency: 'GBP', spend: 10 }], ctr: 0.01, cpm: null, cpc: null, cpa: null, roas: null });
    expect(output.notes.join(' ')).toContain('10.00 GBP of spend');
    expect(output.totals).toMatchObject({ spend: 176, impressions: 49000, clicks: 490, conversions: 4, cpm: null, accounts: 3, campaigns: 4, days_with_data: 1 });
    expect(output.base_currency).toBe('USD');

    // Without Google: total CPM 176 / 48,000 x 1000 = 3.67; ROAS (120 + 60) / 176 = 1.0227.
    const converted = await owner.ok<Output>('ad_performance', { from: '2026-12-09', to: '2026-12-09', platforms: ['meta', 'tiktok'] });
    expect(converted.totals).toMatchObject({ spend: 176, cpm: 3.67, cpc: 0.37, ctr: 0.01, cpa: 58.67, roas: 1.0227 });
    expect(converted.notes).toEqual([]);
    expect(converted.rows.map((row) => row.share_of_spend)).toEqual([0.5455, 0.4545]);
  });

  it('the campaign spending most this week, against the week before', async () => {
    const output = await owner.ok<Output>('ad_performance', { from: '2026-12-03', to: '2026-12-09', group_by: 'campaign', compare_previous: true });
    // Black Friday: 100 x 1.10 (the 8th) + 50 x 1.20 (the 9th) = 170; Launch 20 + 80; Retarget 30 x 1.20.
    expect(output.rows.map((row) => [row.campaign_name, row.spend])).toEqual([['Black Friday', 170], ['Single launch', 100], ['Retarget', 36], ['Brand search', 0]]);
    expect(output).toMatchObject({ previous_from: '2026-11-26', previous_to: '2026-12-02' });
    // The week before: 50 EUR x 1.10 = 55 on 1 December; (170 - 55) / 55 = 2.0909.
    expect(output.rows[0]!.previous).toMatchObject({ spend: 55, conversions: 1, spend_change: 2.0909, roas: 1.2 });
    expect(output.rows[1]!.previous).toMatchObject({ spend: 0, spend_change: null });
    expect(output.totals.previous).toMatchObject({ spend: 55 });
  });

  it('video completion on TikTok, and days in date order for the chart', async () => {
    const tiktok = await owner.ok<Output>('ad_performance', { from: '2026-12-03', to: '2026-12-09', platforms: ['tiktok'] });
    expect(tiktok.rows).toHaveLength(1);
    // (1,000 + 3,000) / (5,000 + 20,000) = 0.16; reach summed day by day.
    expect(tiktok.totals).toMatchObject({ reach: 39000, video: { views: 25000, p25: 15000, p50: 10000, p75: 6500, p100: 4000, completion_rate: 0.16 } });

    const days = await owner.ok<Output>('ad_performance', { from: '2026-12-07', to: '2026-12-09', platforms: ['meta'], group_by: 'day' });
    expect(days.rows.map((row) => [row.day, row.spend])).toEqual([['2026-12-08', 110], ['2026-12-09', 96]]);
    expect(days.totals.days_with_data).toBe(2);
  });

  it('one account, the default range (the 7 days to yesterday), a limit, and a Crescendo campaign', async () => {
    const byAccount = await owner.ok<Output>('ad_performance', { ad_account_id: ids.meta, group_by: 'campaign', limit: 1 });
    expect([byAccount.from, byAccount.to]).toEqual(['2026-12-03', '2026-12-09']);
    const yesterday = await owner.ok<Output>('ad_performance', { days: 1 });
    expect([yesterday.from, yesterday.to, yesterday.totals.spend]).toEqual(['2026-12-09', '2026-12-09', 176]);
    expect((await owner.fails('ad_performance', { days: 3, from: '2026-12-01' })).issues?.[0]?.path).toBe('days');
    expect(byAccount.rows.map((row) => row.campaign_name)).toEqual(['Black Friday']);
    expect(byAccount.rows_total).toBe(2);
    expect(byAccount.totals.spend).toBe(206);
    expect(byAccount.notes.join(' ')).toContain('1 more campaigns not listed');

    const release = await database.prisma.campaign.create({ data: { organizationId: org.id, name: 'Single release', objective: 'VIDEO_VIEWS', currency: 'USD' } });
    await database.prisma.adAccount.update({ where: { id: ids.tiktok }, data: { campaignId: release.id } });
    await database.prisma.adCampaign.update({ where: { id: ids.retarget }, data: { campaignId: release.id } });
    const forRelease = await owner.ok<Output>('ad_performance', { creator_campaign_id: release.id, group_by: 'campaign' });
    expect(forRelease.rows.map((row) => [row.campaign_name, row.spend])).toEqual([['Single launch', 100], ['Retarget', 36]]);
  });

  it('refuses a backwards range naming the field, and never reads another organisation', async () => {
    const backwards = await owner.fails('ad_performance', { from: '2026-12-09', to: '2026-12-01' });
    expect(backwards.code).toBe('invalid_input');
    expect(backwards.message).toContain('from');
    expect((await owner.fails('ad_performance', { ad_account_id: ids.theirs })).code).toBe('not_found');
    const all = await owner.ok<Output>('ad_performance', { from: '2026-12-09', to: '2026-12-09', group_by: 'account' });
    expect(all.rows.map((row) => row.ad_account_id)).not.toContain(ids.theirs);
    const empty = await owner.ok<Output>('ad_performance', { from: '2025-01-01', to: '2025-01-07' });
    expect(empty.rows).toEqual([]);
    expect(empty.notes[0]).toContain('No synced metrics from 2025-01-01 to 2025-01-07');
  });
});
