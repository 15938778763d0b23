import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { recordNames } from '../timeline/subjects.ts';
import { onPhrase, requireTask, taskRowOutput, taskRows, taskSubjects } from './task-view.ts';

export const completeTask = defineTool({
  name: 'complete_task',
  title: 'Complete a task',
  description: 'Marks a task done (a done task stays as it is). Lands on the timeline of the task and its record.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object({ task_id: z.string().uuid().describe('The task that is done.') }),
  output: taskRowOutput,
  hints: { idempotent: true },
  keywords: ['done', 'finish', 'tick off'],
  example: { task_id: '01900000-0000-7000-8000-000000000001' },
  async handler(ctx, input) {
    const task = await requireTask(ctx, input.task_id);
    if (task.status === 'DONE') return (await taskRows(ctx, [task]))[0]!;
    const updated = await ctx.db.task.update({ where: { id: task.id }, data: { status: 'DONE', completedAt: ctx.now() } });
    const names = await recordNames(ctx, task.subjectType && task.subjectId ? [{ type: task.subjectType, id: task.subjectId }] : []);
    await recordActivity(ctx, {
      subjects: taskSubjects(task),
      kind: 'task_done',
      summary: `${await actorName(ctx)} completed task '${task.title}'${onPhrase(task, names)}`,
      data: { task_id: task.id },
    });
    return (await taskRows(ctx, [updated]))[0]!;
  },
});
