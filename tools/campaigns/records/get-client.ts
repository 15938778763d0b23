import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { isoDate, isoDay, money, resolveAsOf } from '../../common/format.ts';
import { EMPTY_TOTALS, streamsFigures, toStreamsFigures } from './campaign-totals.ts';
import { CAMPAIGN_STATUSES, INVOICE_STATUSES } from './campaign-view.ts';
import { loadClientSummaries } from './client-summaries.ts';
import { clientView, toClientView } from './client-view.ts';
import { EXAMPLE_ID, idInput } from './inputs.ts';
import { requireClient } from './lookups.ts';

/** Enough for a person to read; list_campaigns with client_id pages through the rest. */
const MAX_CAMPAIGNS = 100;

const campaignRow = z.object({
  id: z.string(),
  name: z.string(),
  artist_name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  invoice_status: z.enum(INVOICE_STATUSES),
  start_date: z.string(),
  total_budget: z.number().nullable(),
  currency: z.string(),
  ...streamsFigures.shape,
});

export const getClient = defineTool({
  name: 'get_client',
  title: 'Get a client',
  description:
    'One client: contact details, campaign counts (active, paused, completed), total budget and streams delivered (organisation currency), and its campaigns (newest first, up to 100) with goal, delivered and progress as of a date.',
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  input: z.object({
    client_id: idInput.describe('Id of the client.'),
    as_of: isoDate.optional().describe('Date of the stream figures (YYYY-MM-DD). Default: today.'),
  }),
  output: z.object({
    as_of: z.string(),
    currency: z.string(),
    client: clientView,
    campaigns_count: z.object({ total: z.number(), active: z.number(), paused: z.number(), completed: z.number() }),
    total_budget: z.number().describe('Sum of its campaigns\' budgets, in currency.'),
    streams_delivered: z.number().describe('Streams delivered: its songs\' own last-28-days plays, each song once, from its latest scrape on or before as_of (the specification\'s client query).'),
    vendor_delivered_streams: z.number().describe('Streams (12 months) on the vendors\' playlists over all its campaigns: what the vendors delivered.'),
    campaigns: z.array(campaignRow),
    more_campaigns: z.boolean().describe('True when only the newest 100 campaigns are listed.'),
  }),
  example: { client_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const asOf = resolveAsOf(input.as_of, ctx.org.timeZone, ctx.now());
    const client = await requireClient(ctx.db, input.client_id);
    const [{ byClient, byCampaign }, campaigns] = await Promise.all([
      loadClientSummaries(ctx, [client.id], asOf),
      ctx.db.campaignGroup.findMany({ where: { clientId: client.id }, orderBy: { id: 'desc' }, take: MAX_CAMPAIGNS + 1 }),
    ]);
    const summary = byClient.get(client.id)!;
    return {
      as_of: isoDay(asOf),
      currency: ctx.org.baseCurrency,
      client: toClientView(client),
      campaigns_count: { total: summary.campaigns, active: summary.active, paused: summary.paused, completed: summary.completed },
      total_budget: money(summary.totalBudget),
      streams_delivered: summary.plays.plays28d,
      vendor_delivered_streams: summary.totals.delivered,
      campaigns: campaigns.slice(0, MAX_CAMPAIGNS).map((campaign) => ({
        id: campaign.id,
        name: campaign.name,
        artist_name: campaign.artistName,
        status: campaign.status.toLowerCase() as (typeof CAMPAIGN_STATUSES)[number],
        invoice_status: campaign.invoiceStatus.toLowerCase() as (typeof INVOICE_STATUSES)[number],
        start_date: isoDay(campaign.startDate),
        total_budget: campaign.totalBudget === null ? null : money(Number(campaign.totalBudget)),
        currency: campaign.currency,
        ...toStreamsFigures(byCampaign.get(campaign.id) ?? EMPTY_TOTALS),
      })),
      more_campaigns: campaigns.length > MAX_CAMPAIGNS,
    };
  },
});
