import type { ToolOutput } from '../../api/tool-types.ts';
import { MODEL_LABELS } from '../../components/attribution-models.ts';
import { formatMoney, formatShare } from '../../components/format.ts';
import { TableScroll } from '../../components/table-scroll.tsx';
import { Link } from '../../router.tsx';

export type Comparison = ToolOutput<'compare_attribution_models'>;
export type ComparedModel = Comparison['models'][number];
type ComparedRow = Comparison['rows'][number];

export const GROUP_LABELS: Record<string, string> = { channel: 'Channel', campaign: 'Campaign', artist: 'Artist' };

/** A key as people read it; a campaign key that names a playlist campaign links to it. */
export function KeyName({ named }: { named: Pick<ComparedRow, 'label' | 'campaign_id'> }) {
  return named.campaign_id ? <Link href={`/campaigns/${named.campaign_id}`}>{named.label}</Link> : <>{named.label}</>;
}

/** Revenue credited to each key by every model; the largest credit in each row is marked. */
export function ModelComparisonTable({ comparison }: { comparison: Comparison }) {
  const { models, currency } = comparison;
  return (
    <TableScroll label="Credit per model">
      <table>
        <caption className="sr-only">Revenue credited by each model, in {currency}</caption>
        <thead>
          <tr>
            <th scope="col">{GROUP_LABELS[comparison.group_by] ?? comparison.group_by}</th>
            {models.map((model) => <th key={model} scope="col" className="num">{MODEL_LABELS[model]}</th>)}
            <th scope="col" className="num">Spread</th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row"><KeyName named={row} /></th>
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
