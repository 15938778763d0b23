import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';

describe('set_fx_rate', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('fx'));
  });
  afterAll(async () => {
    await database.close();
  });

  it('stores a rate per organisation, replaces it on the same date, and conversions use it', async () => {
    const first = await runner.call('set_fx_rate', { date: '2026-09-01', base: 'eur', quote: 'USD', rate: 1.1 }, org.as('ANALYST'));
    expect(first.ok && first.output).toEqual({ date: '2026-09-01', base: 'EUR', quote: 'USD', rate: 1.1, replaced: null });
    const again = await runner.call('set_fx_rate', { date: '2026-09-01', base: 'EUR', quote: 'USD', rate: 1.2 }, org.as('ANALYST'));
    expect(again.ok && again.output).toMatchObject({ rate: 1.2, replaced: 1.1 });

    await database.prisma.conversion.create({ data: { organizationId: org.id, customerId: 'c', occurredAt: new Date('2026-10-01T12:00:00Z'), revenue: '10', currency: 'EUR', dedupeKey: 'x' } });
    const attribution = await runner.call('calculate_attribution', { model: 'linear' }, org.as('ANALYST'));
    expect(attribution.ok && attribution.output).toMatchObject({ total_revenue: 12, rows: [{ key: '(direct)', attributed_revenue: 12 }] });

    // Another organisation has no rate: its EUR revenue is an error, not a borrowed rate.
    const other = await createTestOrganization(database, 'fx-other');
    await database.prisma.conversion.create({ data: { organizationId: other.id, customerId: 'c', occurredAt: new Date('2026-10-01T12:00:00Z'), revenue: '10', currency: 'EUR', dedupeKey: 'x' } });
    const missing = await runner.call('calculate_attribution', { model: 'linear' }, other.as('ANALYST'));
    expect(missing.ok || missing.error).toMatchObject({ code: 'unavailable', message: 'No exchange rate from EUR to USD on or before 2026-10-01; add one with set_fx_rate.' });
  });

  it('explains bad input', async () => {
    const same = await runner.call('set_fx_rate', { date: '2026-09-01', base: 'USD', quote: 'usd', rate: 1 }, org.as('ANALYST'));
    expect(same.ok || same.error).toMatchObject({ code: 'invalid_input', message: 'quote: must differ from base (USD)' });
    const code = await runner.call('set_fx_rate', { date: '2026-09-01', base: 'EURO', quote: 'USD', rate: 1 }, org.as('ANALYST'));
    expect(code.ok || code.error.issues).toEqual([{ path: 'base', message: 'use a three-letter ISO 4217 code such as EUR' }]);
    const negative = await runner.call('set_fx_rate', { date: '2026-09-01', base: 'EUR', quote: 'USD', rate: -1 }, org.as('ANALYST'));
    expect(negative.ok || negative.error.code).toBe('invalid_input');
    const viewer = await runner.call('set_fx_rate', { date: '2026-09-01', base: 'EUR', quote: 'USD', rate: 1 }, org.as('VIEWER'));
    expect(viewer.ok || viewer.error.code).toBe('forbidden');
  });
});
