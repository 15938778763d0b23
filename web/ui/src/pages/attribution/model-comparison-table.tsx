import type { ToolOutput } from '../../api/tool-types.ts';
import { attributionKeyLabel, MODEL_LABELS } from '../../components/attribution-models.ts';
import { formatMoney, formatShare } from '../../components/format.ts';
import { TableScroll } from '../../components/table-scroll.tsx';

export type Comparison = ToolOutput<'compare_attribution_models'>;
export type ComparedModel = Comparison['models'][number];

/** Revenue credited to each key by every model; the largest credit in each row is marked. */
export function ModelComparisonTable({ comparison }: { comparison: Comparison }) {
  const { models, currency } = comparison;
  return (
    <TableScroll label="Credit per model">
      <table>
        <caption>Revenue credited by each model, in {currency}. Spread = largest − smallest credit.</caption>
        <thead>
          <tr>
            <th scope="col">{comparison.group_by}</th>
            {models.map((model) => <th key={model} scope="col" className="num">{MODEL_LABELS[model]}</th>)}
            <th scope="col" className="num">Spread</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{attributionKeyLabel(comparison.group_by, row.key)}</th>
              {models.map((model) => {
                const value = row.revenue[model];
                const top = value !== null && value !== undefined && value === row.max && row.spread > 0;
                return <td key={model} className="num" style={top ? { fontWeight: 700 } : undefined}>{formatMoney(value, currency)}</td>;
              })}
              <td className="num">{formatMoney(row.spread, currency)} <span className="muted">({formatShare(row.spread_share)})</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
