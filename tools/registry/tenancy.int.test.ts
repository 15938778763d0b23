import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { openTestDatabase } from '../../db/testing/test-database.ts';
import { ALL_TOOLS } from '../index.ts';
import { createTestOrganization, createTestRunner, type TestOrganization } from '../testing/fixtures.ts';
import { ID_FACTORIES, idFieldsOf, organizationFingerprint, withIds } from '../testing/tenancy-harness.ts';
import type { ToolRunner } from './runner.ts';
import { scopeToOrganization } from './tenant-scope.ts';

const WRITER = { write: true, approvals: false, access: false };

describe('tenancy: organisation A can never read or change organisation B', () => {
  let database: Database;
  let runner: ToolRunner;
  let orgA: TestOrganization;
  let orgB: TestOrganization;
  const idsOfB: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestDatabase();
    runner = createTestRunner(database).runner;
    orgA = await createTestOrganization(database, 'org-a');
    orgB = await createTestOrganization(database, 'org-b');
    for (const [field, create] of Object.entries(ID_FACTORIES)) {
      await create(database.prisma, orgA);
      idsOfB[field] = await create(database.prisma, orgB);
    }
  });
  afterAll(async () => { await database.close(); });

  const toolsWithIds = ALL_TOOLS.filter((tool) => idFieldsOf(tool).length > 0);

  it('every tool that takes an id has an example and a factory for each id field', () => {
    for (const tool of toolsWithIds) {
      expect(tool.example, `${tool.name} needs an example input`).toBeDefined();
      for (const field of idFieldsOf(tool)) {
        expect(ID_FACTORIES[field], `add a factory for ${field} (used by ${tool.name}) to tools/testing/tenancy-harness.ts`).toBeDefined();
      }
    }
  });

  it.each(toolsWithIds.map((tool) => [tool.name, tool] as const))('%s answers not_found for B\'s ids and changes nothing of B', async (_name, tool) => {
    const before = await organizationFingerprint(database, orgB.id);
    const input = withIds(tool.example, idFieldsOf(tool), idsOfB);
    // Job-only tools are called as their job calls them.
    const result = await runner.call(tool.name, input, orgA.as('OWNER', { surface: tool.surfaces?.[0] }));
    expect(result.ok ? result : result.error.code, JSON.stringify(result)).toBe('not_found');
    expect(await organizationFingerprint(database, orgB.id)).toBe(before);
  });

  it.each(ALL_TOOLS.filter((tool) => tool.access === 'read').map((tool) => [tool.name, tool] as const))(
    '%s never returns an id of B to A',
    async (_name, tool) => {
      const input = idFieldsOf(tool).length ? withIds(tool.example, idFieldsOf(tool), {}) : (tool.example ?? {});
      const result = await runner.call(tool.name, input, orgA.as('OWNER'));
      const text = JSON.stringify(result);
      for (const id of [orgB.id, orgB.ownerId, ...Object.values(idsOfB)]) expect(text).not.toContain(id);
    },
  );

  it('the scoped client filters reads, stamps creates and refuses moving rows', async () => {
    const scopedA = scopeToOrganization(database.prisma, orgA.id, { ...WRITER, approvals: true });
    const approvalOfB = idsOfB.approval_id!;
    expect(await scopedA.approvalRequest.findUnique({ where: { id: approvalOfB } })).toBeNull();
    expect(await scopedA.approvalRequest.count()).toBe(await database.prisma.approvalRequest.count({ where: { organizationId: orgA.id } }));
    const updated = await scopedA.approvalRequest.updateMany({ where: { id: approvalOfB }, data: { preview: 'hijacked' } });
    expect(updated.count).toBe(0);
    const client = await scopedA.client.create({ data: { name: 'Stamped' } as never });
    expect(client.organizationId).toBe(orgA.id);
    await expect(scopedA.client.update({ where: { id: client.id }, data: { organizationId: orgB.id } })).rejects.toThrow(/another organisation/);
    await expect(scopedA.organization.findMany()).resolves.toHaveLength(1);
  });

  it('nested relation writes cannot adopt rows of B', async () => {
    const scopedA = scopeToOrganization(database.prisma, orgA.id, { ...WRITER, access: true });
    const playlistOfB = idsOfB.playlist_id!;
    const vendorOfA = await scopedA.vendor.findFirstOrThrow();
    await expect(scopedA.vendor.update({ where: { id: vendorOfA.id }, data: { playlists: { connect: { id: playlistOfB } } } })).rejects.toThrow(/connect/);
    await expect(scopedA.organization.update({ where: { id: orgA.id }, data: { clients: { connect: { id: idsOfB.client_id! } } } as never })).rejects.toThrow(/connect|Organization\.clients/);
    await expect(
      scopedA.client.create({ data: { name: 'Nested', campaignGroups: { create: [{ name: 'x', artistName: 'y', startDate: new Date(), placements: { connect: { id: idsOfB.placement_id! } } }] } } as never }),
    ).rejects.toThrow(/connect/);
    const playlist = await database.prisma.playlist.findUniqueOrThrow({ where: { id: playlistOfB } });
    expect(playlist.organizationId).toBe(orgB.id);
  });

  it('User relations, which span organisations, cannot be traversed', async () => {
    const scopedA = scopeToOrganization(database.prisma, orgA.id, WRITER);
    await expect(scopedA.user.findMany({ select: { email: true, memberships: { select: { organizationId: true } } } })).rejects.toThrow(/memberships/);
    await expect(scopedA.membership.findMany({ include: { user: { include: { apiTokens: true } } } })).rejects.toThrow(/apiTokens/);
    await expect(scopedA.user.count({ where: { apiTokens: { some: { organizationId: orgB.id } } } })).rejects.toThrow(/apiTokens/);
    const users = await scopedA.user.findMany({ select: { id: true } });
    expect(users.map((user) => user.id)).not.toContain(orgB.ownerId);
  });

  it('read tools cannot write, and no tool rewrites the audit log, the timeline, approvals or access', async () => {
    const reader = scopeToOrganization(database.prisma, orgA.id, { write: false, approvals: false, access: false });
    await expect(reader.client.create({ data: { name: 'x' } as never })).rejects.toThrow(/read tool/);
    const writer = scopeToOrganization(database.prisma, orgA.id, WRITER);
    await expect(writer.toolCall.deleteMany({})).rejects.toThrow(/registry only/);
    await expect(writer.activity.updateMany({ data: { summary: 'rewritten' } })).rejects.toThrow(/append-only/);
    await expect(writer.approvalRequest.updateMany({ data: { status: 'APPROVED' } })).rejects.toThrow(/approvals area/);
    await expect(writer.membership.updateMany({ data: { role: 'OWNER' } })).rejects.toThrow(/org:admin/);
    await expect(writer.organization.update({ where: { id: orgA.id }, data: { slug: 'stolen' } })).rejects.toThrow(/slug/);
  });

  it('the database refuses a row of A that points at a parent of B', async () => {
    const clientOfB = await database.prisma.client.create({ data: { organizationId: orgB.id, name: 'B client' } });
    await expect(
      database.prisma.campaignGroup.create({
        data: { organizationId: orgA.id, clientId: clientOfB.id, name: 'Cross', artistName: 'X', startDate: new Date('2026-01-01') },
      }),
    ).rejects.toThrow();
  });
});
