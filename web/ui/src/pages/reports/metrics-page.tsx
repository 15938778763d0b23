import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useTool } from '../../api/use-tool.ts';
import { useMe } from '../../auth/organization.tsx';
import { useApi } from '../../auth/session.tsx';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Loaded } from '../../components/states.tsx';
import { Link } from '../../router.tsx';
import { DependencyTree } from './dependency-tree.tsx';
import { DescriptionText } from './description-text.tsx';
import { EditFormula } from './edit-formula.tsx';
import { MetricForm } from './metric-form.tsx';
import type { ListedMetric, MetricGroup } from './report-types.ts';
import './reports.css';

const CATEGORY_NAMES: Record<string, string> = { platform: 'Platform', external: 'External', calculated: 'Calculated', attribution: 'Attribution' };
const EDITOR_ROLES = new Set(['ADMIN', 'OWNER']);

/** /reports/metrics: the metric catalogue; admins and owners also define, deactivate and reactivate metrics. */
export default function MetricsPage() {
  const me = useMe();
  const canEdit = EDITOR_ROLES.has(me.role.toUpperCase());
  const library = useTool('list_metrics', { include_inactive: true });
  const [search, setSearch] = useState('');
  return (
    <>
      <p className="back-link"><Link href="/reports">← Reports</Link></p>
      <PageHeader title="Metric catalogue" subtitle={canEdit ? 'Every metric and dimension reports can use; define your own below.' : 'Every metric and dimension reports can use. Only admins and owners change them.'} />
      {canEdit ? (
        <Panel title="Define a metric" description="A calculated metric is a formula over other metrics; a base metric adds up a field of your imported records.">
          <MetricForm onDefined={library.reload} />
        </Panel>
      ) : null}
      <label className="field field-narrow catalogue-search spaced-top"><span>Find a metric</span>
        <input type="search" value={search} placeholder="roas, spend, customers…" onChange={(event) => setSearch(event.target.value)} />
      </label>
      <Loaded result={library} label="Loading the metric library">
        {({ groups }) => (
          <div className="catalogue">
            {matching(groups, search).map((group) => (
              <Panel key={`${group.kind}-${group.category}`} title={`${CATEGORY_NAMES[group.category] ?? group.category} ${group.kind === 'metric' ? 'metrics' : 'dimensions'}`} className="panel-spaced">
                <ul className="plain-list metric-list">
                  {group.metrics.map((metric) => <MetricItem key={metric.key} metric={metric} canEdit={canEdit} onChanged={library.reload} />)}
                </ul>
              </Panel>
            ))}
          </div>
        )}
      </Loaded>
    </>
  );
}

/** Groups narrowed to the metrics whose key, label, aliases or description hold every word searched. */
function matching(groups: readonly MetricGroup[], search: string): MetricGroup[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...groups];
  return groups
    .map((group) => ({ ...group, metrics: group.metrics.filter((metric) => words.every((word) => `${metric.key} ${metric.label} ${metric.description} ${(metric.aliases ?? []).join(' ')}`.toLowerCase().includes(word))) }))
    .filter((group) => group.metrics.length);
}

function MetricItem({ metric, canEdit, onChanged }: { metric: ListedMetric; canEdit: boolean; onChanged(): void }) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggleActive = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.callTool('deactivate_metric', { key: metric.key, reactivate: !metric.active });
      onChanged();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={metric.active ? undefined : 'metric-inactive'}>
      <div className="row-between metric-head">
        <div>
          <strong>{metric.label}</strong> <code>{metric.key}</code>
          {!metric.active ? <span className="badge">Inactive</span> : null}
          {!metric.built_in ? <span className="badge badge-own">Yours</span> : null}
        </div>
      </div>
      {metric.description ? <p className="muted small flush"><DescriptionText text={metric.description} /></p> : null}
      {metric.formula ? <p className="small flush">= <code>{metric.formula}</code></p> : null}
      <div className="metric-actions">
        <button type="button" className="button button-quiet" aria-expanded={open} onClick={() => setOpen(!open)}>{open ? 'Hide how it is computed' : 'How it is computed'}</button>
        {canEdit && !metric.built_in && metric.formula && !editing ? <button type="button" className="button" onClick={() => setEditing(true)} aria-label={`Edit the formula of ${metric.label}`}>Edit formula</button> : null}
        {canEdit ? <button type="button" className="button" disabled={busy} onClick={toggleActive} aria-label={`${metric.active ? 'Deactivate' : 'Reactivate'} ${metric.label}`}>{metric.active ? 'Deactivate' : 'Reactivate'}</button> : null}
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      {editing && metric.formula ? <EditFormula metricKey={metric.key} formula={metric.formula} onCancel={() => setEditing(false)} onSaved={() => { setEditing(false); onChanged(); }} /> : null}
      {open ? <Explanation metricKey={metric.key} /> : null}
    </li>
  );
}

function Explanation({ metricKey }: { metricKey: string }) {
  const explained = useTool('explain_metric', { key: metricKey });
  return (
    <Loaded result={explained} label="Explaining">
      {(data) => (
        <div className="explanation">
          {data.problem ? <p className="field-error">{data.problem}</p> : null}
          <DependencyTree tree={data.tree} />
          {data.used_by.length ? <p className="muted small">Used by {data.used_by.map((user) => user.label).join(', ')}.</p> : null}
        </div>
      )}
    </Loaded>
  );
}
