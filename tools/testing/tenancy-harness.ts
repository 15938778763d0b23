import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { Database } from '../../db/database.ts';
import type { AnyTool } from '../registry/define-tool.ts';
import { GLOBAL_MODELS } from '../registry/tenant-scope.ts';
import type { TestOrganization } from './fixtures.ts';

/**
 * For every id field a tool can take (`vendor_id`, `approval_id`...), how to create such a record
 * in a given organisation. The registry-wide tenancy test calls every tool with another
 * organisation's ids; a new tool with a new id field fails that test until it has a factory here.
 */
export const ID_FACTORIES: Record<string, (prisma: PrismaClient, org: TestOrganization) => Promise<string>> = {
  approval_id: async (prisma, org) => {
    const request = await prisma.approvalRequest.create({
      data: { organizationId: org.id, action: 'fixture_pay_vendor', payload: { vendor: 'x', amount: 1 }, preview: 'Pay x', requestedById: org.ownerId, requestedVia: 'CLI' },
    });
    return request.id;
  },
  client_id: async (prisma, org) => (await prisma.client.create({ data: { organizationId: org.id, name: `Client of ${org.slug}` } })).id,
  vendor_id: async (prisma, org) => (await vendorOf(prisma, org)).id,
  playlist_id: async (prisma, org) => {
    const vendor = await vendorOf(prisma, org);
    return (await prisma.playlist.create({ data: { organizationId: org.id, vendorId: vendor.id, name: `Playlist of ${org.slug} ${Math.random()}` } })).id;
  },
  campaign_id: async (prisma, org) => (await campaignOf(prisma, org)).campaignId,
  placement_id: async (prisma, org) => (await campaignOf(prisma, org)).placementId,
  release_id: async (prisma, org) =>
    (await prisma.release.create({ data: { organizationId: org.id, title: `Release of ${org.slug}`, artistName: 'Artist', kind: 'SINGLE' } })).id,
  rule_id: async (prisma, org) =>
    (await prisma.repostRule.create({ data: { organizationId: org.id, name: `Reposts of ${org.slug} ${Math.random()}`, platforms: ['INSTAGRAM'], minScore: 1, maxPerDay: 1 } })).id,
  social_account_id: async (prisma, org) =>
    (await prisma.socialAccount.create({
      data: { organizationId: org.id, platform: 'INSTAGRAM', externalAccountId: `ig-${org.slug}-${Math.random()}`, displayName: `${org.slug} on Instagram`, accessTokenEncrypted: 'v1.test.sealed' },
    })).id,
  post_id: async (prisma, org) =>
    (await prisma.scheduledPost.create({ data: { organizationId: org.id, platform: 'INSTAGRAM', caption: `A post of ${org.slug}` } })).id,
  import_id: async (prisma, org) =>
    (await prisma.dataImport.create({ data: { organizationId: org.id, tool: 'import_streams', status: 'QUEUED', dryRun: false, files: '[]' } })).id,
};

async function vendorOf(prisma: PrismaClient, org: TestOrganization) {
  const name = `Vendor of ${org.slug}`;
  return prisma.vendor.upsert({
    where: { organizationId_name: { organizationId: org.id, name } },
    create: { organizationId: org.id, name, costPer1kStreams: 2 },
    update: {},
  });
}

async function campaignOf(prisma: PrismaClient, org: TestOrganization) {
  const vendor = await vendorOf(prisma, org);
  const client = await prisma.client.create({ data: { organizationId: org.id, name: `Campaign client of ${org.slug}` } });
  const campaign = await prisma.campaignGroup.create({
    data: { organizationId: org.id, clientId: client.id, name: `Campaign of ${org.slug}`, artistName: 'Artist', startDate: new Date('2026-09-01') },
  });
  const placement = await prisma.placement.create({
    data: {
      organizationId: org.id, campaignGroupId: campaign.id, vendorId: vendor.id, trackUrl: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
      spotifyTrackId: '4uLU6hMCjMI75M1A2tKUQC', goal: 1000, daily: 100, price: 10, startDate: new Date('2026-09-01'),
    },
  });
  return { campaignId: campaign.id, placementId: placement.id };
}

/** `*_id` fields that name something outside Crescendo (a Spotify id, a customer of the org's shop), not a record. */
const EXTERNAL_IDS = new Set(['spotify_playlist_id', 'spotify_track_id', 'track_id', 'customer_id', 'order_id', 'team_id', 'channel_id', 'external_account_id']);

/** Top-level input fields naming a record: `*_id` and `*_ids`. */
export function idFieldsOf(tool: AnyTool): string[] {
  return Object.keys(tool.input.shape ?? {}).filter((key) => /_ids?$/.test(key) && !EXTERNAL_IDS.has(key));
}

/**
 * The example with its id fields pointed at `ids` (a fixed unknown uuid where none is given):
 * top-level fields, and id fields inside lists of objects (`allocations[].vendor_id`).
 */
export function withIds(example: unknown, fields: string[], ids: Record<string, string>): Record<string, unknown> {
  const idFor = (field: string) => ids[field.replace(/_ids$/, '_id')] ?? '01900000-0000-7000-8000-000000000000';
  const input = { ...(example as Record<string, unknown>) };
  for (const field of fields) input[field] = field.endsWith('_ids') ? [idFor(field)] : idFor(field);
  for (const [key, value] of Object.entries(input)) {
    if (!Array.isArray(value)) continue;
    input[key] = value.map((item) => {
      if (!item || typeof item !== 'object') return item;
      return Object.fromEntries(Object.entries(item).map(([name, inner]) => [name, /_id$/.test(name) && !EXTERNAL_IDS.has(name) ? idFor(name) : inner]));
    });
  }
  return input;
}

/** A digest of every row an organisation owns, to prove a call changed none of them. */
export async function organizationFingerprint(database: Database, organizationId: string): Promise<string> {
  const tables = await database.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'organizationId' ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { table_name: table } of tables) {
    if (GLOBAL_MODELS.has(table) || table === 'ToolCall') continue; // the audit log grows by design
    // Ordered by the row's text: not every table has an id column (ScheduleRun's key is composite).
    const [row] = await database.sql.query<{ digest: string | null }>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${table}" t WHERE t."organizationId" = $1`,
      [organizationId],
    );
    parts.push(`${table}:${row?.digest ?? 'empty'}`);
  }
  return parts.join(',');
}
