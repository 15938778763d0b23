import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { AS_OF, buildDeliveryScenario, type DeliveryScenario } from '../testing/delivery-scenario.ts';

type Row = Record<string, unknown> & { vendor_id: string };

describe('vendor_performance (hand-computed, see testing/delivery-scenario.md)', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let scenario: DeliveryScenario;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('vendors'));
    scenario = await buildDeliveryScenario(database.prisma, org.id);
  });
  afterAll(async () => { await database.close(); });

  async function rows(input: Record<string, unknown>): Promise<Map<string, Row>> {
    const result = await runner.call('vendor_performance', input, org.as('VIEWER'));
    if (!result.ok) throw new Error(result.error.message);
    return new Map((result.output as { rows: Row[] }).rows.map((row) => [row.vendor_id, row]));
  }

  it('credits streams by id, by name, auto-detected; ignores Spotify, ambiguous, later scrapes and future placements', async () => {
    const byVendor = await rows({ as_of: AS_OF });
    expect(byVendor.get(scenario.vendors.clubRestricted)).toMatchObject({
      vendor_name: 'Club Restricted', placements: 2, active_campaigns: 1, delivered_streams: 18_000, promised_streams: 24_000,
      delivery_rate: 0.75, real_cost_per_1k: 7.22, promised_cost_per_1k: 2.5, reliability_score: 0, avg_daily_streams: 171, spend: 130,
    });
    expect(byVendor.get(scenario.vendors.glenn)).toMatchObject({
      placements: 2, delivered_streams: 5_400, promised_streams: 5_000, delivery_rate: 1.08, real_cost_per_1k: 12.96,
      reliability_score: 100, avg_daily_streams: 60, placements_with_promise: 1,
    });
    expect(byVendor.get(scenario.vendors.silentBob)).toMatchObject({
      placements: 1, delivered_streams: 0, promised_streams: 1_900, delivery_rate: 0, real_cost_per_1k: null, reliability_score: 0,
    });
  });

  it('orders vendors by real cost per 1k, those without deliveries last', async () => {
    const result = await runner.call('vendor_performance', { as_of: AS_OF }, org.as('VIEWER'));
    const names = result.ok ? (result.output as { rows: Array<{ vendor_name: string }> }).rows.map((row) => row.vendor_name) : [];
    expect(names).toEqual(['Club Restricted', 'Glenn Curates', 'Silent Bob']);
  });

  it('before any placement started, nothing is promised and figures are null, not zero', async () => {
    const byVendor = await rows({ as_of: '2026-11-01' });
    expect(byVendor.get(scenario.vendors.clubRestricted)).toMatchObject({ placements: 1, promised_streams: 0, delivery_rate: null, reliability_score: null, delivered_streams: 0, real_cost_per_1k: null });
  });

  it('filters by genre', async () => {
    const byVendor = await rows({ as_of: AS_OF, genre: 'TECHNO' });
    expect([...byVendor.keys()]).toEqual([scenario.vendors.glenn]);
    expect(byVendor.get(scenario.vendors.glenn)).toMatchObject({ placements: 2, delivered_streams: 5_400 });
  });

  it('rejects a malformed date naming the field', async () => {
    const result = await runner.call('vendor_performance', { as_of: '20/11/2026' }, org.as('VIEWER'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'as_of' }] } });
  });

  it('shows every vendor\'s promised price in the organisation currency, or in its own with a note while there is no rate', async () => {
    const euro = await database.prisma.vendor.create({ data: { organizationId: org.id, name: 'Euro Beats', costPer1kStreams: 2, currency: 'EUR' } });
    // Issue 15 #6: a missing rate degrades the vendor's own row, never the whole scorecard (and is never a 1:1 guess).
    expect((await rows({ as_of: AS_OF })).get(euro.id)).toMatchObject({ promised_cost_per_1k: 2, promised_cost_currency: 'EUR', note: expect.stringContaining('EUR to USD') });
    await database.prisma.fxRate.create({ data: { organizationId: org.id, date: new Date('2026-11-01'), base: 'EUR', quote: 'USD', rate: 1.1 } });
    const byVendor = await rows({ as_of: AS_OF });
    expect(byVendor.get(euro.id)).toMatchObject({ promised_cost_per_1k: 2.2, promised_cost_currency: 'USD', note: null, placements: 0, delivered_streams: 0, delivery_rate: null });
  });

  it('uses what was paid for real cost per 1k where payments exist, shared among the vendor\'s placements on the campaign by goal', async () => {
    // Club Restricted on "Autumn push": nightDrive (goal 20,000), duetClub (5,000) and future (50,000, not started): 75,000 ordered.
    // 150 paid on 11-15 -> shares 40, 10 and 100; the scorecard counts the two started ones: 50 / (18,000 / 1000) = 2.78 (was 130 / 18 = 7.22).
    // A payment after as_of (11-25) does not count yet; one with no campaign cannot be shared out and is left aside.
    const pay = async (amount: number, paidAt: string, campaignGroupId: string | null) => {
      const approval = await database.prisma.approvalRequest.create({
        data: { organizationId: org.id, action: 'pay_vendor', payload: {}, preview: 'Pay', requestedById: org.ownerId, requestedVia: 'CLI', status: 'EXECUTED' },
      });
      await database.prisma.vendorPayment.create({
        data: { organizationId: org.id, vendorId: scenario.vendors.clubRestricted, campaignGroupId, amount, currency: 'USD', paidAt: new Date(paidAt), approvalRequestId: approval.id },
      });
    };
    expect((await rows({ as_of: AS_OF })).get(scenario.vendors.clubRestricted)).toMatchObject({ real_cost_per_1k: 7.22, cost_basis: 'price', paid_placements: 0 });
    await pay(150, '2026-11-15T10:00:00Z', scenario.campaignId);
    await pay(1000, '2026-11-25T10:00:00Z', scenario.campaignId);
    await pay(999, '2026-11-10T10:00:00Z', null);
    const club = (await rows({ as_of: AS_OF })).get(scenario.vendors.clubRestricted);
    expect(club).toMatchObject({ real_cost_per_1k: 2.78, cost_basis: 'paid', paid_placements: 2, spend: 130, delivered_streams: 18_000 });
    // Glenn was not paid: still priced.
    expect((await rows({ as_of: AS_OF })).get(scenario.vendors.glenn)).toMatchObject({ real_cost_per_1k: 12.96, cost_basis: 'price' });
    // By 11-30 the second payment counts too: 1,150 x 25,000 / 75,000 = 383.33 over the same 18,000 streams (no later scrape by then but 11-21's).
    const later = (await rows({ as_of: '2026-11-30' })).get(scenario.vendors.clubRestricted);
    expect(later).toMatchObject({ cost_basis: 'paid' });
    expect(later!.real_cost_per_1k).toBeCloseTo((1150 * 25 / 75) / ((99_999 + 5_000 + 3_000) / 1000), 2);
  });
});
