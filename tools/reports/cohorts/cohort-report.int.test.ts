import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { createOrganization } from '../../access/organizations.ts';
import { setAttributionSettings } from '../../attribution/set-attribution-settings.ts';
import { ToolCatalogue } from '../../registry/catalogue.ts';
import { ToolRunner, type Principal } from '../../registry/runner.ts';
import { cohortReport } from './cohort-report.ts';
import { COHORT_CONVERSIONS, COHORT_TOUCHPOINTS, loadCohortWorld, OTHER_ORG_CONVERSIONS, OTHER_ORG_TOUCHPOINTS } from './testing/cohort-world.ts';

type Org = { id: string; as(role: Principal['role']): Principal };

/** Hand-computed figures for the world in testing/cohort-world.ts (New York, base USD, now 2026-12-06). */
describe('cohort_report on a hand-computed world', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: Org;
  let other: Org;

  async function organization(slug: string): Promise<Org> {
    const created = await createOrganization(database.prisma, { name: `Org ${slug}`, slug, ownerEmail: `owner@${slug}.test` });
    await database.prisma.organization.update({ where: { id: created.id }, data: { timeZone: 'America/New_York' } });
    return { id: created.id, as: (role) => ({ orgId: created.id, userId: created.owner.id, role, surface: 'CLI' }) };
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    // Only the tools this file calls, so it does not depend on every other area compiling.
    runner = new ToolRunner({ prisma: database.prisma, catalogue: new ToolCatalogue([cohortReport, setAttributionSettings]), now: () => new Date('2026-12-06T12:00:00Z') });
    org = await organization('cohorts');
    other = await organization('cohorts-other');
    await loadCohortWorld(database.prisma, org.id, COHORT_TOUCHPOINTS, COHORT_CONVERSIONS);
    await loadCohortWorld(database.prisma, other.id, OTHER_ORG_TOUCHPOINTS, OTHER_ORG_CONVERSIONS);
    const eur = (date: string, rate: string, organizationId = org.id) => ({ organizationId, date: new Date(date), base: 'EUR', quote: 'USD', rate });
    // D's EUR orders on Oct 3 and Nov 10 take the Oct 2 (1.2) and Oct 4 (1.3) rates; the other org's Oct 3 rate must never be used.
    await database.prisma.fxRate.createMany({ data: [eur('2026-09-01', '1.1'), eur('2026-10-02', '1.2'), eur('2026-10-04', '1.3'), eur('2026-10-03', '9', other.id)] });
  });
  afterAll(async () => {
    await database.close();
  });

  type Cohorts = {
    from: string;
    to: string;
    periods: number;
    currency: string;
    cohorts: Array<{ cohort: string; label: string; customers: number; values: Array<number | null> }>;
    overall: { customers: number; values: Array<number | null> };
    notes: string[];
  };
  async function report(input: Record<string, unknown>, as: Org = org): Promise<Cohorts> {
    const result = await runner.call('cohort_report', input, as.as('VIEWER'));
    if (!result.ok) throw new Error(`cohort_report: ${result.error.message}`);
    return result.output as Cohorts;
  }
  const range = { from: '2026-09-01', to: '2026-12-06', periods: 3 };

  it('retention by acquisition month: months and periods in the org time zone, unfinished periods null', async () => {
    const output = await report({ cohort_by: 'acquisition_month', measure: 'retention', ...range });
    expect(output).toMatchObject({ from: '2026-09-01', to: '2026-12-06', periods: 3, currency: 'USD' });
    expect(output.cohorts).toEqual([
      // Sep: A converts in Oct and Nov, B on Oct 31 local (Nov 1 02:00 UTC), C not again until December (unfinished).
      { cohort: '2026-09', label: 'September 2026', customers: 3, values: [1, 0.6667, 0.3333, null] },
      // Oct (F's first order is Oct 31 23:00 local): D and F come back in November.
      { cohort: '2026-10', label: 'October 2026', customers: 3, values: [1, 0.6667, null, null] },
      { cohort: '2026-12', label: 'December 2026', customers: 1, values: [1, null, null, null] },
    ]);
    // Period 1 over the six customers whose November has begun (A, B, D, F came back); period 2 over September's three.
    expect(output.overall).toEqual({ customers: 7, values: [1, 0.6667, 0.3333, null] });
    expect(output.notes.join(' ')).toContain('null: the period has not ended as of 2026-12-06');
  });

  it('ltv by acquisition month: cumulative revenue per customer, EUR at each order day\'s rate', async () => {
    const output = await report({ cohort_by: 'acquisition_month', measure: 'ltv', ...range });
    expect(output.cohorts.map((row) => row.values)).toEqual([
      // Sep: 100 + 60 + 80 = 240 / 3; then + 50 + 10; then + 30.
      [80, 100, 110, null],
      // Oct: D 100 EUR x 1.2 = 120, E 60, F 30 = 210 / 3; then D 50 EUR x 1.3 = 65 and F 30: 305 / 3.
      [70, 101.67, null, null],
      // December has not ended: even period 0 is unknown.
      [null, null, null, null],
    ]);
    // (240 + 210) / 6, (300 + 305) / 6, 330 / 3.
    expect(output.overall.values).toEqual([75, 100.83, 110, null]);
  });

  it('orders by acquisition month: conversions in the period per customer', async () => {
    const output = await report({ cohort_by: 'acquisition_month', measure: 'orders', ...range });
    // Sep: A 1 + B 2 + C 1 in September, A and B once each in October, A once in November.
    expect(output.cohorts.map((row) => row.values)).toEqual([[1.3333, 0.6667, 0.3333, null], [1, 0.6667, null, null], [null, null, null, null]]);
    expect(output.overall.values).toEqual([1.1667, 0.6667, 0.3333, null]);
  });

  it('retention by first-touch channel: earliest touch in the lookback, else (direct); other orgs\' touches ignored', async () => {
    const output = await report({ cohort_by: 'first_touch_channel', measure: 'retention', ...range });
    expect(output.cohorts).toEqual([
      // B (Sep) back on Oct 31 local, not in November; E (Oct, google before its meta touch) never; F back in November.
      { cohort: 'google', label: 'Google', customers: 3, values: [1, 0.6667, 0, null] },
      // A (Sep), D (Oct) and H (Dec, nothing measured yet).
      { cohort: 'meta', label: 'Meta', customers: 3, values: [1, 1, 1, null] },
      // C's meta touch is 76 days before its first order, outside the 30-day lookback.
      { cohort: '(direct)', label: 'Direct', customers: 1, values: [1, 0, 0, null] },
    ]);
    expect(output.notes.join(' ')).toContain('within 30 days');
  });

  it('a longer lookback (given, or saved as the attribution setting) reaches C\'s meta touch', async () => {
    const given = await report({ cohort_by: 'first_touch_channel', measure: 'orders', ...range, lookback_days: 90 });
    expect(given.cohorts.map(({ cohort, customers }) => [cohort, customers])).toEqual([['meta', 4], ['google', 3]]);
    // meta (A, C, D; H unmeasured): 3 orders / 3 in period 0, A and D in period 1 (2 / 3), A of A and C in period 2 (1 / 2).
    expect(given.cohorts[0]!.values).toEqual([1, 0.6667, 0.5, null]);
    const saved = await runner.call('set_attribution_settings', { lookback_days: 90 }, org.as('ANALYST'));
    expect(saved.ok).toBe(true);
    const fromSettings = await report({ cohort_by: 'first_touch_channel', measure: 'orders', ...range });
    expect(fromSettings.cohorts).toEqual(given.cohorts);
    await runner.call('set_attribution_settings', { lookback_days: 30 }, org.as('ANALYST'));
  });

  it('defaults to the last 12 whole months and counts acquisition as the first conversion ever', async () => {
    const output = await report({ cohort_by: 'acquisition_month', measure: 'retention' });
    expect(output).toMatchObject({ from: '2026-01-01', to: '2026-12-06', periods: 6 });
    // G first bought in August, so its September order is a repeat, not an acquisition.
    expect(output.cohorts.map(({ cohort, customers }) => [cohort, customers])).toEqual([['2026-08', 1], ['2026-09', 3], ['2026-10', 3], ['2026-12', 1]]);
    expect(output.cohorts[0]!.values).toEqual([1, 1, 0, 0, null, null, null]);
    expect(output.overall.values).toHaveLength(7);
  });

  it('another organisation sees only its own customers; a currency without a rate is left out of ltv and noted', async () => {
    const output = await report({ cohort_by: 'acquisition_month', measure: 'ltv', ...range }, other);
    // Its A (999 USD) and Z (500 SEK, no SEK rate) were acquired in September: 999 / 2 customers.
    expect(output.cohorts).toEqual([{ cohort: '2026-09', label: 'September 2026', customers: 2, values: [499.5, 499.5, 499.5, null] }]);
    expect(output.notes.join(' ')).toContain('left out of ltv (SEK (no rate at all))');
    const retention = await report({ cohort_by: 'acquisition_month', measure: 'retention', ...range }, other);
    expect(retention.notes.join(' ')).not.toContain('left out');
  });

  it('an empty range answers zero customers and null values; a reversed range is invalid input', async () => {
    const empty = await report({ cohort_by: 'first_touch_channel', measure: 'ltv', from: '2025-01-01', to: '2025-03-31', periods: 2 });
    expect(empty.cohorts).toEqual([]);
    expect(empty.overall).toEqual({ customers: 0, values: [null, null, null] });
    const reversed = await runner.call('cohort_report', { cohort_by: 'acquisition_month', measure: 'orders', from: '2026-10-01', to: '2026-09-01' }, org.as('VIEWER'));
    expect(reversed.ok ? null : reversed.error.code).toBe('invalid_input');
  });
});
