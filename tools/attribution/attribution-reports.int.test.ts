import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { loadJourneyScenario } from './testing/journey-scenario.ts';

describe('comparison, journeys, ROAS and settings on the hand-computed scenario', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('attribution-reports'));
    await loadJourneyScenario(runner, org);
    await database.prisma.fxRate.create({ data: { organizationId: org.id, date: new Date('2026-09-01'), base: 'EUR', quote: 'USD', rate: '1.1' } });
    const spend = (date: string, channel: string, amount: string, currency: string, extra: { impressions?: number; clicks?: number } = {}) => ({
      organizationId: org.id, date: new Date(date), channel, campaign: 'autumn-push', artist: 'Nova', amount, currency, dedupeKey: `${date}:${channel}`, ...extra,
    });
    await database.prisma.marketingSpend.createMany({
      data: [
        spend('2026-10-01', 'meta', '60', 'USD', { impressions: 6000, clicks: 120 }),
        spend('2026-10-20', 'meta', '40', 'USD', { impressions: 4000, clicks: 80 }),
        spend('2026-10-02', 'tiktok', '50', 'EUR'),
        spend('2026-10-03', 'google', '40', 'USD'),
        spend('2026-11-02', 'google', '999', 'USD'),
      ],
    });
  });
  afterAll(async () => {
    await database.close();
  });

  async function call<T>(tool: string, input: Record<string, unknown>, role: 'VIEWER' | 'ANALYST' = 'VIEWER'): Promise<T> {
    const result = await runner.call(tool, input, org.as(role));
    if (!result.ok) throw new Error(`${tool}: ${result.error.message}`);
    return result.output as T;
  }

  it('roas_summary combines spend (converted at its date) with linear credit, ratios from unrounded sums', async () => {
    type Roas = { rows: Array<Record<string, number | string | null>>; totals: Record<string, number | null>; model: string };
    const output = await call<Roas>('roas_summary', { group_by: 'channel', from: '2026-10-01', to: '2026-10-31' });
    expect(output.model).toBe('linear');
    expect(output.rows.map((row) => row.key)).toEqual(['meta', 'tiktok', 'google', 'email', '(direct)']);
    const [meta, tiktok, google] = output.rows;
    expect(meta).toEqual({
      key: 'meta', label: 'Meta', campaign_id: null, spend: 100, attributed_revenue: 88.33, attributed_conversions: 1.3333, new_customers: 1.3333,
      roas: 0.8833, roi: -0.1167, cac: 75, cpa: 75, impressions: 10000, clicks: 200, cpm: 10, cpc: 0.5, ctr: 0.02, conversion_rate: 0.0067,
    });
    // 50 EUR at 1.1; tiktok credit: B 1/2 + E1 1 + E2 1/2 = 2 conversions, of which E2 was a repeat purchase.
    expect(tiktok).toMatchObject({ spend: 55, attributed_revenue: 55, roas: 1, roi: 0, attributed_conversions: 2, new_customers: 1.5, cac: 36.67, cpa: 27.5, cpm: null, ctr: null });
    expect(google).toMatchObject({ spend: 40, attributed_revenue: 63.33 });
    expect(output.totals).toMatchObject({ spend: 195, attributed_revenue: 310, attributed_conversions: 7, new_customers: 6, roas: 1.5897, cac: 32.5 });
  });

  it('roas_summary by artist maps touchpoint campaigns to the artist on their spend rows', async () => {
    type Roas = { rows: Array<{ key: string; spend: number; attributed_revenue: number }> };
    const output = await call<Roas>('roas_summary', { group_by: 'artist', from: '2026-10-01', to: '2026-10-31', model: 'first_touch' });
    // autumn-push (Nova) opens A, B, E1, E2: 100 + 50 + 10 + 40; brand-search opens F; C opens with a newsletter; D is direct.
    expect(output.rows).toEqual([
      expect.objectContaining({ key: 'Nova', spend: 195, attributed_revenue: 200 }),
      expect.objectContaining({ key: '(unassigned)', spend: 0, attributed_revenue: 80 }),
      expect.objectContaining({ key: '(direct)', spend: 0, attributed_revenue: 30 }),
    ]);
  });

  it('delivery ratios only use the spend of rows that report impressions or clicks', async () => {
    await database.prisma.marketingSpend.create({
      data: { organizationId: org.id, date: new Date('2026-10-21'), channel: 'meta', amount: '5000', currency: 'USD', dedupeKey: 'no-delivery-data' },
    });
    type Roas = { rows: Array<Record<string, number | string | null>> };
    const output = await call<Roas>('roas_summary', { group_by: 'channel', from: '2026-10-01', to: '2026-10-31' });
    expect(output.rows.find((row) => row.key === 'meta')).toMatchObject({ spend: 5100, cpm: 10, cpc: 0.5, ctr: 0.02, impressions: 10000, clicks: 200 });
    await database.prisma.marketingSpend.deleteMany({ where: { dedupeKey: 'no-delivery-data' } });
  });

  it('a currency without an exchange rate is an error naming it and the date', async () => {
    await database.prisma.marketingSpend.create({
      data: { organizationId: org.id, date: new Date('2026-10-05'), channel: 'meta', amount: '10', currency: 'SEK', dedupeKey: 'sek' },
    });
    const result = await runner.call('roas_summary', { group_by: 'channel', from: '2026-10-01', to: '2026-10-31' }, org.as('VIEWER'));
    expect(result.ok || result.error).toMatchObject({ code: 'unavailable', message: 'No exchange rate from SEK to USD on or before 2026-10-05; add one with set_fx_rate.' });
    await database.prisma.marketingSpend.deleteMany({ where: { dedupeKey: 'sek' } });
  });

  it('compare_attribution_models puts every model side by side and names the disagreements', async () => {
    type Compare = {
      models: string[]; total_revenue: number;
      rows: Array<{ key: string; revenue: Record<string, number | null>; min: number; max: number; spread: number }>;
      top_key_by_model: Record<string, string>; disagreements: string[];
    };
    const output = await call<Compare>('compare_attribution_models', { group_by: 'channel' });
    expect(output.models).toEqual(['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based', 'markov']);
    expect(output.total_revenue).toBe(310);
    const tiktok = output.rows.find((row) => row.key === 'tiktok')!;
    expect(tiktok.revenue).toMatchObject({ first_touch: 100, last_touch: 10, linear: 55, time_decay: 40, position_based: 55, custom: null });
    expect(tiktok).toMatchObject({ min: 10, max: 100, spread: 90 });
    expect(output.top_key_by_model).toMatchObject({ first_touch: 'meta', last_touch: 'meta', time_decay: 'google' });
    expect(output.disagreements[0]).toBe('TikTok: First touch credits $100.00, Last touch $10.00 (a spread of $90.00).');

    await call('set_attribution_settings', { custom_weights: { first: 0.3, middle: 0.3, last: 0.4 } }, 'ANALYST');
    const withCustom = await call<Compare>('compare_attribution_models', { group_by: 'channel' });
    expect(withCustom.models).toContain('custom');
    expect(withCustom.rows.find((row) => row.key === 'meta')!.revenue.custom).toBe(92.86);
  });

  it('set_attribution_settings keeps unspecified settings, resets with null, and the defaults follow', async () => {
    expect(await call('set_attribution_settings', { lookback_days: 5 }, 'ANALYST')).toEqual({ default_model: 'linear', custom_weights: { first: 0.3, middle: 0.3, last: 0.4 }, lookback_days: 5, half_life_days: 7 });
    const short = await call<{ lookback_days: number; rows: Array<{ key: string; attributed_revenue: number }> }>('calculate_attribution', { model: 'custom' }, 'ANALYST');
    expect(short.lookback_days).toBe(5);
    expect(await call('set_attribution_settings', { lookback_days: null, custom_weights: null }, 'ANALYST')).toEqual({ default_model: 'linear', custom_weights: null, lookback_days: 30, half_life_days: 7 });
    expect(await call('set_attribution_settings', { default_model: 'time_decay' }, 'ANALYST')).toMatchObject({ default_model: 'time_decay' });
    expect(await call('set_attribution_settings', { default_model: null }, 'ANALYST')).toMatchObject({ default_model: 'linear' });
    const refused = await runner.call('set_attribution_settings', {}, org.as('ANALYST'));
    expect(refused.ok || refused.error.code).toBe('invalid_input');
  });

  it('customer_journey shows the timeline, costs and value of one customer', async () => {
    const journeyA = await call<Record<string, unknown>>('customer_journey', { customer_id: 'A' });
    expect(journeyA).toMatchObject({
      touchpoints: 3, conversions: 1, currency: 'USD',
      first_touch: { at: '2026-10-01T00:00:00.000Z', channel: 'meta', campaign: 'autumn-push' },
      last_touch: { channel: 'google' },
      days_to_first_conversion: 14, acquisition_cost: 1.7, total_touch_cost: 1.7, lifetime_value: 100,
    });
    const journeyE = await call<{ timeline: unknown[]; acquisition_cost: number; lifetime_value: number }>('customer_journey', { customer_id: 'E' });
    expect(journeyE.acquisition_cost).toBe(0.2);
    expect(journeyE.lifetime_value).toBe(50);
    expect(journeyE.timeline).toEqual([
      { type: 'touchpoint', at: '2026-10-01T00:00:00.000Z', channel: 'tiktok', campaign: 'autumn-push', cost: 0.2 },
      { type: 'conversion', at: '2026-10-02T00:00:00.000Z', revenue: 10, order_id: 'o-E1', window_channels: ['tiktok'] },
      { type: 'touchpoint', at: '2026-10-08T00:00:00.000Z', channel: 'email', campaign: 'newsletter-41', cost: null },
      { type: 'conversion', at: '2026-10-08T00:00:00.000Z', revenue: 40, order_id: 'o-E2', window_channels: ['tiktok', 'email'] },
    ]);
    const unknown = await runner.call('customer_journey', { customer_id: 'nobody' }, org.as('VIEWER'));
    expect(unknown.ok || unknown.error.code).toBe('not_found');
  });
});
