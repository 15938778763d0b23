import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overloadedFirst, startFakeAnthropic, toolThenAnswer, type FakeAnthropicServer } from '../../agent/testing/fake-anthropic-server.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-ask-'));

/** `crescendo ...` as a separate process; asynchronous, so the loopback fake in this process can answer it. */
async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(import.meta.dirname, '..', 'crescendo.js'), ...args], {
      env: { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '', ANTHROPIC_API_KEY: '', CRESCENDO_OPENAI_BASE_URL: '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('crescendo ask (embedded database, loopback Anthropic)', { timeout: 120_000 }, () => {
  let fake: FakeAnthropicServer;
  beforeAll(async () => {
    fake = await startFakeAnthropic(overloadedFirst(1, toolThenAnswer('whoami')));
    const created = await cli(['org', 'create', '--name', 'Ask Records', '--slug', 'ask']);
    expect(created.code, created.stderr).toBe(0);
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers through ANTHROPIC_BASE_URL, retrying a 529; --json has the answer, tool calls with inputs and usage', async () => {
    const asked = await cli(['ask', 'Who am I here?', '--org', 'ask', '--role', 'analyst', '--json'], { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url });
    expect(asked.code, asked.stderr).toBe(0);
    const output = JSON.parse(asked.stdout);
    expect(output).toMatchObject({ status: 'answered', model: 'claude-sonnet-4-6', steps: 2, tool_calls: [{ name: 'whoami', input: {}, ok: true, output: { role: 'ANALYST', surface: 'agent' } }] });
    expect(output.answer).toMatch(/^From whoami: /);
    expect(output.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: 40, cache_write_tokens: expect.any(Number) });
    expect(output.usage.input_tokens).toBeGreaterThan(0);
    expect(fake.requests.filter((request) => request.path === '/v1/messages')).toHaveLength(3);
    // The model is told its answer is printed in a terminal, so it writes plain text.
    expect(JSON.stringify(fake.requests.find((request) => request.path === '/v1/messages')!.body)).toContain('The answer is read in a terminal');
  });

  it('without a model, says how to configure one and exits 1; a bad base URL is a usage error naming it', async () => {
    const none = await cli(['ask', 'Hello?', '--org', 'ask']);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('Set ANTHROPIC_API_KEY');
    const bad = await cli(['ask', 'Hello?', '--org', 'ask'], { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'localhost:1' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ANTHROPIC_BASE_URL');
  });
});
