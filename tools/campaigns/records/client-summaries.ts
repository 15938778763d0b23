import type { ToolContext } from '../../registry/context.ts';
import { baseCurrencyConverter } from '../../money/fx.ts';
import { addTotals, EMPTY_TOTALS, loadCampaignTotals, type CampaignTotals } from './campaign-totals.ts';

/** What a client's campaigns add up to, as of a date; money in the organisation's base currency. */
export interface ClientSummary {
  campaigns: number;
  active: number;
  paused: number;
  completed: number;
  /** Sum of the campaigns' entered budgets (campaigns without one count as 0). */
  totalBudget: number;
  totals: CampaignTotals;
}

export interface ClientSummaries {
  byClient: Map<string, ClientSummary>;
  /** Each of those clients' campaigns' own totals. */
  byCampaign: Map<string, CampaignTotals>;
}

export async function loadClientSummaries(ctx: ToolContext, clientIds: readonly string[], asOf: Date): Promise<ClientSummaries> {
  const summaries = new Map<string, ClientSummary>(
    clientIds.map((id) => [id, { campaigns: 0, active: 0, paused: 0, completed: 0, totalBudget: 0, totals: EMPTY_TOTALS }]),
  );
  if (clientIds.length === 0) return { byClient: summaries, byCampaign: new Map() };
  const campaigns = await ctx.db.campaignGroup.findMany({
    where: { clientId: { in: [...clientIds] } },
    select: { id: true, clientId: true, status: true, totalBudget: true, currency: true },
  });
  const [totals, toBase] = await Promise.all([
    loadCampaignTotals(ctx, campaigns.map((campaign) => campaign.id), asOf),
    baseCurrencyConverter(ctx.db, ctx.org.baseCurrency, campaigns.filter((campaign) => campaign.totalBudget !== null).map((campaign) => campaign.currency), asOf),
  ]);
  for (const campaign of campaigns) {
    const summary = summaries.get(campaign.clientId)!;
    summary.campaigns += 1;
    if (campaign.status === 'ACTIVE') summary.active += 1;
    if (campaign.status === 'PAUSED') summary.paused += 1;
    if (campaign.status === 'COMPLETED') summary.completed += 1;
    if (campaign.totalBudget !== null) summary.totalBudget += toBase(Number(campaign.totalBudget), campaign.currency);
    summary.totals = addTotals(summary.totals, totals.get(campaign.id) ?? EMPTY_TOTALS);
  }
  return { byClient: summaries, byCampaign: totals };
}
