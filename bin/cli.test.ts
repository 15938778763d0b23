import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { createNightDriveCampaign } from './testing/night-drive-campaign.ts';

// The CLI is exercised as a user runs it: a separate process over an embedded data folder.
const dataDir = mkdtempSync(join(tmpdir(), 'crescendo-cli-'));
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [join(import.meta.dirname, 'crescendo.js'), ...args], {
    env: { ...process.env, CRESCENDO_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

describe('crescendo CLI (embedded database)', { timeout: 400_000 }, () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers --help, COMMAND --help, --version and flag typos without opening a database', () => {
    const neverCreated = join(dataDir, 'not-here');
    const run = (...args: string[]) => spawnSync(process.execPath, [join(import.meta.dirname, 'crescendo.js'), ...args], { env: { ...process.env, CRESCENDO_DATA_DIR: neverCreated, DATABASE_URL: '' }, encoding: 'utf8' });
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/crescendo approvals approve/);
    const orgHelp = run('org', 'create', '--help');
    expect(orgHelp.status).toBe(0);
    expect(orgHelp.stdout).toMatch(/^usage: crescendo org create --name N --slug S/);
    expect(run('--version').stdout).toMatch(/^crescendo \d+\.\d+\.\d+\n$/);
    // A mistyped flag is answered before any database opens.
    const typo = run('call', 'whoami', '--org', 'x', '--inptu', '{}');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/did you mean --input\?/);
    expect(existsSync(neverCreated)).toBe(false);
  });

  it('migrates, and migrating again is a no-op', () => {
    const first = cli('db', 'migrate');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout).applied.length).toBeGreaterThan(0);
    const second = cli('db', 'migrate');
    expect(JSON.parse(second.stdout).applied).toEqual([]);
  });

  it('suggests the flag meant and names flags as typed', () => {
    const typo = cli('org', 'create', '--name', 'X', '--slug', 'x', '--time_zone', 'Europe/Madrid');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown flag --time_zone: did you mean --time-zone\?/);
    expect(cli('call', 'whoami', '--org', 'cli', '--inptu', '{}').stderr).toMatch(/did you mean --input\?/);
  });

  it('creates an organisation and prints its id and slug', () => {
    const created = cli('org', 'create', '--name', 'Cli Records', '--slug', 'cli');
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug: 'cli', id: expect.any(String) });
    const duplicate = cli('org', 'create', '--name', 'Again', '--slug', 'cli');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);
    const badSlug = cli('org', 'create', '--name', 'Bad', '--slug', 'Not A Slug');
    expect(badSlug.code).toBe(2);
    expect(badSlug.stderr).toMatch(/--slug/);
    const badZone = cli('org', 'create', '--name', 'Bad', '--slug', 'bad', '--time-zone', 'Mars/Base');
    expect(badZone.code).toBe(2);
    expect(badZone.stderr).toMatch(/^error: --time-zone: "Mars\/Base" is not an IANA time zone/);
    expect(cli('org', 'create', '--slug', 'bad').stderr).toMatch(/--name is required/);
  });

  it('calls a tool and uses exit codes 0, 1 and 2', () => {
    const whoami = cli('call', 'whoami', '--org', 'cli', '--role', 'ANALYST');
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({ organization: { slug: 'cli' }, role: 'ANALYST', surface: 'cli' });
    expect(cli('call', 'whoami', '--org', 'cli', '--input', '{bad').code).toBe(2);
    const invalid = cli('call', 'list_approvals', '--org', 'cli', '--input', '{"limit":0}');
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/invalid_input.*limit/);
    const missing = cli('call', 'decide_approval', '--org', 'cli', '--input', '{"decision":"approve"}');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/approval_id: is required/);
    expect(cli('call', 'no_such_tool', '--org', 'cli').code).toBe(2);
    expect(cli('call', 'whoami', '--org', 'nowhere').code).toBe(2);
    expect(cli('call', 'whoami', '--org', 'cli', '--role', 'KING').code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
  });

  it('lists tools as JSON', () => {
    const listed = cli('tools', 'list', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).tools.map((tool: { name: string }) => tool.name)).toContain('whoami');
  });

  it('issues tokens, files an approval for a spend and approves it from the command line', async () => {
    for (const [role, email] of [['CAMPAIGN_MANAGER', 'cm@cli.example'], ['MANAGER', 'boss@cli.example']]) {
      const token = cli('token', 'create', '--org', 'cli', '--role', role!, '--user', email!);
      expect(token.code, token.stderr).toBe(0);
      expect(JSON.parse(token.stdout)).toMatchObject({ token: expect.stringMatching(/^cre_/), role });
    }
    const database = await openDatabase({ dataDir: join(dataDir, 'pgdata') });
    let campaignId: string;
    let vendorId: string;
    try {
      ({ vendorId, campaignId } = await createNightDriveCampaign(database, 'cli'));
    } finally {
      await database.close();
    }
    const input = JSON.stringify({
      campaign_id: campaignId, track_url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
      allocations: [{ vendor_id: vendorId, goal: 40000, daily: 1500, price: 120 }],
    });
    const requested = cli('call', 'commit_allocation', '--org', 'cli', '--as', 'cm@cli.example', '--input', input);
    expect(requested.code, requested.stderr).toBe(0);
    const pendingApproval = JSON.parse(requested.stdout);
    expect(pendingApproval).toMatchObject({ status: 'pending', preview: expect.stringContaining('Club Restricted: 40,000 streams') });
    const approvalId = pendingApproval.approval_id as string;
    const pending = cli('approvals', 'list', '--org', 'cli', '--json');
    expect(JSON.parse(pending.stdout).rows.map((row: { id: string }) => row.id)).toEqual([approvalId]);
    const selfApproval = cli('approvals', 'approve', approvalId, '--org', 'cli', '--as', 'cm@cli.example');
    expect(selfApproval.code).toBe(2); // forbidden: the caller can fix it (someone else decides)
    const approved = cli('approvals', 'approve', approvalId, '--org', 'cli', '--as', 'boss@cli.example', '--comment', 'fine');
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stderr).toMatch(/Action executed/);
    // The request as it is after the action ran, not the intermediate "approved".
    expect(JSON.parse(approved.stdout)).toMatchObject({ id: approvalId, status: 'executed', executed_at: expect.any(String) });
    const done = cli('approvals', 'list', '--org', 'cli', '--status', 'executed', '--json');
    expect(JSON.parse(done.stdout).rows[0]).toMatchObject({ id: approvalId, status: 'executed', decided_by: 'boss@cli.example', comment: 'fine' });
    const twice = cli('approvals', 'approve', approvalId, '--org', 'cli', '--as', 'boss@cli.example');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/already decided \(it is executed\)/);
  });
});
