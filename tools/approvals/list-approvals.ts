import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../registry/pagination.ts';
import { approvalView, toApprovalViews } from './approval-view.ts';

const STATUSES = ['pending', 'approved', 'rejected', 'executing', 'executed', 'failed'] as const;

export const listApprovals = defineTool({
  name: 'list_approvals',
  title: 'List approval requests',
  description: 'Approval requests (posts, sends, spend waiting for a person), newest first. Filter by status (default pending) or action.',
  area: 'approvals',
  access: 'read',
  permission: 'approvals:read',
  input: z.object({
    status: z.enum([...STATUSES, 'decided', 'any']).default('pending').describe('Which requests to list; "decided" lists every one no longer pending, "any" lists all.'),
    action: z.string().optional().describe('Only requests for this tool name.'),
    ...pageInput,
  }),
  output: z.object({ rows: z.array(approvalView), next_cursor: nextCursorOutput }),
  async handler(ctx, input) {
    const query = pageQuery(input);
    const rows = await ctx.db.approvalRequest.findMany({
      where: {
        ...statusFilter(input.status),
        ...(input.action ? { action: input.action } : {}),
        ...query.idAfter,
      },
      take: query.take,
      orderBy: query.orderBy,
    });
    const page = toPage(rows, input.limit);
    return { rows: await toApprovalViews(ctx, page.rows), next_cursor: page.nextCursor };
  },
});

function statusFilter(status: (typeof STATUSES)[number] | 'decided' | 'any') {
  if (status === 'any') return {};
  if (status === 'decided') return { status: { not: 'PENDING' as const } };
  return { status: status.toUpperCase() as Uppercase<(typeof STATUSES)[number]> };
}
