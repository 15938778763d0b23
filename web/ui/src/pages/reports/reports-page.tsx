import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useTool } from '../../api/use-tool.ts';
import { useApi } from '../../auth/session.tsx';
import { formatInstant } from '../../components/format.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { MorePagesFooter, useMorePages } from '../../components/more-pages.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { CATEGORY_LABELS, VISIBILITY_LABELS } from './report-types.ts';
import type { ToolOutput } from '../../api/tool-types.ts';
import './reports.css';

type ReportList = ToolOutput<'list_reports'>;
type Category = keyof typeof CATEGORY_LABELS & ('campaign_performance' | 'asset_roi' | 'customer_journey' | 'roas_analysis');

/** /reports: saved reports (filter by category), the template library, dashboards and the metric catalogue. */
export default function ReportsPage() {
  const { query } = useLocation();
  const category = (query.get('category') ?? '') as Category | '';
  const reports = useTool('list_reports', category ? { category, limit: 50 } : { limit: 50 });
  return (
    <>
      <PageHeader title="Reports" subtitle="Saved reports, templates to start from, and dashboards."
        actions={<>
          <Link className="button" href="/reports/metrics">Metric catalogue</Link>
          <Link className="button button-primary" href="/reports/new">New report</Link>
        </>} />
      <Panel title="Saved reports">
        <label className="field field-narrow"><span>Category</span>
          <select value={category} onChange={(event) => navigate(event.target.value ? `/reports?category=${event.target.value}` : '/reports', { replace: true })}>
            <option value="">All categories</option>
            {Object.entries(CATEGORY_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <Loaded result={reports} label="Loading reports">
          {(first) => <SavedReports key={category} first={first} input={category ? { category, limit: 50 } : { limit: 50 }} />}
        </Loaded>
      </Panel>
      <div className="grid grid-2 spaced-top">
        <Templates />
        <Dashboards />
      </div>
    </>
  );
}

function SavedReports({ first, input }: { first: ReportList; input: { category?: Category; limit: number } }) {
  const pages = useMorePages('list_reports', input, first);
  if (!pages.rows.length) return <Empty title="No saved reports yet">Build one with New report, or copy a template below.</Empty>;
  return (
    <>
      <TableScroll label="Saved reports">
        <table className="reports-table">
          <thead><tr><th scope="col">Name</th><th scope="col">Category</th><th scope="col">Visibility</th><th scope="col">Owner</th><th scope="col">Updated</th></tr></thead>
          <tbody>
            {pages.rows.map((report) => (
              <tr key={report.report_id}>
                <th scope="row" className="cell-title"><Link href={`/reports/${report.report_id}`}>{report.name}</Link>
                  {report.description ? <div className="muted small cell-sub">{report.description}</div> : null}</th>
                <td>{CATEGORY_LABELS[report.category] ?? report.category}</td>
                <td><span className={`badge badge-visibility-${report.visibility}`}>{VISIBILITY_LABELS[report.visibility]}</span></td>
                <td>{report.owner?.name ?? report.owner?.email ?? '—'}</td>
                <td className="nowrap">{formatInstant(report.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <MorePagesFooter pages={pages} />
    </>
  );
}

function Templates() {
  const templates = useTool('list_report_templates', {});
  return (
    <Panel title="Template library" description="Copy a template into the builder, change it, save it as yours.">
      <Loaded result={templates} label="Loading templates">
        {({ templates: all }) => (
          <ul className="plain-list card-list">
            {all.map((template) => (
              <li key={template.key}>
                <div className="row-between">
                  <strong>{template.name}</strong>
                  <span className="badge">{CATEGORY_LABELS[template.category] ?? template.category}</span>
                </div>
                <p className="muted small flush">{template.description}</p>
                {template.copyable
                  ? <Link className="button card-action" href={`/reports/new?template=${encodeURIComponent(template.key)}`} aria-label={`Copy template ${template.name}`}>Copy template</Link>
                  : <p className="muted small flush">Runs {template.tool.replace('_', ' ')}; ask the assistant for it.</p>}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Panel>
  );
}

function Dashboards() {
  const dashboards = useTool('list_dashboards', { limit: 50 });
  const api = useApi();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setError(null);
    try {
      const created = await api.callTool('create_dashboard', { name: name.trim(), widgets: [] });
      navigate(`/reports/dashboards/${created.dashboard_id}`);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    }
  };
  return (
    <Panel title="Dashboards" description="Saved reports side by side on one page.">
      <Loaded result={dashboards} label="Loading dashboards">
        {({ rows }) => rows.length ? (
          <ul className="plain-list card-list">
            {rows.map((dashboard) => (
              <li key={dashboard.dashboard_id}>
                <div className="row-between">
                  <Link href={`/reports/dashboards/${dashboard.dashboard_id}`}><strong>{dashboard.name}</strong></Link>
                  <span className={`badge badge-visibility-${dashboard.visibility}`}>{VISIBILITY_LABELS[dashboard.visibility]}</span>
                </div>
                <p className="muted small flush">{dashboard.widgets} widget{dashboard.widgets === 1 ? '' : 's'} · updated {formatInstant(dashboard.updated_at)}</p>
              </li>
            ))}
          </ul>
        ) : <Empty title="No dashboards yet" />}
      </Loaded>
      <form className="inline-form" onSubmit={(event) => { event.preventDefault(); if (name.trim()) void create(); }}>
        <label className="field"><span>New dashboard</span><input value={name} maxLength={120} placeholder="Weekly overview" onChange={(event) => setName(event.target.value)} /></label>
        <button type="submit" className="button" disabled={!name.trim()}>Create</button>
      </form>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </Panel>
  );
}
