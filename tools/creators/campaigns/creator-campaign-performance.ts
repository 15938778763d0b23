import { z } from 'zod';
import { money, rate } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { COMMITTED, converterFor, requireCreatorCampaign } from './campaign-common.ts';

const figures = {
  content: z.number().describe('Pieces of content linked to the assignment(s).'),
  views: z.number(),
  likes: z.number(),
  comments: z.number(),
  shares: z.number(),
  saves: z.number(),
  engagement: z.number().describe('likes + comments + shares + saves.'),
  engagement_rate: z.number().nullable().describe('engagement / views, 0..1; null without views.'),
  fee: z.number().nullable().describe('In the campaign currency (converted at the assignment date); null when no rate converts it.'),
  cost_per_view: z.number().nullable().describe('fee / views, in the campaign currency, 4 decimals.'),
  cost_per_engagement: z.number().nullable().describe('fee / engagement, in the campaign currency, 4 decimals.'),
};

interface Totals { content: number; views: number; likes: number; comments: number; shares: number; saves: number; fee: number | null }

function finish(totals: Totals) {
  const engagement = totals.likes + totals.comments + totals.shares + totals.saves;
  return {
    content: totals.content,
    views: totals.views,
    likes: totals.likes,
    comments: totals.comments,
    shares: totals.shares,
    saves: totals.saves,
    engagement,
    engagement_rate: totals.views > 0 ? rate(engagement / totals.views) : null,
    fee: totals.fee === null ? null : money(totals.fee),
    cost_per_view: totals.fee !== null && totals.views > 0 ? rate(totals.fee / totals.views) : null,
    cost_per_engagement: totals.fee !== null && engagement > 0 ? rate(totals.fee / engagement) : null,
  };
}

export const creatorCampaignPerformance = defineTool({
  name: 'creator_campaign_performance',
  title: 'Creator campaign performance',
  keywords: ['cost per view', 'cpv', 'cost per engagement', 'cpe', 'best creator', 'which creator performed', 'campaign views', 'influencer roi'],
  description:
    "How a creator campaign's content performed, per creator and in total: pieces of content, views, likes, comments, shares, saves, engagement (likes + comments + shares + saves), engagement rate (engagement / views), the fee in the campaign currency (converted at the assignment date), cost per view and cost per engagement. Counts accepted (and later) assignments; metrics are the latest synced or imported figures of the linked content. Best cost per view first.",
  area: 'creators',
  access: 'read',
  permission: 'creators:read',
  input: z.object({ creator_campaign_id: z.string().uuid().describe('The creator campaign (list_creator_campaigns).') }),
  output: z.object({
    creator_campaign_id: z.string(),
    name: z.string(),
    currency: z.string(),
    creators: z.array(z.object({ assignment_id: z.string(), creator_id: z.string(), creator_name: z.string(), handle: z.string(), status: z.string(), fee_original: z.object({ amount: z.number(), currency: z.string() }), ...figures })),
    total: z.object(figures),
    notes: z.array(z.string()),
  }),
  example: { creator_campaign_id: '01900000-0000-7000-8000-000000000001' },
  async handler(ctx, input) {
    const campaign = await requireCreatorCampaign(ctx, input.creator_campaign_id);
    const assignments = await ctx.db.campaignCreator.findMany({
      where: { campaignId: campaign.id, status: { in: [...COMMITTED] } },
      include: {
        creator: { select: { handle: true, contact: { select: { name: true } } } },
        contents: { select: { views: true, likes: true, comments: true, shares: true, saves: true } },
      },
      orderBy: { id: 'asc' },
    });
    const converter = await converterFor(ctx, [{ currency: campaign.currency, at: campaign.createdAt }, ...assignments.map((a) => ({ currency: a.currency, at: a.createdAt }))]);
    const notes: string[] = [];
    const total: Totals = { content: 0, views: 0, likes: 0, comments: 0, shares: 0, saves: 0, fee: 0 };
    const rows = assignments.map((assignment) => {
      const sum = (key: 'views' | 'likes' | 'comments' | 'shares' | 'saves') => assignment.contents.reduce((acc, content) => acc + Number(content[key] ?? 0n), 0);
      const fee = converter.convert(Number(assignment.fee), assignment.currency, campaign.currency, assignment.createdAt);
      if (fee === null) notes.push(`${assignment.creator.contact.name}: ${converter.missingNote(assignment.currency, campaign.currency, assignment.createdAt)} Their fee and costs are left out of the total.`);
      const own: Totals = { content: assignment.contents.length, views: sum('views'), likes: sum('likes'), comments: sum('comments'), shares: sum('shares'), saves: sum('saves'), fee };
      total.content += own.content;
      total.views += own.views;
      total.likes += own.likes;
      total.comments += own.comments;
      total.shares += own.shares;
      total.saves += own.saves;
      if (fee !== null && total.fee !== null) total.fee += fee;
      return {
        assignment_id: assignment.id, creator_id: assignment.creatorId, creator_name: assignment.creator.contact.name, handle: assignment.creator.handle, status: assignment.status,
        fee_original: { amount: money(Number(assignment.fee)), currency: assignment.currency },
        ...finish(own),
      };
    });
    rows.sort((a, b) => (a.cost_per_view ?? Infinity) - (b.cost_per_view ?? Infinity) || a.creator_name.localeCompare(b.creator_name));
    return { creator_campaign_id: campaign.id, name: campaign.name, currency: campaign.currency, creators: rows, total: finish(total), notes };
  },
});
