import { z } from 'zod';
import type { CampaignStatus, Prisma } from '../../../db/generated/prisma/client.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { isoDate, isoDay, resolveAsOf } from '../../common/format.ts';
import { EMPTY_TOTALS, loadCampaignTotals, promiseFigures, streamsFigures, toPromiseFigures, toStreamsFigures } from './campaign-totals.ts';
import { CAMPAIGN_STATUSES, campaignView, toCampaignView } from './campaign-view.ts';
import { EXAMPLE_ID, idInput } from './inputs.ts';
import { requireClient } from './lookups.ts';
import { containsText } from '../../common/contains-text.ts';

const row = campaignView
  .pick({ id: true, name: true, client: true, artist_name: true, status: true, invoice_status: true, start_date: true, total_budget: true, currency: true, salesperson: true })
  .extend(streamsFigures.shape)
  .extend(promiseFigures.shape);

export const listCampaigns = defineTool({
  name: 'list_campaigns',
  title: 'List campaigns',
  description:
    'Playlist campaigns, newest first: client, artist, status, start date, budget (in its currency), goal, streams delivered on vendor playlists vs promised to date (delivery rate), real last-7/28-days streams and progress as of a date. Search by campaign or artist name; filter by client, salesperson, status.',
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  keywords: ['active campaigns', 'running', 'paused', 'all campaigns', 'find a campaign'],
  input: z.object({
    search: z.string().trim().min(1).optional().describe('Part of the campaign or artist name (case-insensitive).'),
    client_id: idInput.optional().describe('Only this client\'s campaigns.'),
    salesperson: z.string().trim().min(1).optional().describe('Only campaigns whose salesperson contains this (case-insensitive).'),
    status: z.enum([...CAMPAIGN_STATUSES, 'any']).default('any').describe('active, paused, completed or any.'),
    as_of: isoDate.optional().describe('Date of the stream figures (YYYY-MM-DD); later scrapes are ignored. Default: today.'),
    ...pageInput,
  }),
  output: z.object({ as_of: z.string(), rows: z.array(row), next_cursor: nextCursorOutput }),
  example: { client_id: EXAMPLE_ID, status: 'active' },
  async handler(ctx, input) {
    const asOf = resolveAsOf(input.as_of, ctx.org.timeZone, ctx.now());
    if (input.client_id) await requireClient(ctx.db, input.client_id);
    const query = pageQuery(input);
    const where: Prisma.CampaignGroupWhereInput = {
      ...(input.search
        ? { OR: [{ name: containsText(input.search) }, { artistName: containsText(input.search) }] }
        : {}),
      ...(input.client_id ? { clientId: input.client_id } : {}),
      ...(input.salesperson ? { salesperson: containsText(input.salesperson) } : {}),
      ...(input.status === 'any' ? {} : { status: input.status.toUpperCase() as CampaignStatus }),
      ...query.idAfter,
    };
    const campaigns = await ctx.db.campaignGroup.findMany({
      where,
      include: { client: { select: { id: true, name: true } } },
      take: query.take,
      orderBy: query.orderBy,
    });
    const page = toPage(campaigns, input.limit);
    const totals = await loadCampaignTotals(ctx, page.rows.map((campaign) => campaign.id), asOf);
    return {
      as_of: isoDay(asOf),
      rows: page.rows.map((campaign) => {
        const { end_date: _end, created_at: _created, ...view } = toCampaignView(campaign);
        const campaignTotals = totals.get(campaign.id) ?? EMPTY_TOTALS;
        return { ...view, ...toStreamsFigures(campaignTotals), ...toPromiseFigures(campaignTotals) };
      }),
      next_cursor: page.nextCursor,
    };
  },
});
