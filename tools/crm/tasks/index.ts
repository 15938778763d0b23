import type { AnyTool } from '../../registry/define-tool.ts';
import { completeTask } from './complete-task.ts';
import { createTask } from './create-task.ts';
import { getTask } from './get-task.ts';
import { listTasks } from './list-tasks.ts';
import { updateTask } from './update-task.ts';

/** CRM tasks: to-dos about a company, contact or deal, with an assignee and a due time. */
export const TASK_TOOLS: AnyTool[] = [createTask, updateTask, completeTask, listTasks, getTask];
