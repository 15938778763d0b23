import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../tools/registry/context.ts';
import { agentModelFromConfig } from './model/agent-model.ts';
import { resolveModelConfig } from './model/model-config.ts';
import { anthropicTokenCounter } from './model/token-counter.ts';
import { openAgentTestWorld, type AgentTestWorld } from './testing/agent-test-world.ts';
import { overloadedFirst, startFakeAnthropic, toolThenAnswer, type FakeAnthropicServer } from './testing/fake-anthropic-server.ts';

/** The real @ai-sdk/anthropic and @anthropic-ai/sdk code, over HTTP, against a loopback Messages API. */
describe('the agent on the Anthropic provider (loopback Messages API)', () => {
  let world: AgentTestWorld;
  let fake: FakeAnthropicServer | undefined;
  beforeAll(async () => { world = await openAgentTestWorld('anthropic-fake'); });
  afterEach(async () => { await fake?.close(); fake = undefined; });
  afterAll(async () => { await world.database.close(); });

  function modelFor(baseUrl: string) {
    const config = resolveModelConfig({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: baseUrl, CRESCENDO_MODEL: 'claude-sonnet-4-6' });
    return agentModelFromConfig(config, silentLogger)!;
  }

  it('streams tool_use then text through ANTHROPIC_BASE_URL, retrying a 529 first', async () => {
    fake = await startFakeAnthropic(overloadedFirst(1, toolThenAnswer('whoami')));
    const reply = await world.agent(modelFor(fake.url)).ask({ principal: world.org.as('ANALYST', { surface: 'CLI' }), message: 'Which organisation is this?' });

    expect(reply.status).toBe('answered');
    expect(reply.toolCalls).toEqual([expect.objectContaining({ name: 'whoami', ok: true })]);
    // The tool result reaches the model inside the turn's data envelope.
    expect(reply.text).toMatch(/^From whoami: \[DATA [0-9a-f]{16} from whoami: [^\]\n]+\]\n\{"organization":\{"id":"[^"]+","slug":"anthropic-fake"/);

    const calls = fake.requests.filter((request) => request.path === '/v1/messages');
    expect(calls).toHaveLength(3); // 529, then tool_use, then the answer
    expect(calls[0]!.body).toEqual(calls[1]!.body);
    for (const call of calls) {
      expect(call.headers['x-api-key']).toBe('test-key');
      expect(call.body).toMatchObject({ model: 'claude-sonnet-4-6', stream: true });
    }
    const first = calls[1]!.body;
    expect(Array.isArray(first.system) && first.system[0]!.cache_control).toEqual({ type: 'ephemeral' });
    expect(Array.isArray(first.system) && first.system[1]!.cache_control).toBeUndefined();
    const whoami = first.tools!.find((tool) => tool.name === 'whoami')!;
    expect(whoami.input_schema).toMatchObject({ type: 'object' });
    expect(first.tools!.map((tool) => tool.name)).not.toContain('create_vendor');
    const toolResult = calls[2]!.body.messages.at(-1)!;
    expect(JSON.stringify(toolResult.content)).toContain('tool_result');
  });

  it('a second turn reads the cached prefix (tools and stable instructions), and usage reports it', async () => {
    fake = await startFakeAnthropic((request) => ({ kind: 'text', text: `turn ${request.messages.length}` }));
    const agent = world.agent(modelFor(`${fake.url}/v1`));
    const principal = world.org.as('OWNER');
    const first = await agent.ask({ principal, message: 'first' });
    const second = await agent.ask({ principal, message: 'second', thread: { threadId: first.threadId! } });
    expect(first.usage.cacheWriteTokens).toBeGreaterThan(0);
    expect(first.usage.cacheReadTokens).toBe(0);
    expect(second.usage.cacheReadTokens).toBe(first.usage.cacheWriteTokens);
    expect(second.text).toBe('turn 3');
  });

  it('counts tokens with @anthropic-ai/sdk at the same base URL (its own /v1 convention)', async () => {
    fake = await startFakeAnthropic();
    const config = resolveModelConfig({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: `${fake.url}/v1` });
    if (config.provider !== 'anthropic') throw new Error('expected anthropic');
    const counted = await anthropicTokenCounter(config, silentLogger).count({
      system: 'rules',
      messages: [{ role: 'assistant', content: 'earlier' }, { role: 'user', content: 'How are the vendors doing?' }],
    });
    expect(counted).toBeGreaterThan(0);
    const request = fake.requests.find((candidate) => candidate.path === '/v1/messages/count_tokens')!;
    expect(request.body.messages[0]).toEqual({ role: 'user', content: '(conversation continues)' });
  });

  it('a persistent failure becomes one sentence with a reference', async () => {
    fake = await startFakeAnthropic(() => ({ kind: 'error', status: 400, type: 'invalid_request_error', message: 'prompt is too long' }));
    const reply = await world.agent(modelFor(fake.url)).ask({ principal: world.org.as('OWNER'), message: 'hello' });
    expect(reply.status).toBe('failed');
    expect(reply.text).toMatch(/^The model provider answered with an error \(HTTP 400\); please try again \(reference [0-9a-f]{8}\)$/);
  });
});
