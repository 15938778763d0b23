import { useState } from 'react';
import { useTool } from '../../api/use-tool.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { Link } from '../../router.tsx';
import { DashboardEditor } from './dashboard-editor.tsx';
import { readingOrder } from './dashboard-layout.ts';
import { WidgetCard } from './dashboard-widget.tsx';
import { VISIBILITY_LABELS } from './report-types.ts';
import './reports.css';

/** /reports/dashboards/:id: the widgets on a 12-column grid, each run now; Edit to add, size and order them. */
export default function DashboardPage({ params }: { params: Record<string, string> }) {
  const dashboard = useTool('get_dashboard', { dashboard_id: params.id!, run: true });
  const [editing, setEditing] = useState(false);
  return (
    <>
      <p className="back-link"><Link href="/reports">← Reports</Link></p>
      <Loaded result={dashboard} label="Running the dashboard">
        {(data) => (
          <>
            <PageHeader title={data.name} subtitle={<>{data.description ? `${data.description} · ` : ''}{VISIBILITY_LABELS[data.visibility]}{data.owner ? ` · ${data.owner.name ?? data.owner.email}` : ''}</>}
              actions={editing ? null : <button type="button" className="button" onClick={() => setEditing(true)}>Edit dashboard</button>} />
            {editing ? (
              <Panel title="Edit widgets" className="panel-spaced">
                <DashboardEditor dashboardId={data.dashboard_id} widgets={data.widgets} onCancel={() => setEditing(false)} onSaved={() => { setEditing(false); dashboard.reload(); }} />
              </Panel>
            ) : null}
            {data.widgets.length ? (
              <div className="dashboard-grid">
                {readingOrder(data.widgets).map((widget) => <WidgetCard key={widget.id} widget={widget} />)}
              </div>
            ) : <Empty title="No widgets yet">Edit the dashboard to add a saved report.</Empty>}
          </>
        )}
      </Loaded>
    </>
  );
}
