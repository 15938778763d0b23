import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate/migrate.ts';
import { createOrganization } from '../../tools/access/organizations.ts';
import { listApprovals } from '../../tools/approvals/list-approvals.ts';
import { whoami } from '../../tools/access/whoami.ts';
import { createCatalogue } from '../../tools/index.ts';
import { ignoreProgress, silentLogger, type ToolContext } from '../../tools/registry/context.ts';
import { ToolRunner } from '../../tools/registry/runner.ts';
import { scopeToOrganization, type ToolDb } from '../../tools/registry/tenant-scope.ts';
import type { Benchmark, Figure } from './harness.ts';
import { medianMs } from './harness.ts';

const CALLS = 200;

/** What the registry adds to a call (validation, permission, audit row) vs the handler run directly. */
export const registryBench: Benchmark = {
  name: 'registry',
  description: `per-call time of ${CALLS} calls through the registry; floor: the same handler called directly with a prepared context`,
  async run() {
    const database = await openDatabase({});
    await migrate(database);
    const organization = await createOrganization(database.prisma, { name: 'Bench', slug: 'bench' });
    for (let index = 0; index < 100; index++) {
      await database.prisma.approvalRequest.create({
        data: { organizationId: organization.id, action: 'x', payload: {}, preview: `request ${index}`, requestedById: organization.owner.id, requestedVia: 'CLI' },
      });
    }
    const catalogue = createCatalogue();
    const runner = new ToolRunner({ prisma: database.prisma, catalogue, log: silentLogger });
    const principal = { orgId: organization.id, userId: organization.owner.id, role: 'OWNER' as const, surface: 'CLI' as const };
    const ctx: ToolContext = {
      orgId: organization.id,
      org: { id: organization.id, slug: 'bench', name: 'Bench', baseCurrency: 'USD', timeZone: 'UTC' },
      actor: { userId: organization.owner.id, email: organization.owner.email, role: 'OWNER', surface: 'CLI' },
      db: scopeToOrganization(database.prisma, organization.id, { write: false, approvals: false, access: false }) as unknown as ToolDb,
      now: () => new Date(),
      jobs: { enqueue() {} },
      log: silentLogger,
      progress: ignoreProgress,
      catalogue,
      inTransaction: (work) => work(ctx.db),
    };
    const figures: Figure[] = [];
    const cases = [
      { tool: whoami, input: {} },
      { tool: listApprovals, input: { status: 'any', limit: 50 } },
    ] as const;
    for (const { tool, input } of cases) {
      const parsed = tool.input.parse(input);
      const direct = await medianMs(async () => { for (let i = 0; i < CALLS; i++) await tool.handler(ctx, parsed as never); }, 3);
      const viaRegistry = await medianMs(async () => { for (let i = 0; i < CALLS; i++) await runner.call(tool.name, input, principal); }, 3);
      figures.push({ bench: 'registry', metric: `${tool.name} per call`, value: (viaRegistry / CALLS) * 1000, unit: 'µs', floor: { value: (direct / CALLS) * 1000, what: 'handler called directly' } });
    }
    await database.close();
    return figures;
  },
};
