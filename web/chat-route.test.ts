import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgentTestWorld, type AgentTestWorld } from '../agent/testing/agent-test-world.ts';
import { scriptedModel, toolResultsInPrompt } from '../agent/testing/scripted-model.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { createTestOrganization } from '../tools/testing/fixtures.ts';
import { buildWebApp } from './app.ts';

interface ServerSentEvent {
  event: string;
  data: Record<string, unknown>;
}

function parseEvents(text: string): ServerSentEvent[] {
  return text.trim().split('\n\n').map((block) => {
    const event = /^event: (.+)$/m.exec(block)![1]!;
    return { event, data: JSON.parse(/^data: (.+)$/m.exec(block)![1]!) };
  });
}

describe('POST /api/chat', () => {
  let world: AgentTestWorld;
  const servers: Server[] = [];
  let token: string;
  let otherToken: string;

  async function serve(model: Parameters<AgentTestWorld['agent']>[0]): Promise<string> {
    const server = buildWebApp({ database: world.database, runner: world.runner, log: silentLogger, version: 'test', agent: world.agent(model) }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const chat = (base: string, body: unknown, bearer: string | null = token) =>
    fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: JSON.stringify(body) });

  beforeAll(async () => {
    world = await openAgentTestWorld('chat-http');
    const other = await createTestOrganization(world.database, 'chat-http-other');
    token = (await createApiToken(world.database.prisma, { organizationId: world.org.id, email: 'owner@chat-http.test', role: 'ANALYST' })).token;
    otherToken = (await createApiToken(world.database.prisma, { organizationId: other.id, email: 'owner@chat-http-other.test', role: 'OWNER' })).token;
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await world.database.close();
  });

  it('streams a turn as server-sent events and continues the thread by thread_id', async () => {
    const base = await serve(scriptedModel((call, index) => {
      if (index === 0) return { toolCalls: [{ name: 'whoami', input: {} }] };
      if (index === 1) return { text: `You are ${(toolResultsInPrompt(call)[0]!.value as { role: string }).role}.` };
      return { text: 'Still here.' };
    }));
    const response = await chat(base, { message: 'Who am I?' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseEvents(await response.text());
    expect(events.map((event) => event.event)).toEqual(['thread', 'tool-call', 'tool-result', 'text', 'done']);
    expect(events[2]!.data).toMatchObject({ name: 'whoami', ok: true, output: { role: 'ANALYST', surface: 'agent' } });
    const done = events.at(-1)!.data;
    expect(done).toMatchObject({ status: 'answered', answer: 'You are ANALYST.', tool_calls: [{ name: 'whoami', input: {} }] });

    const again = parseEvents(await (await chat(base, { message: 'Still there?', thread_id: done.thread_id })).text());
    expect(again.at(-1)!.data).toMatchObject({ thread_id: done.thread_id, answer: 'Still here.' });
    const thread = await world.database.prisma.agentThread.findUniqueOrThrow({ where: { id: done.thread_id as string } });
    expect(thread.channel).toBe('WEB');
  });

  it('answers bad input, unknown threads, other organisations and a missing model with JSON errors', async () => {
    const base = await serve(scriptedModel([{ text: 'never' }]));
    expect((await chat(base, { message: 'hi' }, null)).status).toBe(401);
    const empty = await chat(base, { message: '  ' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('message:') } });
    expect((await chat(base, {})).status).toBe(400);

    const mine = parseEvents(await (await chat(base, { message: 'hello' })).text()).at(-1)!.data;
    const foreign = await chat(base, { message: 'peek', thread_id: mine.thread_id }, otherToken);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: 'not_found' } });

    const withoutModel = await serve(null);
    const unavailable = await chat(withoutModel, { message: 'hi' });
    expect(unavailable.status).toBe(503);
    expect(((await unavailable.json()) as { error: { message: string } }).error.message).toContain('ANTHROPIC_API_KEY');
  });
});
