import { z } from 'zod';
import type { DealStage } from '../../../db/generated/prisma/enums.ts';
import type { ToolContext } from '../../registry/context.ts';
import { notFound } from '../../registry/errors.ts';

export const DEAL_STAGES = ['LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'] as const satisfies readonly DealStage[];
export const OPEN_STAGES = ['LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION'] as const satisfies readonly DealStage[];
export const CLOSED_STAGES: ReadonlySet<DealStage> = new Set(['CLOSED_WON', 'CLOSED_LOST']);

/** Stage names as people say them ("Proposal", "Closed won"). */
export const STAGE_LABELS: Record<DealStage, string> = {
  LEAD: 'Lead', QUALIFIED: 'Qualified', PROPOSAL: 'Proposal', NEGOTIATION: 'Negotiation', CLOSED_WON: 'Closed won', CLOSED_LOST: 'Closed lost',
};

/** A stage as tools take it: any case, spaces or hyphens for underscores ("closed won" -> CLOSED_WON). */
export const dealStage = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toUpperCase().replace(/[\s-]+/g, '_') : value),
  z.enum(DEAL_STAGES),
);

export const DEFAULT_STAGE_PROBABILITIES: Record<DealStage, number> = { LEAD: 0.1, QUALIFIED: 0.25, PROPOSAL: 0.5, NEGOTIATION: 0.75, CLOSED_WON: 1, CLOSED_LOST: 0 };

/** Organization.settings.crm.stage_probabilities over the defaults. */
export async function loadStageProbabilities(ctx: Pick<ToolContext, 'db' | 'orgId'>): Promise<Record<DealStage, number>> {
  const organization = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { settings: true } });
  const stored = ((organization.settings as { crm?: { stage_probabilities?: Record<string, unknown> } } | null)?.crm?.stage_probabilities ?? {});
  const probabilities = { ...DEFAULT_STAGE_PROBABILITIES };
  for (const stage of DEAL_STAGES) {
    const value = stored[stage];
    if (typeof value === 'number' && value >= 0 && value <= 1) probabilities[stage] = value;
  }
  return probabilities;
}

/** A deal of this organisation (archived too), else not_found. */
export async function requireDeal(ctx: Pick<ToolContext, 'db'>, dealId: string) {
  const deal = await ctx.db.deal.findUnique({ where: { id: dealId } });
  if (!deal) throw notFound('deal', dealId);
  return deal;
}

/** The company must exist in this organisation; returns its name. */
export async function requireCompany(ctx: Pick<ToolContext, 'db'>, companyId: string): Promise<string> {
  const company = await ctx.db.company.findUnique({ where: { id: companyId }, select: { name: true } });
  if (!company) throw notFound('company', companyId);
  return company.name;
}

/** The contacts must exist in this organisation. */
export async function requireContacts(ctx: Pick<ToolContext, 'db'>, contactIds: readonly string[]): Promise<void> {
  const wanted = [...new Set(contactIds)];
  if (!wanted.length) return;
  const found = new Set((await ctx.db.contact.findMany({ where: { id: { in: wanted } }, select: { id: true } })).map((row) => row.id));
  const missing = wanted.find((id) => !found.has(id));
  if (missing) throw notFound('contact', missing);
}

/** "5,000.00 USD" for summaries. */
export function amountPhrase(amount: number | null, currency: string): string {
  return amount === null ? `no amount (${currency})` : `${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

export const dealAmount = z.number().min(0).max(1e15).describe('Deal value in `currency` (two decimals kept).');
