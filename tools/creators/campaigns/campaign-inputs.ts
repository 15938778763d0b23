import { z } from 'zod';
import { amountText } from '../../common/display-figures.ts';
import { isoDate, parseDay } from '../../common/format.ts';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput } from '../../registry/errors.ts';
import { missing } from '../../campaigns/records/lookups.ts';
import { networkInput, NETWORKS, type Network } from '../networks.ts';
import { moneyAmount } from './campaign-common.ts';

export const campaignNameInput = z.string().trim().min(1, 'must not be empty').max(200).describe('What people call the campaign, e.g. "Silver Rush – TikTok push".');
export const networksInput = z.array(networkInput).min(1, 'name at least one network').max(NETWORKS.length).describe('The networks the campaign runs on.');
export const budgetInput = moneyAmount.describe('Total budget, in currency.');
export const networkBudgetsInput = z
  .record(z.string(), moneyAmount)
  .describe('Budget allocated per network, in currency: {"tiktok": 5000, "instagram": 3000}. The allocations must not add up to more than budget.');
export const dayInput = isoDate.describe('YYYY-MM-DD.');

/** The campaign's shape once an input is applied to what is stored: checked as a whole. */
export interface CampaignShape {
  networks: Network[];
  budget: number | null;
  currency: string;
  networkBudgets: Record<string, number>;
  startsOn: string | null;
  endsOn: string | null;
}

/**
 * Network budgets keyed by network names as tools speak them; unknown names are refused naming the
 * key. Allocated networks must be campaign networks, the allocations must fit the budget (a budget
 * is needed to allocate), and the campaign must not end before it starts.
 */
export function checkCampaignShape(shape: CampaignShape): Record<string, number> {
  const allocations: Record<string, number> = {};
  for (const [key, amount] of Object.entries(shape.networkBudgets)) {
    const parsed = networkInput.safeParse(key);
    if (!parsed.success) throw invalidInput(`network_budgets.${key}`, `is not a network (${NETWORKS.join(', ')})`);
    if (!shape.networks.includes(parsed.data)) {
      throw invalidInput(`network_budgets.${key}`, `${parsed.data} is not among the campaign's networks (${shape.networks.join(', ')}); add it to networks or drop its allocation`);
    }
    allocations[parsed.data] = (allocations[parsed.data] ?? 0) + amount;
  }
  const allocated = Object.values(allocations).reduce((sum, amount) => sum + amount, 0);
  if (allocated > 0 && shape.budget === null) throw invalidInput('budget', 'give a budget to allocate network_budgets from');
  if (shape.budget !== null && Math.round(allocated * 100) > Math.round(shape.budget * 100)) {
    throw invalidInput('network_budgets', `allocations add up to ${amountText(allocated, shape.currency)}, more than the budget of ${amountText(shape.budget, shape.currency)}`);
  }
  if (shape.startsOn && shape.endsOn && shape.endsOn < shape.startsOn) throw invalidInput('ends_on', `${shape.endsOn} is before starts_on ${shape.startsOn}`);
  return allocations;
}

/** Stored as {TIKTOK: 5000}, like the enum. */
export function storedBudgets(allocations: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(allocations).map(([network, amount]) => [network.toUpperCase(), amount]));
}

export function dayOrNull(value: string | null | undefined, field: string): Date | null {
  return value ? parseDay(value, field) : null;
}

/** The company, client and release a campaign names must exist here; returns their names for the timeline. */
export async function requireLinks(ctx: Pick<ToolContext, 'db'>, links: { company_id?: string | null; client_id?: string | null; release_id?: string | null }) {
  const company = links.company_id ? await ctx.db.company.findUnique({ where: { id: links.company_id }, select: { name: true } }) : null;
  if (links.company_id && !company) throw missing('company_id', 'company', links.company_id);
  const client = links.client_id ? await ctx.db.client.findUnique({ where: { id: links.client_id }, select: { name: true } }) : null;
  if (links.client_id && !client) throw missing('client_id', 'client', links.client_id);
  const release = links.release_id ? await ctx.db.release.findUnique({ where: { id: links.release_id }, select: { title: true } }) : null;
  if (links.release_id && !release) throw missing('release_id', 'release', links.release_id);
  return { company: company?.name ?? null, client: client?.name ?? null, release: release?.title ?? null };
}
