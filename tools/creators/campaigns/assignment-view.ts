import { z } from 'zod';
import type { AssignmentStatus, CreatorNetwork } from '../../../db/generated/prisma/enums.ts';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import { isoDay, money, todayIn } from '../../common/format.ts';
import type { ToolContext } from '../../registry/context.ts';
import { fromDbNetwork } from '../networks.ts';
import { ASSIGNMENT_STATUSES, STATUS_LABELS } from './campaign-common.ts';

export const deliveryLineOutput = z.object({
  network: z.string(),
  format: z.string(),
  agreed: z.number().describe('Pieces agreed.'),
  submitted: z.number().describe('Pieces submitted (drafts and published ones).'),
  published: z.number(),
  due_on: z.string().nullable(),
  overdue: z.boolean().describe('Due before today and not all published.'),
});

export const assignmentOutput = z.object({
  assignment_id: z.string(),
  creator_campaign_id: z.string(),
  creator_campaign_name: z.string(),
  creator_id: z.string(),
  creator_name: z.string(),
  handle: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  status_label: z.string(),
  fee: z.number().describe('In currency.'),
  currency: z.string(),
  notes: z.string().nullable(),
  deliverables: z.array(deliveryLineOutput),
  agreed: z.number().describe('Pieces agreed over all deliverables.'),
  submitted: z.number(),
  published: z.number(),
  delivered: z.boolean().describe('Every agreed piece is published.'),
  next_due_on: z.string().nullable().describe('Earliest due date of a deliverable not yet all published.'),
  overdue: z.boolean().describe('A deliverable is past due and not all published (declined and paid assignments never are).'),
  content: z.array(z.object({ content_id: z.string(), network: z.string(), url: z.string().nullable(), format: z.string().nullable(), published_at: z.string().nullable() })),
  paid: z.object({ payment_id: z.string(), amount: z.number(), currency: z.string(), paid_at: z.string(), approval_id: z.string() }).nullable(),
  assigned_at: z.string(),
});
export type AssignmentView = z.infer<typeof assignmentOutput>;

const INCLUDE = {
  campaign: { select: { name: true } },
  creator: { select: { handle: true, contact: { select: { name: true } } } },
  deliverables: { orderBy: [{ dueOn: 'asc' as const }, { id: 'asc' as const }] },
  contents: { select: { id: true, url: true, format: true, publishedAt: true, platform: { select: { network: true } } }, orderBy: { id: 'asc' as const } },
  payment: true,
} satisfies Prisma.CampaignCreatorInclude;

/** Assignments as campaign_creators, the campaign page and the assignment tools show them, oldest first. */
export async function loadAssignmentViews(ctx: Pick<ToolContext, 'db' | 'org' | 'now'>, where: Prisma.CampaignCreatorWhereInput): Promise<AssignmentView[]> {
  const rows = await ctx.db.campaignCreator.findMany({ where, include: INCLUDE, orderBy: { id: 'asc' } });
  const today = todayIn(ctx.org.timeZone, ctx.now());
  return rows.map((row) => assignmentView(row, today));
}

export async function assignmentViewOf(ctx: Pick<ToolContext, 'db' | 'org' | 'now'>, assignmentId: string): Promise<AssignmentView> {
  const [view] = await loadAssignmentViews(ctx, { id: assignmentId });
  if (!view) throw new Error(`assignment ${assignmentId} vanished`);
  return view;
}

type Row = Prisma.CampaignCreatorGetPayload<{ include: typeof INCLUDE }>;

function assignmentView(row: Row, today: Date): AssignmentView {
  const lines = deliveryLines(
    row.deliverables,
    row.contents.map((content) => ({ network: content.platform.network, format: content.format, publishedAt: content.publishedAt })),
    today,
    row.status,
  );
  const sum = (key: 'agreed' | 'submitted' | 'published') => lines.reduce((total, line) => total + line[key], 0);
  const pending = lines.filter((line) => line.published < line.agreed && line.due_on !== null).map((line) => line.due_on!).sort();
  return {
    assignment_id: row.id,
    creator_campaign_id: row.campaignId,
    creator_campaign_name: row.campaign.name,
    creator_id: row.creatorId,
    creator_name: row.creator.contact.name,
    handle: row.creator.handle,
    status: row.status,
    status_label: STATUS_LABELS[row.status],
    fee: money(Number(row.fee)),
    currency: row.currency,
    notes: row.notes,
    deliverables: lines,
    agreed: sum('agreed'),
    submitted: sum('submitted'),
    published: sum('published'),
    delivered: lines.every((line) => line.published >= line.agreed),
    next_due_on: pending[0] ?? null,
    overdue: lines.some((line) => line.overdue),
    content: row.contents.map((content) => ({
      content_id: content.id, network: fromDbNetwork(content.platform.network), url: content.url, format: content.format, published_at: content.publishedAt?.toISOString() ?? null,
    })),
    paid: row.payment
      ? { payment_id: row.payment.id, amount: money(Number(row.payment.amount)), currency: row.payment.currency, paid_at: row.payment.paidAt.toISOString(), approval_id: row.payment.approvalRequestId }
      : null,
    assigned_at: row.createdAt.toISOString(),
  };
}

interface DeliverableRow { network: CreatorNetwork; format: string; count: number; dueOn: Date | null }
interface ContentRow { network: CreatorNetwork; format: string | null; publishedAt: Date | null }

/**
 * Which agreed line each piece of content delivers: published pieces first, then drafts; a piece
 * goes to a line of its network and format with room left, else any line of its network with room,
 * else (over-delivery) the first line of its network and format, else of its network. Content on a
 * network with no deliverable counts nowhere.
 */
export function deliveryLines(deliverables: readonly DeliverableRow[], contents: readonly ContentRow[], today: Date, status: AssignmentStatus) {
  const lines = deliverables.map((deliverable) => ({
    network: deliverable.network, format: deliverable.format.toLowerCase(), agreed: deliverable.count, submitted: 0, published: 0, dueOn: deliverable.dueOn,
  }));
  const ordered = [...contents].sort((a, b) => Number(b.publishedAt !== null) - Number(a.publishedAt !== null));
  for (const content of ordered) {
    const format = content.format?.toLowerCase() ?? null;
    const sameNetwork = lines.filter((line) => line.network === content.network);
    const line = sameNetwork.find((candidate) => candidate.format === format && candidate.submitted < candidate.agreed)
      ?? sameNetwork.find((candidate) => candidate.submitted < candidate.agreed)
      ?? sameNetwork.find((candidate) => candidate.format === format)
      ?? sameNetwork[0];
    if (!line) continue;
    line.submitted += 1;
    if (content.publishedAt) line.published += 1;
  }
  const closed = status === 'DECLINED' || status === 'PAID';
  return lines.map((line) => ({
    network: fromDbNetwork(line.network),
    format: line.format,
    agreed: line.agreed,
    submitted: line.submitted,
    published: line.published,
    due_on: line.dueOn ? isoDay(line.dueOn) : null,
    overdue: !closed && line.dueOn !== null && line.dueOn < today && line.published < line.agreed,
  }));
}
