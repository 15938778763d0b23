import { Link } from '../../router.tsx';
import { KpiTiles } from './kpi-tiles.tsx';
import { ReportChart } from './report-chart.tsx';
import { ReportTable } from './report-table.tsx';
import type { ToolOutput } from '../../api/tool-types.ts';

export type DashboardWidget = ToolOutput<'get_dashboard'>['widgets'][number];

/** One widget on the grid, drawn as its chart type; a widget that failed says why inside itself only. */
export function WidgetCard({ widget }: { widget: DashboardWidget }) {
  const { result, error } = widget;
  return (
    <section className="widget panel" aria-label={widget.title} data-widget={widget.id}
      style={{ gridColumn: `${widget.x + 1} / span ${widget.w}`, gridRow: `${widget.y + 1} / span ${widget.h}` }}>
      <header className="widget-head">
        <h2>{widget.title}</h2>
        {widget.report_id && widget.report_name ? <Link className="small" href={`/reports/${widget.report_id}`}>Open report</Link> : null}
      </header>
      {error ? (
        <div className="widget-error" role="alert">
          <p className="state-title">This widget could not be shown</p>
          <p className="small flush">{error.message}</p>
        </div>
      ) : !result ? <p className="muted">Not run.</p>
        : widget.chart === 'table' ? <ReportTable result={result} label={widget.title} />
          : widget.chart === 'kpi' ? <KpiTiles result={result} />
            : <ReportChart result={result} type={widget.chart} name={`widget-${widget.id}`} />}
    </section>
  );
}
