import { z } from 'zod';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import { parseDay } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { networkInput, toDbNetwork } from '../networks.ts';
import { campaignStatusInput } from './campaign-common.ts';
import { dayInput, requireLinks } from './campaign-inputs.ts';
import { campaignOutput, campaignViews, withoutNetworks } from './campaign-view.ts';

export const listCreatorCampaigns = defineTool({
  name: 'list_creator_campaigns',
  title: 'List creator campaigns',
  keywords: ['influencer campaigns', 'creator campaigns running', 'campaign budget left', 'creator spend'],
  description:
    'Creator (influencer) campaigns, newest first, each with budget, committed fees, invited fees, paid, remaining budget, creators booked and delivery progress (pieces published of agreed, creators overdue), in the campaign currency. Filter by status, network, company, client, or active on a date (started and not ended that day). Playlist campaigns are list_campaigns.',
  area: 'creators',
  access: 'read',
  permission: 'creators:read',
  input: z.object({
    status: z.array(campaignStatusInput).max(5).optional().describe('Only these statuses.'),
    network: networkInput.optional().describe('Only campaigns running on this network.'),
    company_id: z.string().uuid().optional(),
    client_id: z.string().uuid().optional(),
    active_on: dayInput.optional().describe('Only campaigns running that day (YYYY-MM-DD): started on or before it, not ended before it, not cancelled or draft.'),
    ...pageInput,
  }),
  output: z.object({ rows: z.array(campaignOutput), next_cursor: nextCursorOutput }),
  example: { status: ['ACTIVE'], network: 'tiktok', active_on: '2026-12-15' },
  async handler(ctx, input) {
    await requireLinks(ctx, input);
    const where: Prisma.CampaignWhereInput = {
      ...(input.status ? { status: { in: input.status } } : {}),
      ...(input.network ? { networks: { has: toDbNetwork(input.network) } } : {}),
      ...(input.company_id ? { companyId: input.company_id } : {}),
      ...(input.client_id ? { clientId: input.client_id } : {}),
    };
    if (input.active_on) {
      const day = parseDay(input.active_on, 'active_on');
      where.AND = [
        { OR: [{ startsOn: null }, { startsOn: { lte: day } }] },
        { OR: [{ endsOn: null }, { endsOn: { gte: day } }] },
        { status: { notIn: ['CANCELLED', 'DRAFT'] } },
      ];
    }
    const query = pageQuery(input);
    const campaigns = await ctx.db.campaign.findMany({ where: { ...where, ...query.idAfter }, take: query.take, orderBy: query.orderBy });
    const page = toPage(campaigns, input.limit);
    const views = await campaignViews(ctx, page.rows);
    return { rows: views.map(withoutNetworks), next_cursor: page.nextCursor };
  },
});
