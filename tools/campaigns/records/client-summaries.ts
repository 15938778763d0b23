import type { ToolContext } from '../../registry/context.ts';
import { baseCurrencyConverter } from '../../money/fx.ts';
import { NO_PLAYS, type GroupPlays } from '../delivery/song-plays.ts';
import { addTotals, EMPTY_TOTALS, loadCampaignFigures, type CampaignTotals } from './campaign-totals.ts';

/** What a client's campaigns add up to, as of a date; money in the organisation's base currency. */
export interface ClientSummary {
  campaigns: number;
  active: number;
  paused: number;
  completed: number;
  /** Sum of the campaigns' entered budgets (campaigns without one count as 0). */
  totalBudget: number;
  /** Its campaigns' placement figures added up (vendor-delivered streams). */
  totals: CampaignTotals;
  /** Its songs' own plays, each song once however many campaigns placed it (the specification's client query). */
  plays: GroupPlays;
}

export interface ClientSummaries {
  byClient: Map<string, ClientSummary>;
  /** Each of those clients' campaigns' own totals. */
  byCampaign: Map<string, CampaignTotals>;
}

export async function loadClientSummaries(ctx: ToolContext, clientIds: readonly string[], asOf: Date): Promise<ClientSummaries> {
  const summaries = new Map<string, ClientSummary>(
    clientIds.map((id) => [id, { campaigns: 0, active: 0, paused: 0, completed: 0, totalBudget: 0, totals: EMPTY_TOTALS, plays: NO_PLAYS }]),
  );
  if (clientIds.length === 0) return { byClient: summaries, byCampaign: new Map() };
  const campaigns = await ctx.db.campaignGroup.findMany({
    where: { clientId: { in: [...clientIds] } },
    select: { id: true, clientId: true, status: true, totalBudget: true, currency: true },
  });
  // The client's songs' plays come from the campaign figures' own query: its placements are exactly those of these clients' campaigns.
  const [{ totals, clientPlays: plays }, toBase] = await Promise.all([
    loadCampaignFigures(ctx, campaigns.map((campaign) => campaign.id), asOf, { clientPlays: true }),
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
  for (const [clientId, summary] of summaries) summary.plays = plays.get(clientId) ?? NO_PLAYS;
  return { byClient: summaries, byCampaign: totals };
}
