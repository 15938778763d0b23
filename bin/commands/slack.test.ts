import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `crescendo slack connect | link` as a user runs them: separate processes over one embedded data folder.
const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-slack-cli-'));
const cli = (args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'crescendo.js'), ...args], {
    env: { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '', SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '', SLACK_API_URL: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('crescendo slack', { timeout: 180_000 }, () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('connects a workspace to an organisation and links a Slack user to a member', () => {
    expect(cli(['org', 'create', '--name', 'Slack Records', '--slug', 'slackcli', '--owner', 'owner@slackcli.test']).code).toBe(0);
    const connected = cli(['slack', 'connect', '--team', 'T0123ABCD', '--org', 'slackcli']);
    expect(connected.code, connected.stderr).toBe(0);
    expect(JSON.parse(connected.stdout)).toMatchObject({ team_id: 'T0123ABCD', organization: 'slackcli' });
    const linked = cli(['slack', 'link', '--team', 'T0123ABCD', '--slack-user', 'U0456', '--user', 'owner@slackcli.test', '--org', 'slackcli']);
    expect(linked.code, linked.stderr).toBe(0);
    expect(JSON.parse(linked.stdout)).toMatchObject({ slack_user: 'U0456', user: 'owner@slackcli.test', role: 'OWNER' });
  });

  it('exits 2 on bad usage, naming the flag', () => {
    const badTeam = cli(['slack', 'connect', '--team', 'nope', '--org', 'slackcli']);
    expect([badTeam.code, badTeam.stderr]).toEqual([2, expect.stringMatching(/--team/)]);
    const stranger = cli(['slack', 'link', '--team', 'T0123ABCD', '--slack-user', 'U0456', '--user', 'who@else.test', '--org', 'slackcli']);
    expect([stranger.code, stranger.stderr]).toEqual([2, expect.stringMatching(/--user: who@else.test is not a member/)]);
    // tools list reads no configuration (it opens no database); a command that does reports the bad environment.
    const noSecret = cli(['db', 'migrate'], { SLACK_BOT_TOKEN: 'xoxb-1' });
    expect([noSecret.code, noSecret.stderr]).toEqual([2, expect.stringMatching(/SLACK_SIGNING_SECRET/)]);
  });
});
