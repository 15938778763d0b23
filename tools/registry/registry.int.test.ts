import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { fixtureCreateClient } from '../testing/fixture-tools.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import type { ToolRunner } from './runner.ts';

describe('tool registry', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('registry', { tools: [fixtureCreateClient] }));
  });
  afterAll(async () => { await database.close(); });

  it('rejects invalid input with invalid_input naming each bad field', async () => {
    const result = await runner.call('fixture_create_client', { name: '', emails: ['not-an-email'] }, org.as('OWNER'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.issues?.map((issue) => issue.path)).toEqual(['name', 'emails[0]']);
    expect(result.error.message).toMatch(/name: .*; emails\[0\]: /);
  });

  it('refuses a VIEWER calling a write tool with forbidden, and writes nothing', async () => {
    const result = await runner.call('fixture_create_client', { name: 'Viewer Co' }, org.as('VIEWER'));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await database.prisma.client.count({ where: { name: 'Viewer Co' } })).toBe(0);
  });

  it('rolls back a write whose handler fails after writing, and reports a reference', async () => {
    const result = await runner.call('fixture_create_client', { name: 'explode' }, org.as('OWNER'));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.reference).toMatch(/^[0-9a-f]{8}$/);
    expect(await database.prisma.client.count({ where: { name: 'explode' } })).toBe(0);
  });

  it('rolls back a write whose output breaks the tool schema', async () => {
    const result = await runner.call('fixture_create_client', { name: 'bad-output' }, org.as('OWNER'));
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await database.prisma.client.count({ where: { name: 'bad-output' } })).toBe(0);
  });

  it('answers an unknown tool with not_found', async () => {
    expect(await runner.call('no_such_tool', {}, org.as('OWNER'))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('leaves one audit row per call, whatever the outcome', async () => {
    const before = await database.prisma.toolCall.count({ where: { organizationId: org.id } });
    await runner.call('whoami', {}, org.as('ANALYST', { surface: 'HTTP' }));
    await runner.call('fixture_create_client', { name: 42 }, org.as('OWNER'));
    await runner.call('fixture_create_client', { name: 'Viewer' }, org.as('VIEWER'));
    await runner.call('no_such_tool', {}, org.as('OWNER'));
    const rows = await database.prisma.toolCall.findMany({ where: { organizationId: org.id }, orderBy: { id: 'asc' }, skip: before });
    expect(rows.map((row) => [row.tool, row.outcome, row.errorCode, row.role, row.surface])).toEqual([
      ['whoami', 'OK', null, 'ANALYST', 'HTTP'],
      ['fixture_create_client', 'ERROR', 'invalid_input', 'OWNER', 'CLI'],
      ['fixture_create_client', 'ERROR', 'forbidden', 'VIEWER', 'CLI'],
      ['no_such_tool', 'ERROR', 'not_found', 'OWNER', 'CLI'],
    ]);
    expect(rows.every((row) => row.userId === org.ownerId && row.durationMs >= 0)).toBe(true);
  });

  it('whoami reports organisation, user, role and permissions from the context', async () => {
    const result = await runner.call('whoami', {}, org.as('VIEWER'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.output).toMatchObject({
      organization: { id: org.id, slug: 'registry', base_currency: 'USD', time_zone: 'UTC' },
      user: { id: org.ownerId, email: 'owner@registry.test' },
      role: 'VIEWER',
      surface: 'cli',
    });
    expect((result.output as { permissions: string[] }).permissions).toContain('campaigns:read');
    expect((result.output as { permissions: string[] }).permissions).not.toContain('campaigns:write');
  });
});
