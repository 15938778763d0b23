import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { ToolRunner } from '../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { callFails, callOk } from './testing/tool-calls.ts';

describe('record_spend', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('record-spend'));
  });
  afterAll(async () => { await database.close(); });

  it('stores one entry and returns it with its id, channel normalised and currency upper-cased', async () => {
    const output = await callOk(runner, org, 'record_spend', { date: '2026-10-03', channel: ' TikTok ', artist: 'Example Artist', amount: 45.5, currency: 'eur', clicks: 12 });
    expect(output).toMatchObject({ date: '2026-10-03', channel: 'tiktok', campaign: null, artist: 'Example Artist', amount: 45.5, currency: 'EUR', impressions: null, clicks: 12, created: true, idempotency_key: null });
    const stored = await database.prisma.marketingSpend.findUniqueOrThrow({ where: { id: output.id as string } });
    expect([stored.organizationId, stored.amount.toString(), stored.channel]).toEqual([org.id, '45.5', 'tiktok']);
  });

  it('without a key, two identical calls are two entries', async () => {
    const input = { date: '2026-10-04', channel: 'meta', amount: 10, currency: 'USD' };
    const first = await callOk(runner, org, 'record_spend', input);
    const second = await callOk(runner, org, 'record_spend', input);
    expect(first.id).not.toBe(second.id);
  });

  it('the same idempotency key returns the stored entry; with different values it is a conflict', async () => {
    const input = { date: '2026-10-05', channel: 'google', campaign: 'autumn-push', amount: 99.99, currency: 'USD', idempotency_key: 'inv-7' };
    const first = await callOk(runner, org, 'record_spend', input);
    const retry = await callOk(runner, org, 'record_spend', { ...input, channel: 'Google' });
    expect(retry).toMatchObject({ id: first.id, created: false });
    expect(await database.prisma.marketingSpend.count({ where: { organizationId: org.id, date: new Date('2026-10-05') } })).toBe(1);
    const clash = await callFails(runner, org, 'record_spend', { ...input, amount: 100 });
    expect(clash).toMatchObject({ code: 'conflict', message: expect.stringContaining('inv-7') });
  });

  it('takes the amount as an exact decimal string too', async () => {
    const output = await callOk(runner, org, 'record_spend', { date: '2026-10-06', channel: 'meta', amount: '1200.0050', currency: 'USD' });
    expect(output).toMatchObject({ amount: 1200.005 });
    const stored = await database.prisma.marketingSpend.findUniqueOrThrow({ where: { id: output.id as string } });
    expect(stored.amount.toString()).toBe('1200.005');
    const negative = await callFails(runner, org, 'record_spend', { date: '2026-10-06', channel: 'meta', amount: '-5', currency: 'USD' });
    expect(negative.issues).toEqual([{ path: 'amount', message: 'must be at least 0' }]);
  });

  it('names each bad field', async () => {
    const error = await callFails(runner, org, 'record_spend', { date: '2026-02-30', channel: '', amount: 1.23456, currency: 'dollars' });
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(['amount', 'channel', 'currency', 'date']);
  });
});
