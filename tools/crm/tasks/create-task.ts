import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { actorName } from '../timeline/actor-name.ts';
import { labelOf, memberEmail, memberLabels, resolveMember } from '../timeline/members.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { recordRef, requireRecords } from '../timeline/subjects.ts';
import { TASK_PRIORITIES, onPhrase, taskRowOutput, taskRows, taskSubjects } from './task-view.ts';

export const createTask = defineTool({
  name: 'create_task',
  title: 'Create a task',
  description:
    'Adds a to-do: title, optional description, due time, assignee (a member\'s email or "me"; default you), priority, and the company, contact or deal it is about. Open tasks past due show as overdue (and in the assignee\'s daily digest). Lands on the timeline of the task and its record.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object({
    title: z.string().trim().min(1).max(300).describe('What to do, e.g. "Send the tour proposal".'),
    description: z.string().trim().max(5000).optional().describe('Details (markdown).'),
    due_at: z.iso.datetime({ offset: true }).optional().describe('When it is due (ISO 8601 instant, e.g. 2026-12-10T17:00:00Z).'),
    assignee: memberEmail.optional().describe('The member who does it: an email, or "me" (default).'),
    priority: z.enum(TASK_PRIORITIES).default('NORMAL').describe('LOW, NORMAL, HIGH or URGENT.'),
    subject: recordRef.optional().describe('The company, contact or deal it is about.'),
  }),
  output: taskRowOutput,
  example: { title: 'Send the tour proposal', due_at: '2026-12-10T17:00:00Z', assignee: 'me', priority: 'HIGH' },
  async handler(ctx, input) {
    const names = input.subject ? await requireRecords(ctx, [input.subject]) : new Map<string, string>();
    const assigneeId = input.assignee ? await resolveMember(ctx, 'assignee', input.assignee, true) : ctx.actor.userId;
    const task = await ctx.db.task.create({
      data: {
        organizationId: ctx.orgId,
        title: input.title,
        description: input.description ?? null,
        dueAt: input.due_at ? new Date(input.due_at) : null,
        assigneeId,
        subjectType: input.subject?.type ?? null,
        subjectId: input.subject?.id ?? null,
        priority: input.priority,
        createdById: ctx.actor.userId,
        createdAt: ctx.now(),
      },
    });
    const people = await memberLabels(ctx, [assigneeId]);
    const assignee = labelOf(people, assigneeId);
    await recordActivity(ctx, {
      subjects: taskSubjects(task),
      kind: 'task_created',
      summary: `${await actorName(ctx)} created task '${task.title}'${onPhrase(task, names)}${assignee ? ` for ${assignee}` : ''}${task.dueAt ? `, due ${task.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}`,
      data: { task_id: task.id, due_at: task.dueAt?.toISOString() ?? null, priority: task.priority },
    });
    return (await taskRows(ctx, [task]))[0]!;
  },
});
