import { z } from 'zod';
import type { ToolContext } from '../registry/context.ts';
import { approvalSummary, storedSummary } from '../registry/approval-summary.ts';
import { surfaceWords } from './surface-words.ts';
import { outcomeWords } from './outcome-words.ts';

/** How an approval request appears in tool output. */
export const approvalView = z.object({
  id: z.string(),
  action: z.string().describe('The tool that runs once approved.'),
  status: z.enum(['pending', 'approved', 'rejected', 'executing', 'executed', 'failed']),
  preview: z.string(),
  summary: approvalSummary.nullable().describe('The request as an approver reads it: headline, amount, campaign, songs, evidence; null for requests filed before summaries.'),
  requested_by: z.string().nullable().describe('Email of the requester.'),
  requested_by_name: z.string().nullable().describe("The requester's name, when known."),
  requested_by_you: z.boolean().describe('The caller filed it: another approver must decide it.'),
  requested_via: z.string(),
  requested_via_label: z.string().describe('The surface as people name it ("Slack", "the web app").'),
  requested_at: z.string(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  comment: z.string().nullable(),
  executed_at: z.string().nullable(),
  outcome: z.string().nullable().describe('What the executed action did, in words ("Payment of 283.26 USD recorded on 20 Nov 2026.").'),
  error: z.string().nullable(),
  change_note: z.string().nullable().describe('Set when the request went back to pending because what it acts on changed after it was approved: what changed (also at the start of the preview).'),
});
export type ApprovalView = z.infer<typeof approvalView>;

interface ApprovalRow {
  id: string;
  action: string;
  status: string;
  preview: string;
  summary: unknown;
  requestedById: string;
  requestedVia: string;
  createdAt: Date;
  decidedById: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  executedAt: Date | null;
  result: unknown;
  error: string | null;
  changeNote: string | null;
}

type ViewContext = Pick<ToolContext, 'db' | 'catalogue' | 'actor'>;

/** Turns rows into views, resolving requesters and deciders in one query. */
export async function toApprovalViews(ctx: ViewContext, rows: ApprovalRow[]): Promise<ApprovalView[]> {
  const people = await peopleOf(ctx, rows.flatMap((row) => [row.requestedById, row.decidedById]));
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    status: row.status.toLowerCase() as ApprovalView['status'],
    preview: row.preview,
    summary: storedSummary(row.summary),
    requested_by: people.get(row.requestedById)?.email ?? null,
    requested_by_name: people.get(row.requestedById)?.name ?? null,
    requested_by_you: row.requestedById === ctx.actor.userId,
    requested_via: row.requestedVia.toLowerCase(),
    requested_via_label: surfaceWords(row.requestedVia),
    requested_at: row.createdAt.toISOString(),
    decided_by: row.decidedById ? (people.get(row.decidedById)?.email ?? null) : null,
    decided_at: row.decidedAt?.toISOString() ?? null,
    comment: row.decisionComment,
    executed_at: row.executedAt?.toISOString() ?? null,
    outcome: row.status === 'EXECUTED' ? outcomeWords(ctx.catalogue, row.action, row.result) : null,
    error: row.error,
    change_note: row.changeNote,
  }));
}

async function peopleOf(ctx: ViewContext, userIds: Array<string | null>): Promise<Map<string, { email: string; name: string | null }>> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const users = await ctx.db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } });
  return new Map(users.map((user) => [user.id, { email: user.email, name: user.name }]));
}
