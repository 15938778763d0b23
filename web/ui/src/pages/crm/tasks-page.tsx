import { useState } from 'react';
import type { ToolInput, ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { plural } from '../../components/format.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { MorePagesFooter, useMorePages } from '../../components/more-pages.tsx';
import { Segmented } from '../../components/segmented.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { FormLink } from '../../forms/form-link.tsx';
import { CrmTabs } from './crm-parts.tsx';
import { TaskList } from './task-list.tsx';

type Whose = 'mine' | 'all';
type Input = ToolInput<'list_tasks'>;

/**
 * Open CRM tasks, mine or everyone's, overdue and due soon highlighted, each done with one click.
 * The list restarts from its first page whenever that page's tasks change (a task done).
 */
export default function TasksPage() {
  const [whose, setWhose] = useState<Whose>('mine');
  const input: Input = { limit: 50, ...(whose === 'mine' ? { assignee: 'me' } : {}) };
  const first = useTool('list_tasks', input);
  return (
    <>
      <PageHeader title="Tasks" subtitle="Open follow-ups about companies, contacts and deals. Overdue tasks also appear in their assignee's daily digest." actions={<FormLink tool="create_task" primary>New task</FormLink>} />
      <CrmTabs />
      <Panel title={whose === 'mine' ? 'My open tasks' : 'All open tasks'}>
        <div className="page-actions filters">
          <Segmented label="Whose tasks" options={[{ value: 'mine', label: 'Mine' }, { value: 'all', label: 'Everyone' }]} value={whose} onChange={setWhose} />
        </div>
        <Loaded result={first} label="Loading tasks">
          {(page) => <TaskPages key={`${JSON.stringify(input)}:${page.rows.map((task) => task.task_id).join()}`} input={input} first={page} onChanged={first.reload} />}
        </Loaded>
      </Panel>
    </>
  );
}

function TaskPages({ input, first, onChanged }: { input: Input; first: ToolOutput<'list_tasks'>; onChanged(): void }) {
  const pages = useMorePages('list_tasks', input, first);
  if (!pages.rows.length) return <Empty title="No open tasks.">Nothing to follow up right now.</Empty>;
  const overdue = pages.rows.filter((task) => task.overdue).length;
  return (
    <>
      {overdue ? <p className="bad small">{plural(overdue, 'task')} overdue.</p> : null}
      <TaskList tasks={pages.rows} onChanged={onChanged} />
      <MorePagesFooter pages={pages} />
    </>
  );
}
