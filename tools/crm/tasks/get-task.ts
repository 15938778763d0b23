import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { requireTask, taskRowOutput, taskRows } from './task-view.ts';

export const getTask = defineTool({
  name: 'get_task',
  title: 'Get a task',
  description: 'One task: title, description, due time and whether it is overdue, status, priority, assignee, the record it is about, who created it and when.',
  area: 'crm',
  access: 'read',
  permission: 'crm:read',
  input: z.object({ task_id: z.string().uuid().describe('The task.') }),
  output: taskRowOutput.extend({ created_at: z.string(), updated_at: z.string() }),
  example: { task_id: '01900000-0000-7000-8000-000000000001' },
  async handler(ctx, input) {
    const task = await requireTask(ctx, input.task_id);
    return { ...(await taskRows(ctx, [task]))[0]!, created_at: task.createdAt.toISOString(), updated_at: task.updatedAt.toISOString() };
  },
});
