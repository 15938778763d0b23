import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgentTestWorld, type AgentTestWorld } from '../testing/agent-test-world.ts';
import { scriptedModel } from '../testing/scripted-model.ts';

/** A model that looks something up, then answers: two calls of 100 input and 20 output tokens each. */
function lookupThenAnswer() {
  return scriptedModel((_call, index) => (index % 2 === 0 ? { toolCalls: [{ name: 'whoami', input: {} }] } : { text: 'Here is what I found.' }));
}

describe('daily model budgets', () => {
  let world: AgentTestWorld;
  let clock = new Date('2026-12-05T10:00:00Z');
  const now = () => clock;
  beforeAll(async () => {
    world = await openAgentTestWorld('budgets');
    await world.database.prisma.organization.update({ where: { id: world.org.id }, data: { timeZone: 'Europe/Berlin' } });
  });
  afterAll(async () => { await world.database.close(); });

  it('the organisation limit stops the turn before the model call that would pass it, and every later turn before any call', async () => {
    const owner = world.org.as('OWNER');
    expect(await world.runner.call('set_model_budget', { org_daily_tokens: 500 }, owner)).toMatchObject({ ok: true, output: { org_daily_tokens: 500 } });
    const model = lookupThenAnswer();
    const agent = world.agent(model, { now });

    // 240 tokens, then 480: under the limit.
    expect((await agent.ask({ principal: owner, message: 'first' })).status).toBe('answered');
    expect((await agent.ask({ principal: owner, message: 'second' })).status).toBe('answered');
    // 480 < 500, so the first call runs (600 used); the call after the tool step is refused.
    const stopped = await agent.ask({ principal: owner, message: 'third' });
    expect(model.doStreamCalls).toHaveLength(5);
    expect(stopped).toMatchObject({ status: 'budget_exceeded', toolCalls: [expect.objectContaining({ name: 'whoami', ok: true })] });
    expect(stopped.text).toBe("Today's assistant budget for your organisation is used up (600 of 500 tokens); it resets at midnight Europe/Berlin; an admin can raise it.");

    const refused = await agent.ask({ principal: owner, message: 'fourth' });
    expect(refused).toMatchObject({ status: 'budget_exceeded', steps: 0, toolCalls: [] });
    expect(refused.text).toBe(stopped.text);
    expect(model.doStreamCalls).toHaveLength(5);
    expect(model.doGenerateCalls).toHaveLength(0);

    // Midnight in Berlin (23:00 UTC) starts a new day.
    clock = new Date('2026-12-05T23:00:00Z');
    expect((await agent.ask({ principal: owner, message: 'next day' })).status).toBe('answered');
    expect(model.doStreamCalls).toHaveLength(6);
    await world.runner.call('set_model_budget', { org_daily_tokens: null }, owner);
    clock = new Date('2026-12-05T10:00:00Z');
  });

  it('the person limit stops only that person', async () => {
    const owner = world.org.as('OWNER');
    // Sonnet prices: 100 input and 20 output tokens cost (100 x 3 + 20 x 15) / 1e6 = USD 0.0006 a call.
    await world.runner.call('set_model_budget', { person_daily_cost_usd: 0.001 }, owner);
    const alice = await world.org.member('alice@budgets.test', 'ANALYST', 'WEB');
    const bob = await world.org.member('bob@budgets.test', 'ANALYST', 'SLACK');
    const model = scriptedModel(() => ({ text: 'Fine.' }));
    const agent = world.agent(model, { now });
    expect((await agent.ask({ principal: alice, message: 'one' })).status).toBe('answered');
    expect((await agent.ask({ principal: alice, message: 'two' })).status).toBe('answered');
    const refused = await agent.ask({ principal: alice, message: 'three' });
    expect(refused.text).toBe('Your own daily assistant budget is used up (USD 0.0012 of USD 0.001); it resets at midnight Europe/Berlin; an admin can raise it.');
    expect(model.doStreamCalls).toHaveLength(2);
    expect((await agent.ask({ principal: bob, message: 'me?' })).status).toBe('answered');
    expect(model.doStreamCalls).toHaveLength(3);
    await world.runner.call('set_model_budget', { person_daily_cost_usd: null }, owner);
  });

  it('model_usage shows admins each day and person, with tokens and cost; viewers may not read it', async () => {
    const manager = await world.org.member('manager@budgets.test', 'MANAGER');
    const result = await world.runner.call('model_usage', { from: '2026-12-05', to: '2026-12-06' }, manager);
    if (!result.ok) throw new Error(result.error.message);
    const output = result.output as { rows: Array<Record<string, unknown>>; total: Record<string, unknown> };
    // Owner: 5 calls on the 5th (Berlin) and 1 just after midnight (the 6th); Alice 2 and Bob 1 on the 5th.
    expect(output.rows).toEqual([
      { day: '2026-12-06', user: 'owner@budgets.test', model_calls: 1, input_tokens: 100, output_tokens: 20, cache_read_tokens: 0, cost_usd: 0.0006 },
      { day: '2026-12-05', user: 'alice@budgets.test', model_calls: 2, input_tokens: 200, output_tokens: 40, cache_read_tokens: 0, cost_usd: 0.0012 },
      { day: '2026-12-05', user: 'bob@budgets.test', model_calls: 1, input_tokens: 100, output_tokens: 20, cache_read_tokens: 0, cost_usd: 0.0006 },
      { day: '2026-12-05', user: 'owner@budgets.test', model_calls: 5, input_tokens: 500, output_tokens: 100, cache_read_tokens: 0, cost_usd: 0.003 },
    ]);
    expect(output.total).toEqual({ model_calls: 9, input_tokens: 900, output_tokens: 180, cache_read_tokens: 0, cost_usd: 0.0054 });
    const viewer = await world.runner.call('model_usage', {}, world.org.as('VIEWER'));
    expect(viewer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const analyst = await world.runner.call('set_model_budget', { org_daily_tokens: 1 }, world.org.as('ANALYST'));
    expect(analyst).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The assistant cannot raise its own budget, whoever asks.
    expect(await world.runner.call('set_model_budget', { org_daily_tokens: 1 }, world.org.as('OWNER', { surface: 'AGENT' }))).toMatchObject({ ok: false });
  });

  it('set_model_budget names the field of a bad limit and keeps the ones left out', async () => {
    const owner = world.org.as('OWNER');
    expect(await world.runner.call('set_model_budget', { org_daily_tokens: 2.5 }, owner)).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [expect.objectContaining({ path: 'org_daily_tokens' })] } });
    expect(await world.runner.call('set_model_budget', {}, owner)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await world.runner.call('set_model_budget', { org_daily_cost_usd: 20 }, owner);
    expect(await world.runner.call('set_model_budget', { person_daily_tokens: 50_000 }, owner)).toMatchObject({ ok: true, output: { org_daily_cost_usd: 20, person_daily_tokens: 50_000 } });
  });
});
