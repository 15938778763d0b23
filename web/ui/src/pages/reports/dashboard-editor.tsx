import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useTool } from '../../api/use-tool.ts';
import { useApi } from '../../auth/session.tsx';
import { flowLayout, readingOrder } from './dashboard-layout.ts';
import type { DashboardWidget } from './dashboard-widget.tsx';
import type { ChartType } from './report-types.ts';

interface EditedWidget { id?: string; title: string; report_id: string | null; report: DashboardWidget['report']; chart: ChartType; w: number; h: number }

const CHARTS: ChartType[] = ['line', 'bar', 'area', 'table', 'kpi'];
const WIDTHS = [{ value: 3, label: 'Quarter' }, { value: 4, label: 'Third' }, { value: 6, label: 'Half' }, { value: 8, label: 'Two thirds' }, { value: 12, label: 'Full width' }];
const HEIGHTS = [{ value: 2, label: 'Short' }, { value: 4, label: 'Medium' }, { value: 6, label: 'Tall' }];

/** The dashboard's widgets as an editable list: add one from a saved report, chart type, size, order; Save lays them out. */
export function DashboardEditor({ dashboardId, widgets, onSaved, onCancel }: { dashboardId: string; widgets: readonly DashboardWidget[]; onSaved(): void; onCancel(): void }) {
  const api = useApi();
  const reports = useTool('list_reports', { limit: 100 });
  const [items, setItems] = useState<EditedWidget[]>(readingOrder(widgets).map((widget) => ({ id: widget.id, title: widget.title, report_id: widget.report_id, report: widget.report, chart: widget.chart, w: widget.w, h: widget.h })));
  const [adding, setAdding] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (index: number, patch: Partial<EditedWidget>) => setItems(items.map((item, at) => (at === index ? { ...item, ...patch } : item)));
  const move = (index: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item!);
    setItems(next);
  };
  const add = () => {
    const report = reports.data?.rows.find((row) => row.report_id === adding);
    if (!report) return;
    setItems([...items, { title: report.name, report_id: report.report_id, report: null, chart: report.dimensions.length ? 'bar' : 'kpi', w: 6, h: 4 }]);
    setAdding('');
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const placed = flowLayout(items).map(({ id, title, report_id, report, chart, x, y, w, h }) => ({
        ...(id ? { id } : {}), title, chart, x, y, w, h, ...(report_id ? { report_id } : report ? { report } : {}),
      }));
      await api.callTool('update_dashboard', { dashboard_id: dashboardId, widgets: placed });
      onSaved();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="dashboard-editor">
      <ol className="plain-list editor-list">
        {items.map((item, index) => (
          <li key={item.id ?? `new-${index}`} className="editor-row">
            <label className="field"><span>Title</span><input value={item.title} onChange={(event) => set(index, { title: event.target.value })} /></label>
            <label className="field"><span>Chart type</span>
              <select value={item.chart} onChange={(event) => set(index, { chart: event.target.value as ChartType })}>
                {CHARTS.map((chart) => <option key={chart} value={chart}>{chart === 'kpi' ? 'KPI tiles' : chart[0]!.toUpperCase() + chart.slice(1)}</option>)}
              </select>
            </label>
            <label className="field"><span>Width</span>
              <select value={item.w} onChange={(event) => set(index, { w: Number(event.target.value) })}>
                {WIDTHS.map((width) => <option key={width.value} value={width.value}>{width.label}</option>)}
              </select>
            </label>
            <label className="field"><span>Height</span>
              <select value={item.h} onChange={(event) => set(index, { h: Number(event.target.value) })}>
                {HEIGHTS.map((height) => <option key={height.value} value={height.value}>{height.label}</option>)}
                {HEIGHTS.some((height) => height.value === item.h) ? null : <option value={item.h}>{item.h} rows</option>}
              </select>
            </label>
            <div className="editor-buttons">
              <button type="button" className="button button-quiet" aria-label={`Move ${item.title} earlier`} disabled={index === 0} onClick={() => move(index, -1)}>↑</button>
              <button type="button" className="button button-quiet" aria-label={`Move ${item.title} later`} disabled={index === items.length - 1} onClick={() => move(index, 1)}>↓</button>
              <button type="button" className="button button-quiet" onClick={() => setItems(items.filter((_, at) => at !== index))}>Remove</button>
            </div>
          </li>
        ))}
      </ol>
      <div className="inline-form">
        <label className="field"><span>Add a saved report</span>
          <select value={adding} onChange={(event) => setAdding(event.target.value)}>
            <option value="">Choose a report…</option>
            {reports.data?.rows.map((report) => <option key={report.report_id} value={report.report_id}>{report.name}</option>)}
          </select>
        </label>
        <button type="button" className="button" disabled={!adding} onClick={add}>Add widget</button>
      </div>
      <div className="inline-form">
        <button type="button" className="button button-primary" disabled={busy} onClick={save}>{busy ? 'Saving…' : 'Save dashboard'}</button>
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
