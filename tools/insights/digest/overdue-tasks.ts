import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { labelOf, memberLabels } from '../../crm/timeline/members.ts';
import { recordNames } from '../../crm/timeline/subjects.ts';

const MS_PER_DAY = 86_400_000;
/** At most this many tasks per assignee (the most overdue first); `count` says how many there are. */
const TASKS_PER_ASSIGNEE = 20;

export const overdueTasksOutput = z.array(z.object({
  assignee: z.string().nullable().describe("The assignee's name or email; null for tasks nobody is assigned."),
  assignee_email: z.string().nullable().describe('Where to send their part of the digest.'),
  count: z.int().min(1),
  tasks: z.array(z.object({
    task_id: z.string(), title: z.string(), due_at: z.string(), days_overdue: z.int().min(0),
    priority: z.string(), about: z.string().nullable().describe('"deal \'Spring tour\'": the record the task is about.'),
  })).describe(`The most overdue first; at most ${TASKS_PER_ASSIGNEE}.`),
}));
export type OverdueTasks = z.infer<typeof overdueTasksOutput>;

/** Open CRM tasks past due now, grouped by assignee (most overdue assignees' tasks first, by name). */
export async function overdueTasksByAssignee(ctx: Pick<ToolContext, 'db' | 'now'>): Promise<OverdueTasks> {
  const now = ctx.now();
  const tasks = await ctx.db.task.findMany({ where: { status: 'OPEN', dueAt: { lt: now } }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }], take: 2000 });
  if (!tasks.length) return [];
  const [people, emails, names] = await Promise.all([
    memberLabels(ctx, tasks.map((task) => task.assigneeId)),
    ctx.db.membership.findMany({ where: { userId: { in: [...new Set(tasks.flatMap((task) => (task.assigneeId ? [task.assigneeId] : [])))] } }, select: { userId: true, user: { select: { email: true } } } }),
    recordNames(ctx, tasks.flatMap((task) => (task.subjectType && task.subjectId ? [{ type: task.subjectType, id: task.subjectId }] : []))),
  ]);
  const emailOf = new Map(emails.map((row) => [row.userId, row.user.email]));
  const groups = new Map<string, OverdueTasks[number]>();
  for (const task of tasks) {
    const key = task.assigneeId ?? '';
    const group = groups.get(key) ?? { assignee: labelOf(people, task.assigneeId), assignee_email: task.assigneeId ? (emailOf.get(task.assigneeId) ?? null) : null, count: 0, tasks: [] };
    groups.set(key, group);
    group.count += 1;
    if (group.tasks.length < TASKS_PER_ASSIGNEE) {
      group.tasks.push({
        task_id: task.id, title: task.title, due_at: task.dueAt!.toISOString(), days_overdue: Math.floor((now.getTime() - task.dueAt!.getTime()) / MS_PER_DAY),
        priority: task.priority,
        about: task.subjectType && task.subjectId ? `${task.subjectType} '${names.get(`${task.subjectType}:${task.subjectId}`) ?? '(deleted)'}'` : null,
      });
    }
  }
  return [...groups.values()].sort((a, b) => (a.assignee === null ? 1 : b.assignee === null ? -1 : a.assignee.localeCompare(b.assignee)));
}
