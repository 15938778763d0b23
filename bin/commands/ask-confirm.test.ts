import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, toolResults, type FakeAnthropicServer } from '../../agent/testing/fake-anthropic-server.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-ask-confirm-'));

/** `crescendo ...` as a separate process, with optional piped stdin. */
function cli(args: string[], env: Record<string, string> = {}, stdin?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(process.execPath, [join(import.meta.dirname, '..', 'crescendo.js'), ...args], {
      env: { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '', ANTHROPIC_API_KEY: '', CRESCENDO_OPENAI_BASE_URL: '', ...env },
      timeout: 60_000,
    }, (error, stdout, stderr) => resolve({ code: error ? (error as { code?: number }).code ?? 1 : 0, stdout, stderr }));
    child.stdin!.end(stdin ?? '');
  });
}

describe('crescendo ask and chat: changes the agent proposes wait for the person', { timeout: 180_000 }, () => {
  let fake: FakeAnthropicServer;
  let model: Record<string, string>;
  beforeAll(async () => {
    // Proposes adding the client named in the question; once it hears back, repeats what it heard.
    fake = await startFakeAnthropic((request) => {
      const results = toolResults(request);
      if (results.length) return { kind: 'text', text: `Heard: ${results.at(-1)!.content.slice(0, 200)}` };
      const question = JSON.stringify(request.messages.at(-1)!.content);
      return { kind: 'tool_use', name: 'create_client', input: { name: /client ([A-Za-z ]+)/.exec(question)![1]! } };
    });
    model = { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url };
    expect((await cli(['org', 'create', '--name', 'Confirm Records', '--slug', 'confirm'])).code).toBe(0);
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const clients = async () => (JSON.parse((await cli(['call', 'list_clients', '--org', 'confirm'])).stdout) as { rows: Array<{ name: string }> }).rows.map((client) => client.name);

  it('ask without --yes changes nothing, lists what it would have done and exits 2; with --yes the change runs once', async () => {
    const refused = await cli(['ask', 'Add the client Nova Records', '--org', 'confirm'], model);
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain("Nothing was changed. These changes run only with --yes:\n  - Create a client: name 'Nova Records'? (create_client {\"name\":\"Nova Records\",\"emails\":[]})");
    expect(await clients()).not.toContain('Nova Records');

    const json = await cli(['ask', 'Add the client Nova Records', '--org', 'confirm', '--json'], model);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'confirmation_required', confirmations: [{ tool: 'create_client', input: { name: 'Nova Records' } }] });

    const confirmed = await cli(['ask', 'Add the client Nova Records', '--org', 'confirm', '--yes', '--json'], model);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    expect(JSON.parse(confirmed.stdout)).toMatchObject({ status: 'answered', decision: { status: 'confirmed', outcome: { ok: true, output: { name: 'Nova Records' } } } });
    expect((await clients()).filter((name) => name === 'Nova Records')).toHaveLength(1);
  });

  it('chat asks y/N: n cancels (the model hears it was declined), y runs it', async () => {
    const declined = await cli(['chat', '--org', 'confirm'], model, 'Add the client Echo Lane\nn\n/exit\n');
    expect(declined.code, declined.stderr).toBe(0);
    expect(declined.stdout).toContain("Create a client: name 'Echo Lane'? [y/N] n");
    expect(declined.stdout).toContain('Heard: ');
    expect(declined.stdout).toContain('the person declined');
    expect(await clients()).not.toContain('Echo Lane');

    const accepted = await cli(['chat', '--org', 'confirm'], model, 'Add the client Echo Lane\ny\n/exit\n');
    expect(accepted.stdout).toContain("Create a client: name 'Echo Lane'? [y/N] y");
    expect((await clients()).filter((name) => name === 'Echo Lane')).toHaveLength(1);
  });
});
