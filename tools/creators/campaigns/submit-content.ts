import { z } from 'zod';
import type { AssignmentStatus } from '../../../db/generated/prisma/enums.ts';
import { webLinkInput } from '../../common/link-input.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { parseContentLink } from '../content-links.ts';
import { phylloSettings } from '../phyllo/phyllo-settings.ts';
import { CREATOR_SYNC_JOB } from '../phyllo/sync-creator.ts';
import { fromDbNetwork, networkInput, toDbNetwork, type Network } from '../networks.ts';
import { creatorLabel, formatInput, recordCreatorActivity, requireAssignment, STATUS_LABELS } from './campaign-common.ts';
import { assignmentOutput, assignmentViewOf } from './assignment-view.ts';

const publishedAtInput = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .describe('When it went live: an ISO date-time or YYYY-MM-DD; giving it marks the piece published.');

/** Where content may be submitted from, and the status it moves the assignment to. */
function nextStatus(from: AssignmentStatus, published: boolean): AssignmentStatus {
  if (from === 'PAID' || from === 'PUBLISHED') return from;
  if (published) return 'PUBLISHED';
  return from === 'ACCEPTED' ? 'CONTENT_SUBMITTED' : from;
}

export const submitContent = defineTool({
  name: 'submit_content',
  title: 'Submit a creator\'s content',
  keywords: ['content links', 'post links', 'creator delivered', 'creator posted', 'published the video'],
  description:
    "Records the links to what a booked creator made for a campaign: each link becomes (or joins) the creator's content on that network, keyed by the post id read from the URL (TikTok, YouTube, Instagram, X, ...), so synced metrics land on it (a live link on a network connected through Phyllo queues its sync). Moves the assignment to CONTENT_SUBMITTED, or to PUBLISHED with published: true (or a published_at on a link: live posts). The same links again change nothing. An invited or declined creator cannot submit; a link already delivering another assignment is refused.",
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  hints: { idempotent: true },
  input: z.object({
    assignment_id: z.string().uuid().describe('The assignment (campaign_creators).'),
    links: z.array(z.object({
      url: webLinkInput.describe('The post or video link.'),
      network: networkInput.optional().describe('Needed only when the link is not on a known network host.'),
      format: formatInput.optional().describe('post, reel, video, short, story...; default what the link says (a /shorts/ link is a short).'),
      published_at: publishedAtInput.optional(),
    })).min(1, 'give at least one link').max(50),
    published: z.boolean().default(false).describe('The posts are live: mark them published and the assignment PUBLISHED.'),
  }),
  output: assignmentOutput.extend({
    links: z.array(z.object({ content_id: z.string(), network: z.string(), external_id: z.string(), url: z.string(), outcome: z.enum(['created', 'linked', 'updated', 'unchanged']) })),
    status_changed: z.object({ from: z.string(), to: z.string() }).nullable(),
    metrics_sync: z.enum(['queued', 'not_connected', 'phyllo_not_configured'])
      .describe('queued: a live link is on a network connected through Phyllo, whose sync (queued now) fills in its views and engagement; not_connected: no live link is on a connected network (metrics come from imports); phyllo_not_configured: it is, but PHYLLO_CLIENT_ID/SECRET are not set.'),
  }),
  example: { assignment_id: '01900000-0000-7000-8000-000000000001', links: [{ url: 'https://www.tiktok.com/@mila.moves/video/7301234567890123456' }], published: true },
  async handler(ctx, input) {
    const assignment = await requireAssignment(ctx, input.assignment_id);
    const { creator, campaign } = assignment;
    if (assignment.status === 'INVITED' || assignment.status === 'DECLINED') {
      throw invalidInput('assignment_id', `${creatorLabel(creator)} is ${STATUS_LABELS[assignment.status].toLowerCase()} on '${campaign.name}'; content comes after they accept (update_assignment status ACCEPTED)`);
    }
    const networks = campaign.networks.map(fromDbNetwork);
    const now = ctx.now();
    const parsed = input.links.map((link, index) => {
      const read = parseContentLink(link.url);
      const network: Network | null = read.network ?? link.network ?? null;
      if (!network) throw invalidInput(`links[${index}].network`, `${read.normalisedUrl} is on no network Crescendo knows; name its network`);
      if (read.network && link.network && read.network !== link.network) throw invalidInput(`links[${index}].network`, `the link is on ${read.network}, not ${link.network}`);
      if (!networks.includes(network)) throw invalidInput(`links[${index}].url`, `${network} is not one of the campaign's networks (${networks.join(', ')})`);
      const publishedAt = link.published_at ? new Date(link.published_at.length === 10 ? `${link.published_at}T00:00:00Z` : link.published_at) : input.published ? now : null;
      return { index, network, externalId: read.externalId, url: read.normalisedUrl, originalUrl: link.url, format: link.format ?? read.format, publishedAt };
    });
    const unique = [...new Map(parsed.map((link) => [`${link.network}|${link.externalId}`, link])).values()];

    const submitted: Array<{ content_id: string; network: string; external_id: string; url: string; outcome: 'created' | 'linked' | 'updated' | 'unchanged' }> = [];
    const platforms = new Map<Network, string>();
    for (const link of unique) {
      let platformId = platforms.get(link.network);
      if (!platformId) {
        const platform = await ctx.db.creatorPlatform.findFirst({ where: { creatorId: creator.id, network: toDbNetwork(link.network) }, select: { id: true } })
          ?? await ctx.db.creatorPlatform.create({ data: { organizationId: ctx.orgId, creatorId: creator.id, network: toDbNetwork(link.network), handle: creator.handle, metricsSource: 'manual' }, select: { id: true } });
        platformId = platform.id;
        platforms.set(link.network, platformId);
      }
      // By the post id, else by the URL (a synced row keyed by the platform's own id for the same post).
      const existing = await ctx.db.creatorContent.findFirst({ where: { creatorPlatformId: platformId, externalId: link.externalId } })
        ?? await ctx.db.creatorContent.findFirst({ where: { creatorPlatformId: platformId, url: { in: [link.url, link.originalUrl] } }, orderBy: { id: 'asc' } });
      if (existing && existing.campaignCreatorId && existing.campaignCreatorId !== assignment.id) {
        throw conflict(`links[${link.index}]: ${link.url} already delivers another campaign assignment (${existing.campaignCreatorId}); a post counts for one assignment.`);
      }
      if (!existing) {
        const created = await ctx.db.creatorContent.create({
          data: {
            organizationId: ctx.orgId, creatorId: creator.id, creatorPlatformId: platformId, externalId: link.externalId, url: link.url,
            format: link.format, publishedAt: link.publishedAt, campaignCreatorId: assignment.id, createdAt: now,
          },
        });
        submitted.push({ content_id: created.id, network: link.network, external_id: link.externalId, url: link.url, outcome: 'created' });
        continue;
      }
      const data: Record<string, unknown> = {};
      if (!existing.campaignCreatorId) data.campaignCreatorId = assignment.id;
      if (!existing.url) data.url = link.url;
      if (link.format && !existing.format) data.format = link.format;
      if (link.publishedAt && !existing.publishedAt) data.publishedAt = link.publishedAt;
      if (Object.keys(data).length) await ctx.db.creatorContent.update({ where: { id: existing.id }, data });
      const outcome = data.campaignCreatorId ? 'linked' : Object.keys(data).length ? 'updated' : 'unchanged';
      submitted.push({ content_id: existing.id, network: link.network, external_id: existing.externalId, url: existing.url ?? link.url, outcome });
    }

    const anyPublished = input.published || unique.some((link) => link.publishedAt !== null);
    const to = nextStatus(assignment.status, anyPublished);
    const statusChanged = to !== assignment.status ? { from: assignment.status, to } : null;
    if (statusChanged) await ctx.db.campaignCreator.update({ where: { id: assignment.id }, data: { status: to } });
    const changed = submitted.filter((row) => row.outcome !== 'unchanged');
    if (changed.length || statusChanged) {
      const what = changed.length ? `${changed.length} content link${changed.length === 1 ? '' : 's'} (${changed.map((row) => row.network).join(', ')})` : 'content';
      await recordCreatorActivity(ctx, { contactIds: [creator.contactId], companyId: campaign.companyId }, 'content_submitted',
        `${await actorName(ctx)} recorded ${what} from ${creatorLabel(creator)} for creator campaign '${campaign.name}'${statusChanged ? `: ${STATUS_LABELS[statusChanged.from]} -> ${STATUS_LABELS[statusChanged.to]}` : ''}`,
        { creator_campaign_id: campaign.id, assignment_id: assignment.id, creator_id: creator.id, content_ids: changed.map((row) => row.content_id), ...(statusChanged ? { from_status: statusChanged.from, to_status: statusChanged.to } : {}) });
    }
    // Live posts on a network connected through Phyllo get their metrics from the next sync: run it now.
    const liveNetworks = [...new Set(unique.filter((link) => link.publishedAt !== null || input.published).map((link) => toDbNetwork(link.network)))];
    const connected = liveNetworks.length
      ? await ctx.db.creatorPlatform.count({ where: { creatorId: creator.id, network: { in: liveNetworks }, connection: 'CONNECTED', phylloAccountId: { not: null } } })
      : 0;
    const settings = phylloSettings();
    const phyllo = Boolean(settings.clientId && settings.clientSecret);
    if (connected > 0 && phyllo) ctx.jobs.enqueue({ name: CREATOR_SYNC_JOB, payload: { organizationId: ctx.orgId, creatorId: creator.id } });
    const metricsSync = connected === 0 ? 'not_connected' as const : phyllo ? 'queued' as const : 'phyllo_not_configured' as const;
    return { ...(await assignmentViewOf(ctx, assignment.id)), links: submitted, status_changed: statusChanged, metrics_sync: metricsSync };
  },
});
