import { useMemo, useState } from 'react';
import { useTool } from '../../api/use-tool.ts';
import { Segmented } from '../../components/segmented.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { Link } from '../../router.tsx';
import { issuesFor, toRequest, type ReportDraft } from './draft.ts';
import { ExportLinks } from './export-links.tsx';
import { FiltersEditor } from './filters-editor.tsx';
import { MetricPicker } from './metric-picker.tsx';
import { PayloadDimension } from './payload-dimension.tsx';
import { RangeOptions } from './range-options.tsx';
import { ReportChart } from './report-chart.tsx';
import { ReportTable } from './report-table.tsx';
import type { ChartType } from './report-types.ts';
import { SavePanel, takeSaveConfirmation, type SaveMeta } from './save-panel.tsx';
import { SchedulePanel } from './schedule-panel.tsx';
import { usePreview } from './use-preview.ts';

const CHART_TYPES: ReadonlyArray<{ value: ChartType; label: string }> = [
  { value: 'line', label: 'Line' },
  { value: 'bar', label: 'Bar' },
  { value: 'area', label: 'Area' },
  { value: 'kpi', label: 'KPI' },
];

/**
 * The report builder: metrics, dimensions, filters and the period on the left, a live preview
 * (run_report, debounced) as a chart and a table on the right, then Save, Schedule and Export.
 * A field the tool refuses shows its reason beside it.
 */
export function ReportBuilder({ reportId, initialDraft, initialMeta, owner, fromTemplate }: {
  reportId: string | null;
  initialDraft: ReportDraft;
  initialMeta: SaveMeta;
  owner?: string | null;
  fromTemplate?: string;
}) {
  const library = useTool('list_metrics', {});
  const [draft, setDraft] = useState(initialDraft);
  const [meta, setMeta] = useState(initialMeta);
  const [saved, setSaved] = useState<string | null>(takeSaveConfirmation);
  const update = (patch: Partial<ReportDraft>) => {
    setSaved(null);
    setDraft((before) => ({ ...before, ...patch }));
  };
  const request = useMemo(() => toRequest(draft), [draft]);
  const preview = usePreview(useDebounced(request, 400));
  const issues = preview.error?.code === 'invalid_input' ? preview.error.issues : [];
  const groups = library.data?.groups ?? [];
  const metricGroups = groups.filter((group) => group.kind === 'metric');
  const dimensionGroups = groups.filter((group) => group.kind === 'dimension');
  const dimensionKeys = dimensionGroups.flatMap((group) => group.metrics.map((metric) => metric.key));
  const title = reportId ? meta.name || 'Report' : fromTemplate ? `New report from “${fromTemplate}”` : 'New report';
  const chartType: ChartType = draft.chart === 'table' ? 'bar' : draft.chart;

  return (
    <>
      <p className="back-link"><Link href="/reports">← Reports</Link></p>
      <PageHeader title={title} subtitle={owner ? `Owned by ${owner}` : 'Pick metrics and dimensions; the preview follows every change.'} />
      <div className="builder">
        <div className="builder-controls">
          {library.state === 'loading' ? <Loading label="Loading the metric library" /> : null}
          {library.state === 'error' ? <ErrorState error={library.error} onRetry={library.reload} /> : null}
          {library.state === 'ready' ? (
            <>
              <MetricPicker legend="Metrics" searchLabel="Search metrics" groups={metricGroups} chosen={draft.metrics} onChange={(metrics) => update({ metrics })} issues={issuesFor(issues, 'metrics')} />
              <MetricPicker legend="Dimensions" searchLabel="Search dimensions" groups={dimensionGroups} chosen={draft.dimensions} onChange={(dimensions) => update({ dimensions })} issues={issuesFor(issues, 'dimensions')}>
                <PayloadDimension onAdd={(key) => update({ dimensions: draft.dimensions.includes(key) ? draft.dimensions : [...draft.dimensions, key] })} />
              </MetricPicker>
              <FiltersEditor filters={draft.filters} fields={dimensionKeys} onChange={(filters) => update({ filters })} issues={issues} />
            </>
          ) : null}
          <RangeOptions draft={draft} onChange={update} issues={issues} />
        </div>
        <div className="builder-preview">
          <Panel title="Preview" className="preview-panel">
            <div className="preview-toolbar">
              <Segmented label="Chart type" options={CHART_TYPES} value={chartType} onChange={(chart) => update({ chart })} />
              <span className="muted small" role="status" aria-live="polite">{preview.running ? 'Updating…' : preview.result ? `${preview.result.date_range.from} – ${preview.result.date_range.to} · ${preview.result.time_zone}` : ''}</span>
            </div>
            {!draft.metrics.length ? <p className="muted">Pick at least one metric to see the report.</p> : null}
            {preview.error ? (
              <div className="preview-error" role="alert">
                <strong>{preview.error.code === 'invalid_input' ? 'The report cannot run as it is: ' : 'The preview failed: '}</strong>{preview.error.message}
              </div>
            ) : null}
            {draft.metrics.length && preview.result ? (
              <div className={preview.running || preview.error ? 'preview-stale' : undefined}>
                <ReportChart key={`${chartType}:${preview.result.columns.map((column) => column.key).join()}`} result={preview.result} type={chartType} name="report-preview" />
                <ReportTable result={preview.result} label="Report rows" />
              </div>
            ) : null}
          </Panel>
          <Panel title={reportId ? 'Report settings' : 'Save'} className="panel-spaced">
            <SavePanel reportId={reportId} draft={draft} meta={meta} onMeta={setMeta} onSaved={setSaved} />
            {saved ? <p className="tone-good" role="status">{saved}</p> : null}
          </Panel>
          {reportId ? (
            <>
              <Panel title="Export" className="panel-spaced" description="The saved report as it runs now.">
                <ExportLinks reportId={reportId} name={meta.name} />
              </Panel>
              <Panel title="Schedule" className="panel-spaced" description="Send it to Slack or by email on a cadence; each delivery runs it as you.">
                <SchedulePanel reportId={reportId} />
              </Panel>
            </>
          ) : <p className="muted small panel-spaced">Save the report to export it or schedule deliveries.</p>}
        </div>
      </div>
    </>
  );
}
