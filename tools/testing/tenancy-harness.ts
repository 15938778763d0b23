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
  report_id: async (prisma, org) =>
    (await prisma.reportView.create({ data: { organizationId: org.id, name: `Report of ${org.slug} ${Math.random()}`, category: 'CAMPAIGN_PERFORMANCE', visibility: 'ORGANIZATION', ownerId: org.ownerId, definition: { metrics: ['spend'], date_range: { last: 7, unit: 'day' } } } })).id,
  schedule_id: async (prisma, org) => {
    const report = await prisma.reportView.create({ data: { organizationId: org.id, name: `Scheduled report of ${org.slug} ${Math.random()}`, category: 'CAMPAIGN_PERFORMANCE', visibility: 'ORGANIZATION', ownerId: org.ownerId, definition: { metrics: ['spend'], date_range: { last: 7, unit: 'day' } } } });
    return (await prisma.reportSchedule.create({ data: { organizationId: org.id, reportViewId: report.id, cron: '0 9 * * 1', timeZone: 'UTC', emails: ['team@example.com'], format: 'CSV', createdById: org.ownerId } })).id;
  },
  company_id: async (prisma, org) => (await prisma.company.create({ data: { organizationId: org.id, name: `Company of ${org.slug} ${Math.random()}` } })).id,
  contact_id: async (prisma, org) => (await prisma.contact.create({ data: { organizationId: org.id, name: `Contact of ${org.slug} ${Math.random()}` } })).id,
  deal_id: async (prisma, org) => {
    const deal = await prisma.deal.create({ data: { organizationId: org.id, name: `Deal of ${org.slug} ${Math.random()}`, currency: 'USD', ownerId: org.ownerId } });
    await prisma.dealStageChange.create({ data: { organizationId: org.id, dealId: deal.id, toStage: 'LEAD' } });
    return deal.id;
  },
  task_id: async (prisma, org) => (await prisma.task.create({ data: { organizationId: org.id, title: `Task of ${org.slug}`, assigneeId: org.ownerId } })).id,
  note_id: async (prisma, org) => (await prisma.note.create({ data: { organizationId: org.id, body: `Note of ${org.slug}`, authorId: org.ownerId } })).id,
  contact_ids: (prisma, org) => ID_FACTORIES.contact_id!(prisma, org),
  // merge_contacts / merge_companies and their approvals: another organisation's record, of either kind, is not_found to A.
  keep_id: (prisma, org) => ID_FACTORIES.contact_id!(prisma, org),
  merge_id: (prisma, org) => ID_FACTORIES.contact_id!(prisma, org),
  creator_id: async (prisma, org) => (await creatorOf(prisma, org)).id,
  creator_platform_id: async (prisma, org) => {
    const creator = await creatorOf(prisma, org);
    return (await prisma.creatorPlatform.create({ data: { organizationId: org.id, creatorId: creator.id, network: 'TIKTOK', handle: creator.handle } })).id;
  },
  content_id: async (prisma, org) => {
    const creator = await creatorOf(prisma, org);
    const platform = await prisma.creatorPlatform.create({ data: { organizationId: org.id, creatorId: creator.id, network: 'YOUTUBE', handle: creator.handle } });
    return (await prisma.creatorContent.create({ data: { organizationId: org.id, creatorId: creator.id, creatorPlatformId: platform.id, externalId: `video-${Math.random()}` } })).id;
  },
  creator_campaign_id: async (prisma, org) =>
    (await prisma.campaign.create({ data: { organizationId: org.id, name: `Creator campaign of ${org.slug} ${Math.random()}`, objective: 'AWARENESS', currency: 'USD' } })).id,
  assignment_id: async (prisma, org) => {
    const creator = await creatorOf(prisma, org);
    const campaign = await prisma.campaign.create({ data: { organizationId: org.id, name: `Creator campaign of ${org.slug} ${Math.random()}`, objective: 'AWARENESS', currency: 'USD' } });
    return (await prisma.campaignCreator.create({ data: { organizationId: org.id, campaignId: campaign.id, creatorId: creator.id, fee: 500, currency: 'USD' } })).id;
  },
  ad_account_id: async (prisma, org) => (await adAccountOf(prisma, org)).id,
  ad_campaign_id: async (prisma, org) => {
    const account = await adAccountOf(prisma, org);
    return (await prisma.adCampaign.create({ data: { organizationId: org.id, adAccountId: account.id, externalId: `cmp-${Math.random()}`, name: `Ad campaign of ${org.slug}`, status: 'ACTIVE' } })).id;
  },
  ad_campaign_ids: (prisma, org) => ID_FACTORIES.ad_campaign_id!(prisma, org),
  alert_id: async (prisma, org) => {
    const account = await adAccountOf(prisma, org);
    return (await prisma.spendAlert.create({
      data: { organizationId: org.id, adAccountId: account.id, scopeKey: `account:${account.id}`, cause: 'OVER_DAILY_LIMIT', day: new Date('2026-12-01T00:00:00Z'), figures: {}, message: 'Over', postedAt: new Date() },
    })).id;
  },
  alert_ids: (prisma, org) => ID_FACTORIES.alert_id!(prisma, org),
  dashboard_id: async (prisma, org) =>
    (await prisma.dashboard.create({ data: { organizationId: org.id, name: `Dashboard of ${org.slug} ${Math.random()}`, visibility: 'ORGANIZATION', ownerId: org.ownerId } })).id,
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
const EXTERNAL_IDS = new Set(['spotify_playlist_id', 'spotify_track_id', 'track_id', 'customer_id', 'order_id', 'team_id', 'channel_id', 'external_account_id', 'message_id', 'phyllo_account_id', 'project_id', 'leadgen_id', 'form_id', 'ad_id', 'page_id']);

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

/** A fresh creator (and its contact) in the organisation. */
async function creatorOf(prisma: PrismaClient, org: TestOrganization): Promise<{ id: string; handle: string }> {
  const suffix = Math.random().toString(36).slice(2, 10);
  const contact = await prisma.contact.create({ data: { organizationId: org.id, name: `Creator of ${org.slug} ${suffix}` } });
  return prisma.creator.create({ data: { organizationId: org.id, contactId: contact.id, handle: `${org.slug}_${suffix}` }, select: { id: true, handle: true } });
}

/** A fresh ad account (no connection: a stand-in) in the organisation. */
async function adAccountOf(prisma: PrismaClient, org: TestOrganization): Promise<{ id: string }> {
  return prisma.adAccount.create({
    data: { organizationId: org.id, platform: 'META', externalId: `${org.slug}-${Math.random().toString(36).slice(2, 10)}`, name: `Ads of ${org.slug}`, currency: 'USD', timeZone: 'UTC', isDemo: true },
    select: { id: true },
  });
}
