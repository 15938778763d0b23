import { memo } from 'react';
import { displayName } from '../../../../../tools/common/display-names.ts';
import type { ToolOutput } from '../../api/tool-types.ts';
import { formatMoney, formatRatio } from '../../components/format.ts';
import { Empty, Loading } from '../../components/states.tsx';
import { useCharts } from './load-charts.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

type RoasSummary = ToolOutput<'roas_summary'>;

/** The chart for channels with spend, and every channel's figures in a table below it. */
export const RoasByChannel = memo(function RoasByChannel({ summary }: { summary: RoasSummary }) {
  const charts = useCharts();
  if (!summary.rows.length) return <Empty title="No spend or attributed revenue in this period." />;
  const charted = summary.rows.filter((row) => row.roas !== null).map((row) => ({ key: row.key, label: row.label, roas: row.roas! }));
  return (
    <>
      {charted.length ? (charts ? <charts.RoasByChannelChart rows={charted} model={displayName(summary.model)} /> : <Loading label="Drawing the chart" />) : null}
      <TableScroll label="ROAS by channel">
        <table>
          <thead>
            <tr><th scope="col">Channel</th><th scope="col" className="num">Spend</th><th scope="col" className="num">Revenue</th><th scope="col" className="num">ROAS</th></tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td className="num">{formatMoney(row.spend, summary.currency)}</td>
                <td className="num">{formatMoney(row.attributed_revenue, summary.currency)}</td>
                <td className="num">{row.roas === null ? <span className="muted" title="No spend to divide by">no spend</span> : formatRatio(row.roas)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
});
