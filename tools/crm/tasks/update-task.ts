import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { actorName } from '../timeline/actor-name.ts';
import { labelOf, memberEmail, memberLabels, resolveMember } from '../timeline/members.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { recordNames, recordRef, requireRecords } from '../timeline/subjects.ts';
import { TASK_PRIORITIES, TASK_STATUSES, onPhrase, requireTask, taskRowOutput, taskRows, taskSubjects } from './task-view.ts';

export const updateTask = defineTool({
  name: 'update_task',
  title: 'Update a task',
  description:
    'Changes a task\'s title, description, due time, assignee (email or "me"), priority, status (OPEN to reopen, CANCELLED; use complete_task to mark it done) or the record it is about; fields left out stay, null clears one. Lands on the timeline.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object({
    task_id: z.string().uuid().describe('The task to change.'),
    title: z.string().trim().min(1).max(300).optional().describe('New title.'),
    description: z.string().trim().max(5000).nullable().optional().describe('New details; null clears them.'),
    due_at: z.iso.datetime({ offset: true }).nullable().optional().describe('New due instant (ISO 8601); null for none.'),
    assignee: memberEmail.nullable().optional().describe('New assignee: an email, "me", or null for nobody.'),
    priority: z.enum(TASK_PRIORITIES).optional().describe('LOW, NORMAL, HIGH or URGENT.'),
    status: z.enum(TASK_STATUSES).optional().describe('OPEN, DONE or CANCELLED.'),
    subject: recordRef.nullable().optional().describe('The company, contact or deal it is about; null for none.'),
  }),
  output: taskRowOutput,
  example: { task_id: '01900000-0000-7000-8000-000000000001', due_at: '2026-12-12T17:00:00Z', priority: 'URGENT' },
  async handler(ctx, input) {
    const task = await requireTask(ctx, input.task_id);
    const { task_id: _taskId, ...fields } = input;
    if (Object.values(fields).every((value) => value === undefined)) throw invalidInput('title', 'give at least one field to change');
    const changes: string[] = [];
    const data: Record<string, unknown> = {};
    if (input.title !== undefined && input.title !== task.title) { changes.push(`renamed from '${task.title}'`); data.title = input.title; }
    if (input.description !== undefined && input.description !== task.description) { changes.push('description changed'); data.description = input.description; }
    if (input.due_at !== undefined) {
      const due = input.due_at === null ? null : new Date(input.due_at);
      if (due?.getTime() !== task.dueAt?.getTime()) {
        changes.push(due ? `due ${due.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'no due time');
        data.dueAt = due;
      }
    }
    if (input.assignee !== undefined) {
      const assigneeId = input.assignee === null ? null : await resolveMember(ctx, 'assignee', input.assignee, true);
      if (assigneeId !== task.assigneeId) {
        const people = await memberLabels(ctx, [assigneeId]);
        changes.push(`assigned to ${labelOf(people, assigneeId) ?? 'nobody'}`);
        data.assigneeId = assigneeId;
      }
    }
    if (input.priority !== undefined && input.priority !== task.priority) { changes.push(`priority ${input.priority.toLowerCase()}`); data.priority = input.priority; }
    if (input.status !== undefined && input.status !== task.status) {
      changes.push(input.status === 'OPEN' ? 'reopened' : input.status === 'DONE' ? 'marked done' : 'cancelled');
      data.status = input.status;
      data.completedAt = input.status === 'DONE' ? ctx.now() : null;
    }
    if (input.subject !== undefined && (input.subject?.type ?? null) + (input.subject?.id ?? '') !== (task.subjectType ?? null) + (task.subjectId ?? '')) {
      const names = input.subject ? await requireRecords(ctx, [input.subject]) : new Map<string, string>();
      changes.push(input.subject ? `now about ${input.subject.type} '${names.get(`${input.subject.type}:${input.subject.id}`)}'` : 'no longer about a record');
      data.subjectType = input.subject?.type ?? null;
      data.subjectId = input.subject?.id ?? null;
    }
    if (!changes.length) return (await taskRows(ctx, [task]))[0]!;
    const updated = await ctx.db.task.update({ where: { id: task.id }, data });
    const names = await recordNames(ctx, updated.subjectType && updated.subjectId ? [{ type: updated.subjectType, id: updated.subjectId }] : []);
    await recordActivity(ctx, {
      // The record it was about before hears of it too when the task moved away from it.
      subjects: [...taskSubjects(updated), ...taskSubjects(task)],
      kind: 'task_updated',
      summary: `${await actorName(ctx)} updated task '${updated.title}'${onPhrase(updated, names)}: ${changes.join('; ')}`,
      data: { task_id: task.id, changed: Object.keys(data) },
    });
    return (await taskRows(ctx, [updated]))[0]!;
  },
});
