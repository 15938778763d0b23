import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { toneClass } from '../../components/delivery-tone.ts';
import { formatMoney, formatNumber, formatShare } from '../../components/format.ts';
import { Panel } from '../../components/layout-parts.tsx';
import { Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';

type Outcome = ToolOutput<'allocation_outcome'>;

/** The campaign's kept budget plans against what the vendors delivered (allocation_outcome). */
export function AllocationOutcomePanel({ campaignId, asOf }: { campaignId: string; asOf?: string }) {
  const outcome = useTool('allocation_outcome', { campaign_id: campaignId, ...(asOf ? { as_of: asOf } : {}) });
  return (
    <Panel title="Plan vs delivered" description="Streams each vendor was expected to deliver by now, as planned when its placements started, against what its playlists delivered.">
      <Loaded result={outcome} label="Loading the plan">{(data) => <AllocationOutcomeTable outcome={data} />}</Loaded>
    </Panel>
  );
}

export function AllocationOutcomeTable({ outcome }: { outcome: Outcome }) {
  const { vendors, totals, currency } = outcome;
  if (vendors.length === 0) {
    // The tool's notes name other tools (for the agent); people get the same fact in words.
    return <p className="muted small">No budget plan was kept for this campaign's placements: plans are kept for placements booked from an approved allocation or a new campaign.</p>;
  }
  return (
    <>
      <TableScroll label="Plan vs delivered per vendor">
        <table>
          <thead>
            <tr>
              <th scope="col">Vendor</th>
              <th scope="col" className="num">Delivery</th>
              <th scope="col" className="num">Delivered</th>
              <th scope="col" className="num">Expected</th>
              <th scope="col" className="num hide-narrow">Planned in full</th>
              <th scope="col" className="num hide-narrow">Planned cost / 1k</th>
              <th scope="col" className="num">Real cost / 1k</th>
            </tr>
          </thead>
          <tbody>
            {vendors.map((vendor) => <FiguresRow key={vendor.vendor_id} name={vendor.vendor_name} figures={vendor} currency={currency} />)}
          </tbody>
          {vendors.length > 1 ? <tfoot><FiguresRow name="Total" figures={totals} currency={currency} /></tfoot> : null}
        </table>
      </TableScroll>
      {outcome.notes.length ? <p className="muted small">{outcome.notes.join(' ')}</p> : null}
    </>
  );
}

function FiguresRow({ name, figures, currency }: { name: string; figures: Outcome['totals']; currency: string }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      {/* The rate first: on a phone it is the column that stays in view. */}
      <td className={`num ${toneClass(figures.delivery_rate)}`}>{formatShare(figures.delivery_rate)}</td>
      <td className="num">{formatNumber(figures.delivered)}</td>
      <td className="num">{formatNumber(figures.expected_to_date)}</td>
      <td className="num hide-narrow">{formatNumber(figures.expected_streams)}</td>
      <td className="num hide-narrow">{formatMoney(figures.expected_cost_per_1k, currency)}</td>
      <td className="num">{formatMoney(figures.real_cost_per_1k, currency)}</td>
    </tr>
  );
}
