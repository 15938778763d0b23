import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { importCsv, loadJourneyScenario } from './testing/journey-scenario.ts';

type Named = { key: string; label: string; campaign_id: string | null };
type Compare = {
  rows: Array<Named & { revenue: Record<string, number | null> }>;
  top_key_by_model: Record<string, string | null>;
  top_named_by_model: Record<string, Named | null>;
  disagreements: string[];
};

/**
 * Campaign keys on the journey scenario (journey-scenario.md): first touch credits autumn-push
 * 200 (A 100, B 50, E1 10, E2 40), brand-search 60 (F), newsletter-42 20 (C); last touch
 * autumn-push 120 (B 50, E1 10, F 60), brand-search 100 (A), newsletter-41 40 (E2).
 */
describe('compare_attribution_models names keys as people read them', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  const campaignIds: Record<string, string> = {};

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('attribution-key-labels'));
    await loadJourneyScenario(runner, org);
    // A large order with no touchpoint in its window: (direct) becomes every model's largest key.
    await importCsv(runner, org, 'import_conversions', 'customer_id,occurred_at,revenue,currency,order_id\nG,2026-10-10T00:00:00Z,1000.00,USD,o-G\n', 'direct.csv');
    const prisma = database.prisma;
    const client = await prisma.client.create({ data: { organizationId: org.id, name: 'Nova Management' } });
    const vendor = await prisma.vendor.create({ data: { organizationId: org.id, name: 'Pulse Media', costPer1kStreams: 3 } });
    const campaign = async (name: string, artistName: string, startDate: string, songName: string) => {
      const created = await prisma.campaignGroup.create({ data: { organizationId: org.id, clientId: client.id, name, artistName, startDate: new Date(startDate) } });
      await prisma.placement.create({
        data: {
          organizationId: org.id, campaignGroupId: created.id, vendorId: vendor.id, trackUrl: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
          spotifyTrackId: '4uLU6hMCjMI75M1A2tKUQC', songName, goal: 10_000, daily: 500, price: 30, startDate: new Date(startDate),
        },
      });
      return created.id;
    };
    // Named exactly as the key reads; and one named after artist and song, twice (the later one wins).
    campaignIds.autumn = await campaign('Autumn Push', 'Nova', '2026-09-20', 'Falling Leaves');
    campaignIds.brandOld = await campaign('Brand – Search + 1 more', 'Brand', '2026-08-01', 'Search');
    campaignIds.brand = await campaign('Brand – Search (autumn run)', 'Brand', '2026-09-25', 'Search');
  });
  afterAll(async () => {
    await database.close();
  });

  async function compare(groupBy: string): Promise<Compare> {
    const result = await runner.call('compare_attribution_models', { group_by: groupBy }, org.as('VIEWER'));
    if (!result.ok) throw new Error(result.error.message);
    return result.output as Compare;
  }

  it('shows campaign keys by the playlist campaign they name, with its id, and other keys in their own words', async () => {
    const output = await compare('campaign');
    const byKey = Object.fromEntries(output.rows.map((row) => [row.key, { label: row.label, campaign_id: row.campaign_id }]));
    expect(byKey).toEqual({
      '(direct)': { label: 'Direct', campaign_id: null },
      'autumn-push': { label: 'Autumn Push', campaign_id: campaignIds.autumn },
      'brand-search': { label: 'Brand – Search (autumn run)', campaign_id: campaignIds.brand },
      'newsletter-41': { label: 'Newsletter-41', campaign_id: null },
      'newsletter-42': { label: 'Newsletter-42', campaign_id: null },
    });
  });

  it('names the top campaign of each model, leaving out Direct, which every model credits most', async () => {
    const output = await compare('campaign');
    expect(output.top_key_by_model.first_touch).toBe('(direct)');
    expect(output.top_named_by_model.first_touch).toEqual({ key: 'autumn-push', label: 'Autumn Push', campaign_id: campaignIds.autumn });
    expect(output.top_named_by_model.last_touch).toEqual({ key: 'autumn-push', label: 'Autumn Push', campaign_id: campaignIds.autumn });
  });

  it('writes the largest disagreements with display names and money as the web UI shows it', async () => {
    const output = await compare('campaign');
    // autumn-push: first touch 200, last touch 120 (the spread 80 is the largest); Markov sits between.
    expect(output.disagreements[0]).toMatch(/^Autumn Push: First touch credits \$200\.00, .+ \$\d+\.\d\d \(a spread of \$\d+\.\d\d\)\.$/);
    for (const sentence of output.disagreements) expect(sentence).not.toMatch(/[a-z]+_[a-z]+|-push|USD/);
    const channels = await compare('channel');
    expect(channels.disagreements[0]).toBe('TikTok: First touch credits $100.00, Last touch $10.00 (a spread of $90.00).');
    expect(channels.top_named_by_model.first_touch).toMatchObject({ label: expect.stringMatching(/^(Meta|TikTok)$/), campaign_id: null });
  });

  it('roas_summary by campaign names each campaign key too, beside its raw key', async () => {
    await database.prisma.marketingSpend.createMany({
      data: [
        { organizationId: org.id, date: new Date('2026-10-05'), channel: 'meta', campaign: 'autumn-push', amount: '80', currency: 'USD', dedupeKey: 'roas-autumn' },
        { organizationId: org.id, date: new Date('2026-10-06'), channel: 'google', campaign: 'brand-search', amount: '30', currency: 'USD', dedupeKey: 'roas-brand' },
        { organizationId: org.id, date: new Date('2026-10-07'), channel: 'meta', campaign: 'summer-push', amount: '25', currency: 'USD', dedupeKey: 'roas-summer' },
      ],
    });
    const result = await runner.call('roas_summary', { group_by: 'campaign', from: '2026-10-01', to: '2026-10-31' }, org.as('VIEWER'));
    if (!result.ok) throw new Error(result.error.message);
    const rows = (result.output as { rows: Array<Named & { spend: number; attributed_revenue: number; roas: number | null }> }).rows;
    // Linear credit: autumn-push A 33.33 + B 50 + E1 10 + E2 20 + F 30 = 143.33; brand-search A 33.33 + F 30;
    // newsletter-41 A 33.33 + E2 20; newsletter-42 C 20; (direct) D 30 + G 1000. summer-push's only touch is before every window.
    expect(rows.map(({ key, label, campaign_id, spend, attributed_revenue, roas }) => ({ key, label, campaign_id, spend, attributed_revenue, roas }))).toEqual([
      { key: 'autumn-push', label: 'Autumn Push', campaign_id: campaignIds.autumn, spend: 80, attributed_revenue: 143.33, roas: 1.7917 },
      { key: 'brand-search', label: 'Brand – Search (autumn run)', campaign_id: campaignIds.brand, spend: 30, attributed_revenue: 63.33, roas: 2.1111 },
      { key: 'summer-push', label: 'Summer-push', campaign_id: null, spend: 25, attributed_revenue: 0, roas: 0 },
      { key: '(direct)', label: 'Direct', campaign_id: null, spend: 0, attributed_revenue: 1030, roas: null },
      { key: 'newsletter-41', label: 'Newsletter-41', campaign_id: null, spend: 0, attributed_revenue: 53.33, roas: null },
      { key: 'newsletter-42', label: 'Newsletter-42', campaign_id: null, spend: 0, attributed_revenue: 20, roas: null },
    ]);
    await database.prisma.marketingSpend.deleteMany({ where: { dedupeKey: { startsWith: 'roas-' } } });
  });

  it('roas_summary by channel labels channels by their display names, with no campaign', async () => {
    const result = await runner.call('roas_summary', { group_by: 'channel', from: '2026-10-01', to: '2026-10-31' }, org.as('VIEWER'));
    if (!result.ok) throw new Error(result.error.message);
    const rows = (result.output as { rows: Named[] }).rows;
    expect(Object.fromEntries(rows.map((row) => [row.key, [row.label, row.campaign_id]]))).toEqual({
      meta: ['Meta', null], tiktok: ['TikTok', null], google: ['Google', null], email: ['Email', null], '(direct)': ['Direct', null],
    });
  });
});
