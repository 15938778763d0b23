import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { isoDate, isoDay, resolveAsOf } from '../../common/format.ts';
import { detectMilestones } from './milestone-detection.ts';

/** The job that announces milestones; ingest_scraped_data queues it once new scrapes are stored. */
export const CAMPAIGN_MILESTONES_JOB = 'milestones.campaigns';

const KINDS = { GOAL_REACHED: 'goal_reached', UNDER_DELIVERY: 'under_delivery', DROPPED_FROM_PLAYLIST: 'dropped_from_playlist' } as const;

const milestone = z.object({
  kind: z.enum(['goal_reached', 'under_delivery', 'dropped_from_playlist']),
  campaign_id: z.string(),
  campaign_name: z.string(),
  salesperson: z.string().nullable().describe("The campaign's salesperson as entered (an email reaches them in Slack)."),
  placement_id: z.string().nullable(),
  message: z.string(),
});

/**
 * Finds the milestones campaigns reached and stores the new ones: each has a key (the event), and
 * a row is inserted only if its key is absent, so however often or concurrently this runs, a
 * milestone is returned, and so announced, once. Only the milestones job runs it.
 */
export const recordCampaignMilestones = defineTool({
  name: 'record_campaign_milestones',
  title: 'Record campaign milestones',
  description:
    'Records milestones of active campaigns as of a date (goal reached; a placement under the delivery line at three scrapes in a row; a song dropped from a vendor playlist) and returns those never recorded before. Run by the milestones job after each scrape import.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  surfaces: ['JOB'],
  hints: { idempotent: true },
  input: z.object({ as_of: isoDate.optional().describe('Date of the figures (YYYY-MM-DD). Default: today.') }),
  output: z.object({ as_of: z.string(), fired: z.array(milestone).describe('Milestones reached for the first time, to announce.'), already_recorded: z.int().min(0) }),
  example: {},
  async handler(ctx, input) {
    const asOf = resolveAsOf(input.as_of, ctx.org.timeZone, ctx.now());
    const candidates = await detectMilestones(ctx, asOf);
    // Most candidates were recorded by an earlier run (12,859 at 10,000 songs with weekly scrapes):
    // only the others are sent. The unique key still decides between concurrent runs.
    const recorded = new Set((await ctx.db.campaignMilestone.findMany({
      where: { campaignGroupId: { in: [...new Set(candidates.map((candidate) => candidate.campaignGroupId))] } },
      select: { key: true },
    })).map((row) => row.key));
    const fresh = candidates.filter((candidate) => !recorded.has(candidate.key));
    const stored = fresh.length
      ? await ctx.db.campaignMilestone.createManyAndReturn({
          data: fresh.map((candidate) => ({ organizationId: ctx.orgId, occurredAt: ctx.now(), ...candidate })),
          skipDuplicates: true,
          select: { kind: true, campaignGroupId: true, placementId: true, message: true },
        })
      : [];
    const campaigns = await ctx.db.campaignGroup.findMany({ where: { id: { in: [...new Set(stored.map((row) => row.campaignGroupId))] } }, select: { id: true, name: true, salesperson: true } });
    const byId = new Map(campaigns.map((campaign) => [campaign.id, campaign]));
    return {
      as_of: isoDay(asOf),
      fired: stored.map((row) => ({
        kind: KINDS[row.kind],
        campaign_id: row.campaignGroupId,
        campaign_name: byId.get(row.campaignGroupId)?.name ?? '',
        salesperson: byId.get(row.campaignGroupId)?.salesperson ?? null,
        placement_id: row.placementId,
        message: row.message,
      })),
      already_recorded: candidates.length - stored.length,
    };
  },
});
