import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { useApi } from '../../auth/session.tsx';
import { formatInstant } from '../../components/format.ts';
import { Panel } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { Link } from '../../router.tsx';
import { enumLabel, recordHref, type RecordType } from './crm-parts.tsx';

export type TaskRow = ToolOutput<'list_tasks'>['rows'][number];

const DAY = 86_400_000;

/** Overdue (open, past due), due within a day, or neither: what the list highlights. */
export function dueTone(task: TaskRow, now = Date.now()): 'overdue' | 'due' | null {
  if (task.overdue) return 'overdue';
  if (task.status === 'OPEN' && task.due_at && Date.parse(task.due_at) - now < DAY) return 'due';
  return null;
}

/** Tasks with their due time (overdue and due soon highlighted) and a one-click "Done". */
export function TaskList({ tasks, onChanged, showSubject = true }: { tasks: readonly TaskRow[]; onChanged(): void; showSubject?: boolean }) {
  const api = useApi();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function complete(task: TaskRow) {
    setBusy(task.task_id);
    try {
      await api.callTool('complete_task', { task_id: task.task_id });
      onChanged();
    } catch (failure) {
      setErrors((shown) => ({ ...shown, [task.task_id]: failure instanceof ApiError ? failure.message : String(failure) }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <ul className="crm-tasks">
      {tasks.map((task) => {
        const tone = dueTone(task);
        const href = task.subject ? recordHref(task.subject.type, task.subject.id) : null;
        return (
          <li key={task.task_id} className={`crm-task${tone ? ` crm-task-${tone}` : ''}`}>
            <div className="crm-task-main">
              <p className="crm-task-title">
                {task.title}
                {task.priority === 'HIGH' || task.priority === 'URGENT' ? <span className="badge badge-high">{enumLabel(task.priority)}</span> : null}
                {tone === 'overdue' ? <span className="badge badge-rejected">Overdue</span> : tone === 'due' ? <span className="badge badge-pending">Due soon</span> : null}
              </p>
              <p className="muted small">
                {task.due_at ? `Due ${formatInstant(task.due_at)}` : 'No due date'}
                {task.assignee ? ` · ${task.assignee}` : ' · unassigned'}
                {showSubject && task.subject ? <> · {href ? <Link href={href}>{task.subject.name}</Link> : task.subject.name}</> : null}
              </p>
              {errors[task.task_id] ? <p className="bad small" role="alert">{errors[task.task_id]}</p> : null}
            </div>
            {task.status === 'OPEN' ? (
              <button type="button" className="button" disabled={busy === task.task_id} onClick={() => void complete(task)} aria-label={`Mark '${task.title}' done`}>Done</button>
            ) : <span className="badge">{enumLabel(task.status)}</span>}
          </li>
        );
      })}
    </ul>
  );
}

/** A company's, contact's or deal's open tasks, as its page shows them; `onChanged` after one is done. */
export function RecordTasks({ type, id, onChanged }: { type: RecordType; id: string; onChanged(): void }) {
  const tasks = useTool('list_tasks', { subject: { type, id }, limit: 50 });
  return (
    <Panel title="Open tasks">
      <Loaded result={tasks} label="Loading tasks">
        {(page) => page.rows.length ? <TaskList tasks={page.rows} showSubject={false} onChanged={() => { tasks.reload(); onChanged(); }} /> : <Empty title="No open tasks." />}
      </Loaded>
    </Panel>
  );
}
