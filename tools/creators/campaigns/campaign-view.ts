import { z } from 'zod';
import type { Campaign } from '../../../db/generated/prisma/client.ts';
import { isoDay, money, todayIn } from '../../common/format.ts';
import type { ToolContext } from '../../registry/context.ts';
import { fromDbNetwork } from '../networks.ts';
import { CAMPAIGN_STATUSES, COMMITTED, converterFor, networkBudgets, OBJECTIVES } from './campaign-common.ts';
import { deliveryLines } from './assignment-view.ts';

const figures = {
  committed: z.number().describe('Fees of accepted (and later) assignments, in the campaign currency at each assignment date.'),
  invited: z.number().describe('Fees offered to creators who have not answered yet.'),
  paid: z.number().describe('Creator payments made, in the campaign currency at each payment date.'),
};

export const campaignOutput = z.object({
  creator_campaign_id: z.string(),
  name: z.string(),
  objective: z.enum(OBJECTIVES),
  status: z.enum(CAMPAIGN_STATUSES),
  networks: z.array(z.string()),
  company: z.object({ company_id: z.string(), name: z.string() }).nullable(),
  client: z.object({ client_id: z.string(), name: z.string() }).nullable(),
  release: z.object({ release_id: z.string(), title: z.string(), artist: z.string() }).nullable(),
  budget: z.number().nullable().describe('In currency; null: no budget set.'),
  currency: z.string(),
  network_budgets: z.record(z.string(), z.number()).describe('Budget allocated per network, in currency.'),
  starts_on: z.string().nullable(),
  ends_on: z.string().nullable(),
  ...figures,
  remaining: z.number().nullable().describe('budget - committed; null without a budget.'),
  creators: z.number().describe('Assignments that are not declined.'),
  delivery: z.object({ agreed: z.number(), published: z.number(), overdue_creators: z.number() }).describe('Pieces agreed and published over all assignments that are not declined.'),
  notes: z.array(z.string()).describe('Fees left out of the figures for want of an exchange rate.'),
});
export type CampaignView = z.infer<typeof campaignOutput>;

export const networkFiguresOutput = z.object({ network: z.string(), budget: z.number().nullable(), ...figures });

/**
 * Campaigns with their money and delivery figures. Fees in another currency are converted into the
 * campaign's at the assignment date (payments at their payment date) through tools/money. Per
 * network, an assignment's fee is split in proportion to the pieces it agreed on each network.
 */
export async function campaignViews(ctx: Pick<ToolContext, 'db' | 'org' | 'now'>, campaigns: readonly Campaign[]) {
  const ids = campaigns.map((campaign) => campaign.id);
  const [assignments, companies, clients, releases] = await Promise.all([
    ctx.db.campaignCreator.findMany({
      where: { campaignId: { in: ids } },
      include: { deliverables: true, payment: true, contents: { select: { format: true, publishedAt: true, platform: { select: { network: true } } } } },
      orderBy: { id: 'asc' },
    }),
    ctx.db.company.findMany({ where: { id: { in: campaigns.flatMap((c) => (c.companyId ? [c.companyId] : [])) } }, select: { id: true, name: true } }),
    ctx.db.client.findMany({ where: { id: { in: campaigns.flatMap((c) => (c.clientId ? [c.clientId] : [])) } }, select: { id: true, name: true } }),
    ctx.db.release.findMany({ where: { id: { in: campaigns.flatMap((c) => (c.releaseId ? [c.releaseId] : [])) } }, select: { id: true, title: true, artistName: true } }),
  ]);
  const currencyOf = new Map(campaigns.map((campaign) => [campaign.id, campaign.currency]));
  const converter = await converterFor(ctx, [
    ...campaigns.map((campaign) => ({ currency: campaign.currency, at: campaign.createdAt })),
    ...assignments.map((a) => ({ currency: a.currency, at: a.createdAt })),
    ...assignments.flatMap((a) => (a.payment ? [{ currency: a.payment.currency, at: a.payment.paidAt }] : [])),
  ]);
  const today = todayIn(ctx.org.timeZone, ctx.now());
  const companyName = new Map(companies.map((row) => [row.id, row.name]));
  const clientName = new Map(clients.map((row) => [row.id, row.name]));
  const releaseOf = new Map(releases.map((row) => [row.id, row]));

  const views = new Map<string, CampaignView & { per_network: Array<z.infer<typeof networkFiguresOutput>> }>();
  for (const campaign of campaigns) {
    const budgets = networkBudgets(campaign.networkBudgets);
    const perNetwork = new Map(campaign.networks.map((network) => {
      const name = fromDbNetwork(network);
      return [name, { network: name, budget: budgets[name] ?? null, committed: 0, invited: 0, paid: 0 }];
    }));
    views.set(campaign.id, {
      creator_campaign_id: campaign.id,
      name: campaign.name,
      objective: campaign.objective,
      status: campaign.status,
      networks: campaign.networks.map(fromDbNetwork),
      company: campaign.companyId ? { company_id: campaign.companyId, name: companyName.get(campaign.companyId) ?? '' } : null,
      client: campaign.clientId ? { client_id: campaign.clientId, name: clientName.get(campaign.clientId) ?? '' } : null,
      release: campaign.releaseId && releaseOf.get(campaign.releaseId)
        ? { release_id: campaign.releaseId, title: releaseOf.get(campaign.releaseId)!.title, artist: releaseOf.get(campaign.releaseId)!.artistName }
        : null,
      budget: campaign.budget === null ? null : money(Number(campaign.budget)),
      currency: campaign.currency,
      network_budgets: budgets,
      starts_on: campaign.startsOn ? isoDay(campaign.startsOn) : null,
      ends_on: campaign.endsOn ? isoDay(campaign.endsOn) : null,
      committed: 0,
      invited: 0,
      paid: 0,
      remaining: null,
      creators: 0,
      delivery: { agreed: 0, published: 0, overdue_creators: 0 },
      notes: [],
      per_network: [...perNetwork.values()],
    });
  }

  for (const assignment of assignments) {
    const view = views.get(assignment.campaignId)!;
    const currency = currencyOf.get(assignment.campaignId)!;
    if (assignment.status === 'DECLINED') continue;
    view.creators += 1;
    const lines = deliveryLines(
      assignment.deliverables,
      assignment.contents.map((content) => ({ network: content.platform.network, format: content.format, publishedAt: content.publishedAt })),
      today,
      assignment.status,
    );
    view.delivery.agreed += lines.reduce((sum, line) => sum + line.agreed, 0);
    view.delivery.published += lines.reduce((sum, line) => sum + line.published, 0);
    if (lines.some((line) => line.overdue)) view.delivery.overdue_creators += 1;

    const fee = converter.convert(Number(assignment.fee), assignment.currency, currency, assignment.createdAt);
    const paid = assignment.payment ? converter.convert(Number(assignment.payment.amount), assignment.payment.currency, currency, assignment.payment.paidAt) : 0;
    if (fee === null) view.notes.push(converter.missingNote(assignment.currency, currency, assignment.createdAt));
    if (paid === null) view.notes.push(converter.missingNote(assignment.payment!.currency, currency, assignment.payment!.paidAt));
    const key = COMMITTED.has(assignment.status) ? 'committed' : 'invited';
    view[key] += fee ?? 0;
    view.paid += paid ?? 0;
    // The fee's share per network: pieces agreed on it over all pieces agreed.
    const pieces = lines.reduce((sum, line) => sum + line.agreed, 0);
    for (const line of lines) {
      const row = view.per_network.find((candidate) => candidate.network === line.network);
      if (!row || pieces === 0) continue;
      row[key] += ((fee ?? 0) * line.agreed) / pieces;
      row.paid += ((paid ?? 0) * line.agreed) / pieces;
    }
  }

  return campaigns.map((campaign) => {
    const view = views.get(campaign.id)!;
    view.notes = [...new Set(view.notes)];
    return {
      ...view,
      committed: money(view.committed),
      invited: money(view.invited),
      paid: money(view.paid),
      remaining: view.budget === null ? null : money(view.budget - view.committed),
      per_network: view.per_network.map((row) => ({ ...row, committed: money(row.committed), invited: money(row.invited), paid: money(row.paid) })),
    };
  });
}

export async function campaignViewOf(ctx: Pick<ToolContext, 'db' | 'org' | 'now'>, campaign: Campaign) {
  const [view] = await campaignViews(ctx, [campaign]);
  return view!;
}

/** The view without its per-network rows (list rows and write answers). */
export function withoutNetworks<View extends { per_network: unknown }>(view: View): Omit<View, 'per_network'> {
  const { per_network: _perNetwork, ...rest } = view;
  return rest;
}
