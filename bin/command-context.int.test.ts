import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { createTestOrganization, type TestOrganization } from '../tools/testing/fixtures.ts';
import { resolveCliPrincipal } from './command-context.ts';
import { UsageError } from './usage.ts';

/** Issue 15 #5: --role may lower a member's role, never raise it. */
describe('CLI principal: --as and --role', () => {
  let database: Database;
  let org: TestOrganization;

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await createTestOrganization(database, 'cli-roles');
    await org.member('viewer@cli-roles.test', 'VIEWER');
    await org.member('analyst@cli-roles.test', 'ANALYST');
    await org.member('manager@cli-roles.test', 'MANAGER');
  });
  afterAll(async () => { await database.close(); });

  const principal = (options: { as?: string; role?: string }) => resolveCliPrincipal(database.prisma, { org: 'cli-roles', ...options });

  it('refuses --role above the member\'s own role with a usage error naming the flag', async () => {
    await expect(principal({ as: 'viewer@cli-roles.test', role: 'OWNER' })).rejects.toThrow(UsageError);
    await expect(principal({ as: 'viewer@cli-roles.test', role: 'OWNER' })).rejects.toThrow(/--role: viewer@cli-roles\.test is a VIEWER .*may not act as OWNER/);
    await expect(principal({ as: 'manager@cli-roles.test', role: 'admin' })).rejects.toThrow(/--role/);
    // ANALYST and CAMPAIGN_MANAGER each hold permissions the other lacks: neither is below the other.
    await expect(principal({ as: 'analyst@cli-roles.test', role: 'CAMPAIGN_MANAGER' })).rejects.toThrow(/--role/);
  });

  it('lets --role lower a member\'s role, and defaults to the member\'s own role', async () => {
    expect(await principal({ as: 'manager@cli-roles.test', role: 'viewer' })).toMatchObject({ role: 'VIEWER', surface: 'CLI' });
    expect(await principal({ as: 'manager@cli-roles.test', role: 'MANAGER' })).toMatchObject({ role: 'MANAGER' });
    expect(await principal({ as: 'viewer@cli-roles.test' })).toMatchObject({ role: 'VIEWER' });
  });

  it('acts as the first owner without --as, at any role the owner holds', async () => {
    expect(await principal({})).toMatchObject({ userId: org.ownerId, role: 'OWNER' });
    expect(await principal({ role: 'ANALYST' })).toMatchObject({ userId: org.ownerId, role: 'ANALYST' });
  });
});
