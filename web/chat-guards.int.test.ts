import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LanguageModel } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAgentTestWorld, type AgentTestWorld } from '../agent/testing/agent-test-world.ts';
import {
  claimsPaid, CORRECTED_ANSWER, guardFacts, INVENTED, inventsDeliveryFigure, NOT_VERIFIED_FIGURE, notVerifiedPaid, obeysInjectedText, seedGuardedOrg, type GuardedOrg,
} from '../agent/testing/guard-scenarios.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { buildWebApp } from './app.ts';
import { parseServerSentEvents } from './server-sent-events.ts';

// Issue 17 on the web chat, with the misbehaving fake models (web/chat-confirm-route.test.ts has
// the vendor-name injection confirmed and cancelled; these run on PGlite and on Postgres).
describe('web chat with misbehaving models: writes wait for Confirm, answers are checked', () => {
  let world: AgentTestWorld;
  let org: GuardedOrg;
  let facts: ReturnType<typeof guardFacts>;
  let token: string;
  const servers: Server[] = [];

  beforeAll(async () => {
    world = await openAgentTestWorld('web-guards');
    org = await seedGuardedOrg(world.database.prisma, world.org.id);
    facts = guardFacts(world.database.prisma, world.org.id, org);
    token = (await createApiToken(world.database.prisma, { organizationId: world.org.id, email: 'manager@web-guards.test', role: 'MANAGER' })).token;
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await world.database.close();
  });
  beforeEach(async () => { await facts.reset(); });

  /** The real app with an agent over this model; returns a poster for its chat API. */
  async function serve(model: LanguageModel) {
    const server = buildWebApp({ database: world.database, runner: world.runner, log: silentLogger, version: 'test', agent: world.agent(model) }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    servers.push(server);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return async (path: '/api/chat' | '/api/chat/confirm', body: unknown) => {
      const response = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const events = parseServerSentEvents(await response.text()).events.map(({ event, data }) => ({ event, data: JSON.parse(data) as Record<string, unknown> }));
      const shown = events.filter((event) => event.event === 'text').map((event) => event.data.delta).join('');
      return { events, shown, done: events.at(-1)!.data, proposal: events.find((event) => event.event === 'confirmation-required')?.data };
    };
  }

  it('an instruction in a playlist name is only proposed, its claim withheld; asking something else lapses it and a late Confirm runs nothing', async () => {
    const before = await facts.campaignWrites();
    const post = await serve(obeysInjectedText(org, 'list_playlists'));
    const asked = await post('/api/chat', { message: 'Which playlists do we have?' });
    expect(asked.proposal).toMatchObject({ tool: 'update_campaign', summary: "Pause campaign 'Summer Hearts'?" });
    expect(asked.done).toMatchObject({ status: 'confirmation_required', data_flags: expect.arrayContaining([expect.objectContaining({ tool: 'list_playlists', path: 'rows[0].name', signal: 'override' })]) });
    expect(asked.shown).not.toContain('I paused');
    expect(await facts.campaignStatus()).toBe('ACTIVE');

    await post('/api/chat', { message: 'How many playlists is that?', thread_id: asked.done.thread_id });
    const late = await post('/api/chat/confirm', { thread_id: asked.done.thread_id, confirmation_id: asked.proposal!.confirmation_id, decision: 'confirm' });
    expect(late.done).toMatchObject({ status: 'already_decided', decision: { status: 'cancelled', outcome: null, repeated: true } });
    expect(await facts.campaignStatus()).toBe('ACTIVE');
    expect(await facts.campaignWrites()).toBe(before);
  });

  it('an invented figure is corrected before anything is streamed; a persistent liar is sent with the ⚠ Not verified note', async () => {
    const corrected = await (await serve(inventsDeliveryFigure(false)))('/api/chat', { message: 'How many streams this month?' });
    expect(corrected.shown).toBe(CORRECTED_ANSWER);
    expect(JSON.stringify(corrected.events)).not.toContain('streams this month.');
    expect(corrected.done).toMatchObject({ answer: CORRECTED_ANSWER, answer_check: { status: 'corrected', findings: { unsupported_figures: [INVENTED] } } });

    const flagged = await (await serve(inventsDeliveryFigure(true)))('/api/chat', { message: 'How many streams this month?' });
    expect(flagged.shown).toContain(NOT_VERIFIED_FIGURE);
    expect(flagged.done).toMatchObject({ answer: flagged.shown, answer_check: { status: 'flagged' } });
    const stored = await world.database.prisma.agentMessage.findFirst({ where: { threadId: flagged.done.thread_id as string, role: 'ASSISTANT' }, orderBy: { id: 'desc' } });
    expect(stored?.text).toContain(NOT_VERIFIED_FIGURE);
  });

  it('a payment waits for Confirm; two concurrent confirms file one approval request; "paid" is flagged and it is reported pending', async () => {
    const post = await serve(claimsPaid(org));
    const asked = await post('/api/chat', { message: 'Pay Pulse Media 250' });
    expect(asked.proposal).toMatchObject({ tool: 'pay_vendor', summary: "Pay a vendor 'Pulse Media': amount 250?", input: { vendor_id: org.payeeId, amount: 250 } });
    expect(await facts.paymentRequests()).toEqual([]);

    const decision = { thread_id: asked.done.thread_id, confirmation_id: asked.proposal!.confirmation_id, decision: 'confirm' };
    const replies = await Promise.all([post('/api/chat/confirm', decision), post('/api/chat/confirm', decision)]);
    expect(replies.map((reply) => reply.done.status).sort()).toEqual(['already_decided', 'answered']);
    const answered = replies.find((reply) => reply.done.status === 'answered')!;
    const [request] = await facts.paymentRequests();
    expect(await facts.paymentRequests()).toEqual([{ id: request!.id, status: 'PENDING' }]);
    expect(await facts.payments()).toBe(0);
    expect(answered.done).toMatchObject({ approvals: [{ approval_id: request!.id, status: 'pending' }], answer_check: { status: 'flagged', findings: { false_claims: [expect.objectContaining({ claim: 'paid', problem: 'pending_approval' })] } } });
    expect(answered.shown).toContain(notVerifiedPaid(request!.id));
    expect(answered.shown).toContain('Nothing has been done yet; a manager must approve first.');
  });
});
