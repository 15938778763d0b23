import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoData } from '../../bin/seed-demo-data.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate/migrate.ts';
import { InProcessJobQueue } from '../../jobs/in-process-queue.ts';
import { addMember, defaultOperator } from '../../tools/access/organizations.ts';
import { ALL_TOOLS, createCatalogue } from '../../tools/index.ts';
import type { AnyTool } from '../../tools/registry/define-tool.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { describeFailure } from '../../tools/registry/errors.ts';
import type { Role } from '../../tools/registry/roles.ts';
import { ToolRunner, type Principal } from '../../tools/registry/runner.ts';
import type { SetupTools, Truth } from './eval-case.ts';

/** The demo organisation's "today": fixed, so a run's figures can be compared with the last one's. */
export const EVAL_TODAY = new Date('2026-11-16T12:00:00Z');
export const APPROVALS_URL = 'http://localhost:3000/approvals/';

export interface EvalWorld {
  database: Database;
  runner: ToolRunner;
  orgId: string;
  truth: Truth;
  setupTools: SetupTools;
  principalFor(role: Role): Promise<Principal>;
  close(): Promise<void>;
}

/**
 * A temporary embedded database with the demo organisation seeded as of EVAL_TODAY. `extraTools`
 * join the catalogue (the catalogue bench registers synthetic ones to measure 200 tools).
 */
export async function openEvalWorld(options: { extraTools?: readonly AnyTool[] } = {}): Promise<EvalWorld> {
  const folder = mkdtempSync(join(tmpdir(), 'crescendo-evals-'));
  mkdirSync(join(folder, 'pgdata'));
  const database = await openDatabase({ dataDir: join(folder, 'pgdata') });
  await migrate(database);
  const seeded = await seedDemoData(database, { slug: 'demo', name: 'Demo Records', scale: 1, today: EVAL_TODAY });
  const orgId = seeded.organizationId;
  const jobs = new InProcessJobQueue();
  const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue([...ALL_TOOLS, ...(options.extraTools ?? [])]), jobs, now: () => EVAL_TODAY, approvalUrl: (id) => `${APPROVALS_URL}${id}` });
  jobs.bind({ prisma: database.prisma, runner, log: silentLogger });
  const owner = await defaultOperator(database.prisma, orgId);
  const ownerPrincipal: Principal = { orgId, userId: owner?.userId ?? null, role: 'OWNER', surface: 'CLI' };
  const principals = new Map<Role, Principal>();
  async function principalFor(role: Role): Promise<Principal> {
    let principal = principals.get(role);
    if (!principal) {
      const { user } = await addMember(database.prisma, orgId, `eval-${role.toLowerCase()}@demo.example`, role);
      principal = { orgId, userId: user.id, role, surface: 'CLI' };
      principals.set(role, principal);
    }
    return principal;
  }
  return {
    database,
    runner,
    orgId,
    truth: {
      async call(tool, input = {}) {
        const result = await runner.call(tool, input, ownerPrincipal);
        if (!result.ok) throw new Error(`truth ${tool}: ${describeFailure(result.error)}`);
        return result.output as never;
      },
    },
    setupTools: {
      async firstCustomerId() {
        const touchpoint = await database.prisma.touchpoint.findFirst({ where: { organizationId: orgId }, orderBy: { customerId: 'asc' }, select: { customerId: true } });
        if (!touchpoint) throw new Error('the demo organisation has no touchpoints');
        return touchpoint.customerId;
      },
      async callAs(role, tool, input = {}) {
        const result = await runner.call(tool, input, await principalFor(role));
        if (!result.ok) throw new Error(`setup ${tool} as ${role}: ${describeFailure(result.error)}`);
        return result.output as never;
      },
      async settle() {
        await jobs.drain();
      },
    },
    principalFor,
    async close() {
      await jobs.drain();
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
