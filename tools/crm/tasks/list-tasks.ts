import { z } from 'zod';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { memberEmail, resolveMember } from '../timeline/members.ts';
import { recordRef, requireRecords } from '../timeline/subjects.ts';
import { TASK_STATUSES, taskRowOutput, taskRows } from './task-view.ts';

export const listTasks = defineTool({
  name: 'list_tasks',
  title: 'List tasks',
  description:
    'Tasks, newest first, filtered by assignee (email or "me"), status (default OPEN), due_before, overdue (open and past due) and the record they are about. Each row says whether it is overdue.',
  area: 'crm',
  access: 'read',
  permission: 'crm:read',
  input: z.object({
    assignee: memberEmail.optional().describe('The assignee\'s email, or "me".'),
    status: z.array(z.enum(TASK_STATUSES)).min(1).default(['OPEN']).describe('Statuses to include (default OPEN).'),
    due_before: z.iso.datetime({ offset: true }).optional().describe('Only tasks due before this instant (ISO 8601).'),
    overdue: z.boolean().optional().describe('true: only open tasks past due; false: only those that are not.'),
    subject: recordRef.optional().describe('Only tasks about this company, contact or deal.'),
    ...pageInput,
  }),
  output: z.object({ rows: z.array(taskRowOutput), next_cursor: nextCursorOutput }),
  keywords: ['to-do', 'todo', 'overdue', 'follow up'],
  example: { assignee: 'me', overdue: true },
  async handler(ctx, input) {
    if (input.subject) await requireRecords(ctx, [input.subject]);
    const assigneeId = input.assignee ? await resolveMember(ctx, 'assignee', input.assignee, true) : undefined;
    if (input.overdue && !input.status.includes('OPEN')) throw invalidInput('overdue', 'only open tasks are overdue; include OPEN in status');
    const now = ctx.now();
    const page = pageQuery(input);
    const due: Prisma.DateTimeNullableFilter = {};
    if (input.due_before) due.lt = new Date(input.due_before);
    if (input.overdue === true) due.lt = due.lt && due.lt < now ? due.lt : now;
    const where: Prisma.TaskWhereInput = {
      ...page.idAfter,
      status: input.overdue === true ? 'OPEN' : { in: input.status },
      ...(assigneeId ? { assigneeId } : {}),
      ...(input.subject ? { subjectType: input.subject.type, subjectId: input.subject.id } : {}),
      ...(Object.keys(due).length ? { dueAt: due } : {}),
      ...(input.overdue === false ? { OR: [{ status: { not: 'OPEN' } }, { dueAt: null }, { dueAt: { gte: now } }] } : {}),
    };
    const found = await ctx.db.task.findMany({ where, take: page.take, orderBy: page.orderBy });
    const { rows, nextCursor } = toPage(found, input.limit);
    return { rows: await taskRows(ctx, rows), next_cursor: nextCursor };
  },
});
