import { StatCard } from '../../components/layout-parts.tsx';
import { formatCell } from './report-format.ts';
import type { ReportResult } from './report-types.ts';

/** A report with no dimension as one tile per metric: its total, and its change when compared. */
export function KpiTiles({ result }: { result: ReportResult }) {
  const metrics = result.columns.filter((column) => column.role === 'metric');
  const first = result.rows[0] ?? {};
  return (
    <div className="stats kpi-tiles">
      {metrics.map((column) => {
        const change = result.columns.find((one) => one.key === `${column.key}_change`);
        const value = result.totals[column.key] ?? (first[column.key] as number | null | undefined) ?? null;
        const delta = change ? first[change.key] : null;
        return (
          <StatCard key={column.key} label={column.label} value={formatCell(value, column, result)}
            detail={change && typeof delta === 'number' ? `${formatCell(delta, change, result)} vs previous period` : undefined} />
        );
      })}
    </div>
  );
}
