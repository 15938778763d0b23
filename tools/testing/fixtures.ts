import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../db/testing/test-database.ts';
import { InProcessJobQueue } from '../../jobs/in-process-queue.ts';
import { createOrganization, addMember } from '../access/organizations.ts';
import { createCatalogue } from '../index.ts';
import type { Surface } from '../registry/context.ts';
import type { AnyTool } from '../registry/define-tool.ts';
import type { Role } from '../registry/roles.ts';
import { ToolRunner, type Principal } from '../registry/runner.ts';

export interface TestOrganization {
  id: string;
  slug: string;
  ownerId: string;
  /** A principal of this organisation: its owner by default, or a member with the given email. */
  as(role: Role, options?: { surface?: Surface; userId?: string | null }): Principal;
  /** Adds a member and returns a principal for them. */
  member(email: string, role: Role, surface?: Surface): Promise<Principal>;
}

export async function createTestOrganization(database: Database, slug: string): Promise<TestOrganization> {
  const organization = await createOrganization(database.prisma, { name: `Org ${slug}`, slug, ownerEmail: `owner@${slug}.test` });
  return {
    id: organization.id,
    slug,
    ownerId: organization.owner.id,
    as: (role, options = {}) => ({
      orgId: organization.id,
      userId: options.userId === undefined ? organization.owner.id : options.userId,
      role,
      surface: options.surface ?? 'CLI',
    }),
    async member(email, role, surface = 'CLI') {
      const { user } = await addMember(database.prisma, organization.id, email, role);
      return { orgId: organization.id, userId: user.id, role, surface };
    },
  };
}

/** A runner over the real catalogue (plus any fixture tools), with the in-process job queue. */
export function createTestRunner(database: Database, extraTools: AnyTool[] = [], now?: () => Date) {
  const jobs = new InProcessJobQueue();
  const catalogue = createCatalogue([...createCatalogue().list(), ...extraTools]);
  const runner = new ToolRunner({ prisma: database.prisma, catalogue, jobs, now });
  jobs.bind({ prisma: database.prisma, runner, log: { info() {}, warn() {}, error() {} } });
  return { runner, jobs };
}

export interface ToolTestWorld {
  database: Database;
  runner: ToolRunner;
  jobs: InProcessJobQueue;
  org: TestOrganization;
}

/** What most tool tests start from: a fresh migrated database, a runner and one organisation. */
export async function openToolTestWorld(slug: string, options: { tools?: AnyTool[]; now?: () => Date } = {}): Promise<ToolTestWorld> {
  const database = await openTestDatabase();
  const { runner, jobs } = createTestRunner(database, options.tools, options.now);
  return { database, runner, jobs, org: await createTestOrganization(database, slug) };
}
