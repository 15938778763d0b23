import { APICallError } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedModel, toolResultsInPrompt } from './testing/scripted-model.ts';
import { STARTING_TOOLS } from './tools/offered-tools.ts';
import { APPROVE_BASE, openAgentTestWorld, type AgentTestWorld } from './testing/agent-test-world.ts';
import type { AgentEvent } from './agent-events.ts';

describe('the agent loop', () => {
  let world: AgentTestWorld;
  // The loop's plumbing with writes and approvals running at once; confirmation has its own tests (confirmations/).
  beforeAll(async () => { world = await openAgentTestWorld('agent-loop', { toolsWithoutConfirmation: ['create_vendor', 'create_client', 'fixture_pay_vendor'] }); });
  afterAll(async () => { await world.database.close(); });

  it('calls a tool through the registry as the AGENT surface, answers from its result and stores the turn', async () => {
    const model = scriptedModel((call, index) => {
      if (index === 0) return { toolCalls: [{ name: 'whoami', input: {} }] };
      const [result] = toolResultsInPrompt(call);
      const organization = (result!.value as { organization: { base_currency: string } }).organization;
      return { text: `Your base currency is ${organization.base_currency}.`, usage: { input: 300, output: 12, cacheRead: 200 } };
    });
    const events: AgentEvent[] = [];
    for await (const event of world.agent(model).stream({ principal: world.org.as('ANALYST', { surface: 'WEB' }), message: 'What is our base currency?' })) events.push(event);

    // The answer is held back until it has been checked, then sent whole.
    expect(events.map((event) => event.type)).toEqual(['thread', 'tool-call', 'tool-result', 'text', 'done']);
    const reply = (events.at(-1) as Extract<AgentEvent, { type: 'done' }>).reply;
    expect(reply).toMatchObject({ status: 'answered', text: 'Your base currency is USD.', steps: 2, modelId: 'claude-sonnet-4-6' });
    expect(reply.toolCalls).toEqual([expect.objectContaining({ name: 'whoami', ok: true, input: {} })]);
    expect(reply.usage).toEqual({ inputTokens: 400, outputTokens: 32, cacheReadTokens: 200, cacheWriteTokens: 0 });
    expect(reply.costUsd).toBeGreaterThan(0);

    const audit = await world.database.prisma.toolCall.findFirst({ where: { organizationId: world.org.id, tool: 'whoami' } });
    expect(audit).toMatchObject({ surface: 'AGENT', role: 'ANALYST', outcome: 'OK' });
    const thread = await world.database.prisma.agentThread.findUniqueOrThrow({ where: { id: reply.threadId! }, include: { messages: { orderBy: { id: 'asc' } } } });
    expect(thread).toMatchObject({ channel: 'WEB', title: 'What is our base currency?', inputTokens: 400, outputTokens: 32, cacheReadTokens: 200 });
    expect(thread.messages.map((message) => message.role)).toEqual(['USER', 'ASSISTANT', 'TOOL', 'ASSISTANT']);
    expect(thread.messages[3]).toMatchObject({ text: 'Your base currency is USD.', inputTokens: 400 });
  });

  it('sends the stable instructions with a prompt-cache breakpoint, then the session facts', async () => {
    const model = scriptedModel([{ text: 'Hello.' }]);
    await world.agent(model).ask({ principal: world.org.as('OWNER'), message: 'hi' });
    const [stable, session] = model.doStreamCalls[0]!.prompt;
    expect(stable).toMatchObject({ role: 'system', providerOptions: { anthropic: { cacheControl: { type: 'ephemeral' } } } });
    expect(stable!.content).toContain('pending approval');
    expect(stable!.content).toContain('Delivery rate');
    expect(session).toMatchObject({ role: 'system' });
    expect(session!.content).toContain('Org agent-loop (agent-loop); base currency USD');
    expect(session!.providerOptions).toBeUndefined();
  });

  it('starts each turn with the core tools and find_tools, adds what find_tools returns, and runs any permitted tool by name', async () => {
    const model = scriptedModel((call, index) => {
      if (index === 0) return { toolCalls: [{ name: 'find_tools', input: { query: 'add a new vendor' } }] };
      if (index === 1) return { toolCalls: [{ name: 'create_vendor', input: { name: 'Found Promo', cost_per_1k_streams: 2 } }] };
      return { text: 'Created.' };
    });
    const reply = await world.agent(model).ask({ principal: world.org.as('CAMPAIGN_MANAGER'), message: 'Add a vendor called Found Promo at 2 USD per 1k' });
    const offered = (index: number) => (model.doStreamCalls[index]!.tools ?? []).map((tool) => tool.name).sort();
    expect(offered(0)).toEqual([...STARTING_TOOLS].sort());
    expect(offered(1)).toContain('create_vendor');
    expect(offered(1)).not.toContain('decide_approval');
    expect(reply.toolCalls.map((call) => [call.name, call.ok])).toEqual([['find_tools', true], ['create_vendor', true]]);

    // A later turn of the same thread starts with what the thread already used.
    const followUp = scriptedModel([{ text: 'ok' }]);
    await world.agent(followUp).ask({ principal: world.org.as('CAMPAIGN_MANAGER'), message: 'And another?', thread: { threadId: reply.threadId! } });
    expect((followUp.doStreamCalls[0]!.tools ?? []).map((tool) => tool.name)).toContain('create_vendor');

    // Not offered, but permitted: it runs. Not permitted: it is no tool of this turn, and nothing runs.
    const direct = scriptedModel([{ toolCalls: [{ name: 'list_vendors', input: {} }] }, { text: 'listed' }]);
    const directReply = await world.agent(direct).ask({ principal: world.org.as('VIEWER'), message: 'vendors?' });
    expect(directReply.toolCalls.map((call) => [call.name, call.ok])).toEqual([['list_vendors', true]]);
    const refused = scriptedModel([{ toolCalls: [{ name: 'create_vendor', input: { name: 'Sneaky', cost_per_1k_streams: 1 } }] }, { text: 'no' }]);
    const refusedReply = await world.agent(refused).ask({ principal: world.org.as('VIEWER'), message: 'add one' });
    expect(refusedReply).toMatchObject({ status: 'answered', toolCalls: [] });
    expect(await world.database.prisma.vendor.count({ where: { name: 'Sneaky' } })).toBe(0);
  });

  it('returns tool errors to the model, which corrects its input', async () => {
    const model = scriptedModel((call, index) => {
      if (index === 0) return { toolCalls: [{ name: 'create_client', input: { name: '' } }] };
      const results = toolResultsInPrompt(call);
      if (index === 1) {
        expect(results[0]!.value).toMatchObject({ error: { code: 'invalid_input', issues: [expect.objectContaining({ path: 'name' })] } });
        return { toolCalls: [{ name: 'create_client', input: { name: 'Nova Records' } }] };
      }
      return { text: `Created the client ${(results[1]!.value as { name: string }).name}.` };
    });
    const reply = await world.agent(model).ask({ principal: world.org.as('CAMPAIGN_MANAGER'), message: 'Add a client called Nova Records' });
    expect(reply.status).toBe('answered');
    expect(reply.toolCalls.map((call) => [call.name, call.ok, call.error?.code])).toEqual([['create_client', false, 'invalid_input'], ['create_client', true, undefined]]);
    expect(reply.text).toBe('Created the client Nova Records.');
  });

  it('at the step limit, the last step may not call tools, so the model answers with what it found', async () => {
    const model = scriptedModel((call) => (call.toolChoice?.type === 'none' ? { text: 'Here is what I found so far.' } : { toolCalls: [{ name: 'list_vendors', input: {} }] }));
    const reply = await world.agent(model, { limits: { maxSteps: 3 } }).ask({ principal: world.org.as('OWNER'), message: 'Loop forever' });
    expect(model.doStreamCalls.map((call) => call.toolChoice?.type)).toEqual(['auto', 'auto', 'none']);
    expect(reply).toMatchObject({ status: 'answered', steps: 3, text: 'Here is what I found so far.' });
  });

  it('a model that ignores the last step\'s "no tools" ends the turn with a step-limit notice', async () => {
    const model = scriptedModel(() => ({ toolCalls: [{ name: 'list_vendors', input: {} }] }));
    const reply = await world.agent(model, { limits: { maxSteps: 2 } }).ask({ principal: world.org.as('OWNER'), message: 'Loop forever' });
    expect(reply.status).toBe('step_limit');
    expect(reply.text).toBe('I stopped after 2 steps without finishing; ask again with a narrower question, or ask me to continue.');
  });

  it('an approval tool ends in "pending approval" with the link, even when the model claims it is done', async () => {
    const model = scriptedModel([{ toolCalls: [{ name: 'fixture_pay_vendor', input: { vendor: 'Club Restricted', amount: 250 } }] }, { text: 'Done! The vendor has been paid.' }]);
    const principal = await world.org.member('cm@agent-loop.test', 'CAMPAIGN_MANAGER', 'SLACK');
    const reply = await world.agent(model).ask({ principal, message: 'Pay Club Restricted 250 USD' });
    expect(reply.approvals).toHaveLength(1);
    const [approval] = reply.approvals;
    expect(reply.text).toMatch(/pending approval/i);
    expect(reply.text).toContain(`${APPROVE_BASE}${approval!.approval_id}`);
    const stored = await world.database.prisma.approvalRequest.findUniqueOrThrow({ where: { id: approval!.approval_id } });
    expect(stored).toMatchObject({ status: 'PENDING', requestedVia: 'AGENT', action: 'fixture_pay_vendor' });
  });

  it('leaves an answer that already says pending approval with its link alone', async () => {
    const model = scriptedModel((call, index) => {
      if (index === 0) return { toolCalls: [{ name: 'fixture_pay_vendor', input: { vendor: 'Club Restricted', amount: 90 } }] };
      const pending = toolResultsInPrompt(call)[0]!.value as { approve_url: string };
      return { text: `Payment request is pending approval: ${pending.approve_url}` };
    });
    const principal = await world.org.member('cm2@agent-loop.test', 'CAMPAIGN_MANAGER');
    const reply = await world.agent(model).ask({ principal, message: 'Pay Club Restricted 90 USD' });
    expect(reply.text).toBe(`Payment request is pending approval: ${reply.approvals[0]!.approve_url}`);
  });

  it('retries an overloaded provider (529, retry-after 0) and then answers', async () => {
    let attempts = 0;
    const base = scriptedModel([{ text: 'Recovered.' }]);
    const original = base.doStream;
    base.doStream = async (options) => {
      attempts++;
      if (attempts === 1) throw overloaded();
      return original(options);
    };
    const reply = await world.agent(base).ask({ principal: world.org.as('OWNER'), message: 'hello' });
    expect(attempts).toBe(2);
    expect(reply).toMatchObject({ status: 'answered', text: 'Recovered.' });
  });

  it('reports a provider failure in one sentence with a reference id, keeping the question in the thread', async () => {
    const model = scriptedModel([]);
    model.doStream = async () => { throw new APICallError({ message: 'bad request', url: 'http://x/v1/messages', requestBodyValues: {}, statusCode: 400, isRetryable: false }); };
    const reply = await world.agent(model).ask({ principal: world.org.as('OWNER'), message: 'Break please' });
    expect(reply.status).toBe('failed');
    expect(reply.failure).toMatchObject({ kind: 'provider' });
    expect(reply.text).toBe(`The model provider answered with an error (HTTP 400); please try again (reference ${reply.failure!.reference})`);
    const messages = await world.database.prisma.agentMessage.findMany({ where: { threadId: reply.threadId! } });
    expect(messages.map((message) => message.text)).toEqual(['Break please']);
  });

  it('keeps what a failed turn already did, and its usage, in the thread', async () => {
    const model = scriptedModel([{ toolCalls: [{ name: 'create_client', input: { name: 'Halfway Records' } }], usage: { input: 500, output: 20 } }]);
    const firstStep = model.doStream.bind(model);
    let calls = 0;
    model.doStream = async (options) => {
      if (calls++ === 0) return firstStep(options);
      throw new APICallError({ message: 'bad request', url: 'http://x/v1/messages', requestBodyValues: {}, statusCode: 400, isRetryable: false });
    };
    const reply = await world.agent(model).ask({ principal: world.org.as('OWNER'), message: 'Add the client Halfway Records' });
    expect(reply.status).toBe('failed');
    expect(reply.toolCalls).toEqual([expect.objectContaining({ name: 'create_client', ok: true })]);
    const thread = await world.database.prisma.agentThread.findUniqueOrThrow({ where: { id: reply.threadId! }, include: { messages: { orderBy: { id: 'asc' } } } });
    expect(thread).toMatchObject({ inputTokens: 500, outputTokens: 20 });
    expect(thread.messages.map((message) => message.role)).toEqual(['USER', 'ASSISTANT']);
    expect(thread.messages[1]!.text).toContain('create_client {"name":"Halfway Records"} (succeeded)');
    expect(thread.messages[1]!.text).toContain('do not repeat them');
  });

  it('gives up on a provider that stays overloaded, saying so', async () => {
    const model = scriptedModel([]);
    model.doStream = async () => { throw overloaded(); };
    const reply = await world.agent(model, { limits: { maxRetries: 1 } }).ask({ principal: world.org.as('OWNER'), message: 'hello' });
    expect(reply.failure?.kind).toBe('overloaded');
    expect(reply.text).toMatch(/^The model provider is overloaded .* \(reference [0-9a-f]{8}\)$/);
  });

  it('cancels when the caller aborts', async () => {
    const controller = new AbortController();
    const model = scriptedModel(() => {
      controller.abort();
      return { toolCalls: [{ name: 'list_vendors', input: {} }] };
    });
    const reply = await world.agent(model).ask({ principal: world.org.as('OWNER'), message: 'slow question', abortSignal: controller.signal });
    expect(reply.status).toBe('cancelled');
    expect(reply.text).toContain('cancelled');
  });

  it('stops a turn that runs past its time limit, saying so', async () => {
    const model = scriptedModel([]);
    model.doStream = (options) => new Promise((_resolve, reject) => {
      options.abortSignal?.addEventListener('abort', () => reject(options.abortSignal!.reason));
    });
    const reply = await world.agent(model, { limits: { turnTimeoutMs: 50 } }).ask({ principal: world.org.as('OWNER'), message: 'slow' });
    expect(reply.status).toBe('failed');
    expect(reply.failure?.kind).toBe('timeout');
    expect(reply.text).toMatch(/^The answer took longer than 0 seconds/);
  });

  it('without a model, says plainly how to configure one', async () => {
    const reply = await world.agent(null).ask({ principal: world.org.as('OWNER'), message: 'hello' });
    expect(reply.status).toBe('no_model');
    expect(reply.text).toContain('ANTHROPIC_API_KEY');
    expect(reply.text).toContain('CRESCENDO_OPENAI_BASE_URL');
  });

  it('refuses an empty message, naming the field', async () => {
    await expect(world.agent(scriptedModel([])).ask({ principal: world.org.as('OWNER'), message: '   ' })).rejects.toThrow('message: write a question');
  });
});

function overloaded(): APICallError {
  return new APICallError({
    message: 'Overloaded',
    url: 'http://127.0.0.1/v1/messages',
    requestBodyValues: {},
    statusCode: 529,
    responseHeaders: { 'retry-after': '0' },
    responseBody: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
  });
}
