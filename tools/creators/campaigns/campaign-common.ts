import { z } from 'zod';
import type { AssignmentStatus, CampaignObjective, MarketingCampaignStatus } from '../../../db/generated/prisma/enums.ts';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import { amountText } from '../../common/display-figures.ts';
import { isoDay } from '../../common/format.ts';
import { fxSegmentsWithGaps, type FxSegment } from '../../money/fx.ts';
import type { ToolContext } from '../../registry/context.ts';
import { missing } from '../../campaigns/records/lookups.ts';
import { recordActivity } from '../../crm/timeline/record-activity.ts';

export const OBJECTIVES = [
  'AWARENESS', 'REACH', 'TRAFFIC', 'ENGAGEMENT', 'APP_INSTALLS', 'VIDEO_VIEWS', 'LEAD_GENERATION', 'CONVERSIONS', 'CATALOG_SALES', 'STORE_TRAFFIC',
] as const satisfies readonly CampaignObjective[];
export const CAMPAIGN_STATUSES = ['DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED'] as const satisfies readonly MarketingCampaignStatus[];
export const ASSIGNMENT_STATUSES = [
  'INVITED', 'ACCEPTED', 'DECLINED', 'CONTENT_SUBMITTED', 'CONTENT_APPROVED', 'PUBLISHED', 'PAID',
] as const satisfies readonly AssignmentStatus[];

/** An enum value as people type it: any case, spaces or hyphens for underscores ("video views" -> VIDEO_VIEWS). */
function loose<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase().replace(/[\s-]+/g, '_') : value), z.enum(values));
}
export const objectiveInput = loose(OBJECTIVES).describe(`What the campaign is for: ${OBJECTIVES.join(', ')}.`);
export const campaignStatusInput = loose(CAMPAIGN_STATUSES).describe(`${CAMPAIGN_STATUSES.join(', ')}.`);
export const assignmentStatusInput = loose(ASSIGNMENT_STATUSES).describe(`${ASSIGNMENT_STATUSES.join(', ')}.`);

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  INVITED: 'Invited', ACCEPTED: 'Accepted', DECLINED: 'Declined', CONTENT_SUBMITTED: 'Content submitted',
  CONTENT_APPROVED: 'Content approved', PUBLISHED: 'Published', PAID: 'Paid',
};

/** Statuses whose fee the campaign has committed to (an invitation is an offer; a decline commits nothing). */
export const COMMITTED: ReadonlySet<AssignmentStatus> = new Set(['ACCEPTED', 'CONTENT_SUBMITTED', 'CONTENT_APPROVED', 'PUBLISHED', 'PAID']);

/** Money amounts in inputs: positive or zero, two decimals at most. */
export const moneyAmount = z
  .number()
  .finite()
  .min(0, 'must not be negative')
  .max(1e13, 'must be at most 10,000,000,000,000')
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, 'use at most two decimal places');

export const formatInput = z.string().trim().toLowerCase().min(1, 'must not be empty').max(40).describe('post, reel, video, short, story, live...');

/** A creator campaign of this organisation, else not_found naming the field. */
export async function requireCreatorCampaign(ctx: Pick<ToolContext, 'db'>, id: string, field = 'creator_campaign_id') {
  const campaign = await ctx.db.campaign.findUnique({ where: { id } });
  if (!campaign) throw missing(field, 'creator campaign', id);
  return campaign;
}

/** An assignment with its campaign and creator (name from the contact), else not_found. */
export async function requireAssignment(ctx: Pick<ToolContext, 'db'>, id: string, field = 'assignment_id') {
  const assignment = await ctx.db.campaignCreator.findUnique({
    where: { id },
    include: { campaign: true, creator: { select: { id: true, handle: true, contactId: true, feeRanges: true, contact: { select: { name: true } } } }, deliverables: { orderBy: { id: 'asc' } } },
  });
  if (!assignment) throw missing(field, 'assignment', id);
  return assignment;
}
export type LoadedAssignment = Awaited<ReturnType<typeof requireAssignment>>;

export async function requireCreator(ctx: Pick<ToolContext, 'db'>, id: string, field = 'creator_id') {
  const creator = await ctx.db.creator.findUnique({ where: { id }, include: { contact: { select: { name: true } } } });
  if (!creator) throw missing(field, 'creator', id);
  return creator;
}

/** "Mila Moves (@mila.moves)". */
export function creatorLabel(creator: { handle: string; contact: { name: string } }): string {
  return `${creator.contact.name} (@${creator.handle})`;
}

/**
 * One event on the timeline of the creator's contact and, when the campaign has one, its company:
 * the CRM's history of who was booked, paid and what they delivered.
 */
export async function recordCreatorActivity(
  ctx: Pick<ToolContext, 'db' | 'orgId' | 'actor' | 'now'>,
  on: { contactIds: readonly string[]; companyId: string | null },
  kind: string,
  summary: string,
  data: Prisma.InputJsonObject,
): Promise<void> {
  const subjects = [
    ...on.contactIds.map((id) => ({ type: 'contact' as const, id })),
    ...(on.companyId ? [{ type: 'company' as const, id: on.companyId }] : []),
  ];
  if (subjects.length) await recordActivity(ctx, { subjects, kind, summary, data });
}

export function amountOrNone(value: number | null, currency: string): string {
  return value === null ? 'no budget' : amountText(value, currency);
}

/** The network budgets as stored ({TIKTOK: 5000}) read back with lower-case keys. */
export function networkBudgets(stored: Prisma.JsonValue): Record<string, number> {
  const out: Record<string, number> = {};
  if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
    for (const [key, value] of Object.entries(stored)) if (typeof value === 'number') out[key.toLowerCase()] = value;
  }
  return out;
}

/**
 * Converts amounts between currencies at a given instant, through the organisation's base currency
 * and the FX rates on or before that day (tools/money). A missing rate gives null, never 1:1.
 */
export interface Converter {
  convert(amount: number, from: string, to: string, at: Date): number | null;
  missingNote(from: string, to: string, at: Date): string;
}

export async function converterFor(ctx: Pick<ToolContext, 'db' | 'org'>, uses: Iterable<{ currency: string; at: Date }>): Promise<Converter> {
  const earliest = new Map<string, Date>();
  for (const use of uses) {
    const seen = earliest.get(use.currency);
    if (!seen || use.at < seen) earliest.set(use.currency, use.at);
  }
  const { segments } = await fxSegmentsWithGaps(ctx.db, ctx.org.baseCurrency, ctx.org.timeZone, earliest);
  const toBase = (currency: string, at: Date) => (currency === ctx.org.baseCurrency ? 1 : segmentRate(segments, currency, at));
  return {
    convert(amount, from, to, at) {
      if (from === to) return amount;
      const a = toBase(from, at);
      const b = toBase(to, at);
      return a === null || b === null || b === 0 ? null : (amount * a) / b;
    },
    missingNote: (from, to, at) => `No exchange rate between ${from} and ${to} (through ${ctx.org.baseCurrency}) on or before ${isoDay(at)}; add one with set_fx_rate.`,
  };
}

function segmentRate(segments: readonly FxSegment[], currency: string, at: Date): number | null {
  const segment = segments.find((s) => s.currency === currency && (!s.from || s.from <= at) && (!s.to || at < s.to));
  return segment ? segment.rate : null;
}
