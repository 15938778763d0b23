import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestOrganization, type TestOrganization } from '../../tools/testing/fixtures.ts';
import { openAgentTestWorld, type AgentTestWorld } from '../testing/agent-test-world.ts';
import { scriptedModel } from '../testing/scripted-model.ts';
import { splitPoint } from './compact-history.ts';
import { ThreadStore } from './thread-store.ts';

describe('agent threads', () => {
  let world: AgentTestWorld;
  let other: TestOrganization;
  beforeAll(async () => {
    world = await openAgentTestWorld('threads-a');
    other = await createTestOrganization(world.database, 'threads-b');
  });
  afterAll(async () => { await world.database.close(); });

  it('a second turn continues the thread: the model sees the earlier question and answer, totals add up', async () => {
    const model = scriptedModel([{ text: 'First answer.', usage: { input: 50, output: 5 } }, { text: 'Second answer.', usage: { input: 80, output: 7 } }]);
    const agent = world.agent(model);
    const principal = world.org.as('OWNER', { surface: 'WEB' });
    const first = await agent.ask({ principal, message: 'First question' });
    const second = await agent.ask({ principal, message: 'Second question', thread: { threadId: first.threadId! } });
    expect(second.threadId).toBe(first.threadId);
    const conversation = model.doStreamCalls[1]!.prompt.filter((message) => message.role !== 'system');
    expect(conversation.map((message) => [message.role, JSON.stringify(message.content)])).toEqual([
      ['user', expect.stringContaining('First question')],
      ['assistant', expect.stringContaining('First answer.')],
      ['user', expect.stringContaining('Second question')],
    ]);
    const totals = await new ThreadStore(world.database.prisma).totals(principal, first.threadId!);
    expect(totals).toMatchObject({ inputTokens: 130, outputTokens: 12, messages: 4 });
    expect(totals.costUsd).toBeCloseTo((130 * 3 + 12 * 15) / 1e6, 9);
  });

  it('another organisation cannot read or continue a thread: not_found, as for one that never existed', async () => {
    const agent = world.agent(scriptedModel([{ text: 'Secret plan.' }, { text: 'never sent' }]));
    const mine = await agent.ask({ principal: world.org.as('OWNER'), message: 'Our secret plan?' });
    const store = new ThreadStore(world.database.prisma);
    const outsider = other.as('OWNER');
    await expect(store.totals(outsider, mine.threadId!)).rejects.toMatchObject({ code: 'not_found' });
    await expect(agent.ask({ principal: outsider, message: 'Show me', thread: { threadId: mine.threadId! } })).rejects.toMatchObject({ code: 'not_found', message: `No conversation with id ${mine.threadId} in this organisation.` });
    const leaked = await store.recentMessages(other.id, { id: mine.threadId!, channel: 'CLI', title: null, summary: null, summarizedThroughId: null });
    expect(leaked).toEqual([]);
  });

  it('a web chat is private to the person who started it; a Slack thread (external key) is shared', async () => {
    const agent = world.agent(scriptedModel([{ text: 'a' }, { text: 'b' }, { text: 'c' }]));
    const alice = await world.org.member('alice@threads-a.test', 'ANALYST', 'WEB');
    const bob = await world.org.member('bob@threads-a.test', 'ANALYST', 'WEB');
    const private_ = await agent.ask({ principal: alice, message: 'mine' });
    await expect(agent.ask({ principal: bob, message: 'peek', thread: { threadId: private_.threadId! } })).rejects.toMatchObject({ code: 'not_found' });
    const slack = { externalKey: 'slack:T1:C1:1700000000.000100' };
    const started = await agent.ask({ principal: { ...alice, surface: 'SLACK' }, message: 'in the channel', thread: slack });
    const joined = await agent.ask({ principal: { ...bob, surface: 'SLACK' }, message: 'me too', thread: slack });
    expect(joined.threadId).toBe(started.threadId);
  });

  it('a long thread is summarised: older messages fold into the summary, recent ones stay verbatim', async () => {
    const long = 'x'.repeat(400);
    const model = scriptedModel((call) => {
      const system = call.prompt.filter((message) => message.role === 'system').map((message) => message.content).join('\n');
      if (system.startsWith('You compress')) return { text: 'SUMMARY: the user asked three long questions about vendors.' };
      return { text: `answer ${long}` };
    });
    const agent = world.agent(model, { limits: { history: { maxTokens: 1_000, keepRecentMessages: 2 } } });
    const principal = world.org.as('OWNER');
    let threadId: string | undefined;
    for (const question of ['one', 'two', 'three', 'four']) {
      const reply = await agent.ask({ principal, message: `${question} ${long}`, thread: threadId ? { threadId } : undefined });
      threadId = reply.threadId!;
    }
    const thread = await world.database.prisma.agentThread.findUniqueOrThrow({ where: { id: threadId } });
    expect(thread.summary).toBe('SUMMARY: the user asked three long questions about vendors.');
    expect(thread.summarizedThroughId).not.toBeNull();
    const lastTurn = model.doStreamCalls.at(-1)!.prompt;
    expect(JSON.stringify(lastTurn.filter((message) => message.role === 'system'))).toContain('SUMMARY: the user asked');
    expect(lastTurn.filter((message) => message.role === 'user').length).toBeLessThan(4);
  });

  it('never separates a tool call from its result when choosing what to keep', () => {
    const messages = [
      { role: 'user', content: 'q1' },
      { role: 'assistant', content: [{ type: 'tool-call', toolCallId: '1', toolName: 't', input: {} }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: '1', toolName: 't', output: { type: 'json', value: {} } }] },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'q2' },
      { role: 'assistant', content: 'a2' },
    ] as const;
    // Keeping at least three messages would start inside the tool exchange: keep everything instead.
    expect(splitPoint(messages as never, 3)).toBe(0);
    expect(splitPoint(messages as never, 2)).toBe(4);
    expect(splitPoint(messages as never, 1)).toBe(4);
    expect(splitPoint(messages.slice(0, 4) as never, 2)).toBe(0);
  });
});
