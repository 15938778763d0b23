import type { Database } from '../../../../db/database.ts';
import type { ToolRunner } from '../../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../../testing/fixtures.ts';

export interface CrmWorld {
  database: Database;
  runner: ToolRunner;
  org: TestOrganization;
  clock: { now: Date };
}

/** A fresh database, one organisation whose owner is "Sam Lee", and a clock tests move by hand. */
export async function openCrmWorld(slug: string, start = new Date('2026-11-01T10:00:00Z')): Promise<CrmWorld> {
  const clock = { now: start };
  const { database, runner, org } = await openToolTestWorld(slug, { now: () => clock.now });
  await database.prisma.user.update({ where: { id: org.ownerId }, data: { name: 'Sam Lee' } });
  return { database, runner, org, clock };
}

export async function companyIn(database: Database, orgId: string, name: string, extra: { tags?: string[] } = {}) {
  return database.prisma.company.create({ data: { organizationId: orgId, name, tags: extra.tags ?? [] } });
}

export async function contactIn(database: Database, orgId: string, name: string, companyId?: string, email?: string) {
  const contact = await database.prisma.contact.create({ data: { organizationId: orgId, name, companyId: companyId ?? null } });
  if (email) await database.prisma.contactEmail.create({ data: { organizationId: orgId, contactId: contact.id, email, isPrimary: true } });
  return contact;
}

export const DAY_MS = 86_400_000;
export const daysAfter = (start: Date, days: number) => new Date(start.getTime() + days * DAY_MS);
