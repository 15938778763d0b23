import { z } from 'zod';
import type { Task } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { notFound } from '../../registry/errors.ts';
import { labelOf, memberLabels } from '../timeline/members.ts';
import { describeRef, recordNames, recordRefOutput } from '../timeline/subjects.ts';

export const TASK_STATUSES = ['OPEN', 'DONE', 'CANCELLED'] as const;
export const TASK_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;

export const taskRowOutput = z.object({
  task_id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  due_at: z.string().nullable(),
  overdue: z.boolean().describe('Open and past due.'),
  status: z.enum(TASK_STATUSES),
  priority: z.enum(TASK_PRIORITIES),
  assignee: z.string().nullable().describe("The assignee's name or email."),
  subject: recordRefOutput.nullable().describe('The record the task is about.'),
  completed_at: z.string().nullable(),
  created_by: z.string().nullable(),
});
export type TaskRow = z.infer<typeof taskRowOutput>;

export function isOverdue(task: Pick<Task, 'status' | 'dueAt'>, now: Date): boolean {
  return task.status === 'OPEN' && task.dueAt !== null && task.dueAt < now;
}

/** Tasks as outputs show them: people and records by name (two queries for the whole list). */
export async function taskRows(ctx: Pick<ToolContext, 'db' | 'now'>, tasks: readonly Task[]): Promise<TaskRow[]> {
  const [people, names] = await Promise.all([
    memberLabels(ctx, tasks.flatMap((task) => [task.assigneeId, task.createdById])),
    recordNames(ctx, tasks.flatMap((task) => (task.subjectType && task.subjectId ? [{ type: task.subjectType, id: task.subjectId }] : []))),
  ]);
  const now = ctx.now();
  return tasks.map((task) => ({
    task_id: task.id,
    title: task.title,
    description: task.description,
    due_at: task.dueAt?.toISOString() ?? null,
    overdue: isOverdue(task, now),
    status: task.status,
    priority: task.priority,
    assignee: labelOf(people, task.assigneeId),
    subject: task.subjectType && task.subjectId ? describeRef(names, task.subjectType, task.subjectId) : null,
    completed_at: task.completedAt?.toISOString() ?? null,
    created_by: labelOf(people, task.createdById),
  }));
}

export async function requireTask(ctx: Pick<ToolContext, 'db'>, taskId: string): Promise<Task> {
  const task = await ctx.db.task.findUnique({ where: { id: taskId } });
  if (!task) throw notFound('task', taskId);
  return task;
}

/** The timeline subjects of a task event: the task and the record it is about. */
export function taskSubjects(task: Pick<Task, 'id' | 'subjectType' | 'subjectId'>) {
  return [
    { type: 'task' as const, id: task.id },
    ...(task.subjectType && task.subjectId ? [{ type: task.subjectType as 'company' | 'contact' | 'deal', id: task.subjectId }] : []),
  ];
}

/** " on deal 'Spring tour'" for summaries. */
export function onPhrase(task: Pick<Task, 'subjectType' | 'subjectId'>, names: ReadonlyMap<string, string>): string {
  if (!task.subjectType || !task.subjectId) return '';
  return ` on ${task.subjectType} '${names.get(`${task.subjectType}:${task.subjectId}`) ?? '(deleted)'}'`;
}
