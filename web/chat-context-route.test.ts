import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgentTestWorld, type AgentTestWorld } from '../agent/testing/agent-test-world.ts';
import { scriptedModel } from '../agent/testing/scripted-model.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { buildWebApp } from './app.ts';

describe('POST /api/chat with the question\'s context', () => {
  let world: AgentTestWorld;
  let server: Server;
  let base: string;
  let token: string;
  let clientId: string;
  const model = scriptedModel(() => ({ text: 'Noted.' }));

  const chat = (body: unknown) =>
    fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const sessionOfLastCall = () => String(model.doStreamCalls.at(-1)!.prompt.filter((message) => message.role === 'system')[1]!.content);

  beforeAll(async () => {
    world = await openAgentTestWorld('chat-context-http');
    token = (await createApiToken(world.database.prisma, { organizationId: world.org.id, email: 'owner@chat-context-http.test', role: 'ANALYST' })).token;
    const created = await world.runner.call('create_client', { name: 'Nightfall Records' }, world.org.as('OWNER'));
    if (!created.ok) throw new Error(created.error.message);
    clientId = (created.output as { id: string }).id;
    server = buildWebApp({ database: world.database, runner: world.runner, log: silentLogger, version: 'test', agent: world.agent(model) }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await world.database.close();
  });

  it('passes the page and its record to the agent, which names the record from the database', async () => {
    const response = await chat({ message: 'how is this client doing?', context: { page: { path: `/clients/${clientId}`, title: 'Client' }, record: { type: 'client', id: clientId } } });
    expect(response.status).toBe(200);
    await response.text();
    const session = sessionOfLastCall();
    expect(session).toContain(`The person is on the page "/clients/${clientId}" ("Client").`);
    expect(session).toContain(`The page shows the client with id ${clientId}`);
    expect(session).toContain('"name":"Nightfall Records"');
    expect(session).toContain('the web UI\'s chat');
  });

  it('a CLI attached to the server says its answers are read in a terminal', async () => {
    await (await chat({ message: 'hello', context: { display: 'terminal' } })).text();
    expect(sessionOfLastCall()).toContain('The answer is read in a terminal');
  });

  it('answers a malformed context with a 400 naming the field, before any turn runs', async () => {
    const calls = model.doStreamCalls.length;
    const cases: Array<[unknown, string]> = [
      [{ record: { type: 'song', id: 'x' } }, 'context.record.type'],
      [{ record: { type: 'campaign' } }, 'context.record.id'],
      [{ page: { path: 'campaigns/1' } }, 'context.page.path'],
      [{ page: { path: '/x', title: 'two\nlines' } }, 'context.page.title'],
      [{ display: 'slack' }, 'context.display'],
      // A Slack place is the Slack app's to say, never an HTTP client's.
      [{ slack: { channelId: 'C1', threadTs: '1.2' } }, 'context'],
      ['/campaigns/1', 'context'],
    ];
    for (const [context, field] of cases) {
      const response = await chat({ message: 'how is this campaign doing?', context });
      expect(response.status, JSON.stringify(context)).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; message: string; issues: Array<{ path: string }> } };
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain(`${field}:`);
      expect(error.issues[0]!.path).toBe(field);
    }
    expect(model.doStreamCalls.length).toBe(calls);
  });
});
