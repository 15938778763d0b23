import { z } from 'zod';
import type { ToolDb } from '../registry/tenant-scope.ts';
import { emailsOf } from '../access/user-emails.ts';

/** How an approval request appears in tool output. */
export const approvalView = z.object({
  id: z.string(),
  action: z.string().describe('The tool that runs once approved.'),
  status: z.enum(['pending', 'approved', 'rejected', 'executing', 'executed', 'failed']),
  preview: z.string(),
  requested_by: z.string().nullable().describe('Email of the requester.'),
  requested_via: z.string(),
  requested_at: z.string(),
  decided_by: z.string().nullable(),
  decided_at: z.string().nullable(),
  comment: z.string().nullable(),
  executed_at: z.string().nullable(),
  error: z.string().nullable(),
  change_note: z.string().nullable().describe('Set when the request went back to pending because what it acts on changed after it was approved: what changed (also at the start of the preview).'),
});
export type ApprovalView = z.infer<typeof approvalView>;

interface ApprovalRow {
  id: string;
  action: string;
  status: string;
  preview: string;
  requestedById: string;
  requestedVia: string;
  createdAt: Date;
  decidedById: string | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  executedAt: Date | null;
  error: string | null;
  changeNote: string | null;
}

/** Turns rows into views, resolving requester and decider emails in one query. */
export async function toApprovalViews(db: ToolDb, rows: ApprovalRow[]): Promise<ApprovalView[]> {
  const email = await emailsOf(db, rows.flatMap((row) => [row.requestedById, row.decidedById]));
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    status: row.status.toLowerCase() as ApprovalView['status'],
    preview: row.preview,
    requested_by: email.get(row.requestedById) ?? null,
    requested_via: row.requestedVia.toLowerCase(),
    requested_at: row.createdAt.toISOString(),
    decided_by: row.decidedById ? (email.get(row.decidedById) ?? null) : null,
    decided_at: row.decidedAt?.toISOString() ?? null,
    comment: row.decisionComment,
    executed_at: row.executedAt?.toISOString() ?? null,
    error: row.error,
    change_note: row.changeNote,
  }));
}
