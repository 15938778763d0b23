import { useState } from 'react';
import { useTool } from '../../api/use-tool.ts';
import { formatDay, formatMoney, formatNumber, formatShare } from '../../components/format.ts';
import { PageHeader, Panel, StatCard } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { FormLink } from '../../forms/form-link.tsx';
import { Link } from '../../router.tsx';
import { AssignForm } from './assign-form.tsx';
import { AssignmentBoard } from './assignment-board.tsx';
import { CampaignStatusBadge, CreatorTabs, enumLabel, NetworkTag, networkLabel } from './creator-parts.tsx';
import type { CampaignDetail, CampaignPerformance } from './creator-types.ts';

/** A creator campaign: budget against committed and paid, the assignments board, performance per creator, and the actions on them. */
export default function CreatorCampaignPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const campaign = useTool('get_creator_campaign', { creator_campaign_id: id });
  const performance = useTool('creator_campaign_performance', { creator_campaign_id: id });
  const [assigning, setAssigning] = useState(false);
  const changed = () => {
    campaign.reload();
    performance.reload();
  };
  return (
    <Loaded result={campaign} label="Loading the campaign">
      {(data) => (
        <>
          <p className="back-link"><Link href="/creators/campaigns">← Creator campaigns</Link></p>
          <PageHeader
            title={data.name}
            subtitle={<CampaignSubtitle campaign={data} />}
            actions={<>
              <FormLink tool="update_creator_campaign" values={{ creator_campaign_id: id, back: `/creators/campaigns/${id}` }}>Edit campaign</FormLink>
              <button type="button" className="button button-primary" aria-expanded={assigning} onClick={() => setAssigning(!assigning)}>Assign a creator</button>
            </>}
          />
          <CreatorTabs />
          {assigning ? <AssignForm campaign={data} onDone={() => { setAssigning(false); changed(); }} onCancel={() => setAssigning(false)} /> : null}
          <Budget campaign={data} />
          <Panel title="Assignments" description="Each creator by where their booking stands; deliverables published against agreed, overdue ones flagged." className="panel-spaced">
            {data.board.some((column) => column.count > 0)
              ? <AssignmentBoard campaign={data} onChanged={changed} />
              : <Empty title="No creator booked yet."><button type="button" className="button" onClick={() => setAssigning(true)}>Assign the first creator</button></Empty>}
          </Panel>
          <Panel title="Performance" description="Views and engagement (likes, comments, shares, saves) of the content each creator delivered, against their fee." className="panel-spaced">
            <Loaded result={performance} label="Loading performance">
              {(answer) => <PerformanceTable performance={answer} />}
            </Loaded>
          </Panel>
        </>
      )}
    </Loaded>
  );
}

function CampaignSubtitle({ campaign }: { campaign: CampaignDetail }) {
  const dates = campaign.starts_on || campaign.ends_on ? `${formatDay(campaign.starts_on)} – ${formatDay(campaign.ends_on)}` : null;
  const parts: React.ReactNode[] = [enumLabel(campaign.objective)];
  if (dates) parts.push(dates);
  if (campaign.client) parts.push(<Link key="client" href={`/clients/${campaign.client.client_id}`}>{campaign.client.name}</Link>);
  // The client is usually the company too: named once.
  if (campaign.company && campaign.company.name !== campaign.client?.name) parts.push(<Link key="company" href={`/crm/companies/${campaign.company.company_id}`}>{campaign.company.name}</Link>);
  if (campaign.release) parts.push(`promotes ${campaign.release.artist} – ${campaign.release.title}`);
  return (
    <>
      <CampaignStatusBadge status={campaign.status} />{' '}
      {parts.map((part, index) => <span key={index}>{index ? ' · ' : ''}{part}</span>)}
    </>
  );
}

/** Budget against committed (agreed fees) and paid, overall and per network where the budget is split. */
export function Budget({ campaign }: { campaign: CampaignDetail }) {
  const { budget, committed, paid, invited, currency } = campaign;
  const left = campaign.remaining;
  const over = left !== null && left < 0;
  const split = campaign.per_network.filter((row) => row.budget !== null || row.committed || row.invited);
  return (
    <>
      <div className="stats cr-budget-stats">
        <StatCard label="Budget" value={formatMoney(budget, currency)} detail={campaign.networks.map(networkLabel).join(', ')} />
        <StatCard label="Committed" value={formatMoney(committed, currency)} detail={`${budget ? `${Math.round((committed / budget) * 100)}% of the budget in agreed fees` : 'agreed fees'}${invited ? `; ${formatMoney(invited, currency)} more offered` : ''}`} tone={over ? 'bad' : undefined} />
        <StatCard label="Paid" value={formatMoney(paid, currency)} detail={committed ? `${Math.round((paid / committed) * 100)}% of committed` : 'nothing committed yet'} />
        <StatCard label={over ? 'Over budget' : 'Left to commit'} value={formatMoney(left === null ? null : Math.abs(left), currency)} tone={over ? 'bad' : undefined}
          detail={`${campaign.delivery.published} of ${campaign.delivery.agreed} pieces published${campaign.delivery.overdue_creators ? `, ${campaign.delivery.overdue_creators} creator${campaign.delivery.overdue_creators === 1 ? '' : 's'} overdue` : ''}`} />
      </div>
      <BudgetBar budget={budget} committed={committed} paid={paid} currency={currency} />
      {campaign.notes.map((note) => <p key={note} className="muted small">{note}</p>)}
      {split.length ? (
        <TableScroll label="Budget per network">
          <table className="cr-network-budgets">
            <thead><tr><th scope="col">Network</th><th scope="col" className="num">Budget</th><th scope="col" className="num">Committed</th><th scope="col" className="num">Offered</th><th scope="col" className="num">Paid</th><th scope="col" className="num">Left</th></tr></thead>
            <tbody>
              {split.map((row) => (
                <tr key={row.network}>
                  <th scope="row"><NetworkTag network={row.network} /></th>
                  <td className="num">{formatMoney(row.budget, currency)}</td>
                  <td className="num">{formatMoney(row.committed, currency)}</td>
                  <td className="num">{formatMoney(row.invited, currency)}</td>
                  <td className="num">{formatMoney(row.paid, currency)}</td>
                  <td className={`num ${row.budget !== null && row.budget - row.committed < 0 ? 'tone-bad' : ''}`}>{row.budget === null ? '—' : formatMoney(row.budget - row.committed, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}

/** One bar: paid, then committed but unpaid, then what is left; past the budget it says so. */
function BudgetBar({ budget, committed, paid, currency }: { budget: number | null; committed: number; paid: number; currency: string }) {
  if (!budget) return null;
  const whole = Math.max(budget, committed);
  const pct = (value: number) => `${Math.max(0, Math.min(100, (value / whole) * 100))}%`;
  return (
    <>
      <div className="cr-budget-bar" role="img" aria-label={`Of ${formatMoney(budget, currency)}: ${formatMoney(paid, currency)} paid, ${formatMoney(committed, currency)} committed`}>
        <div className="cr-budget-paid" style={{ width: pct(paid) }} />
        <div className="cr-budget-committed" style={{ width: pct(Math.max(committed - paid, 0)) }} />
        {committed > budget ? <div className="cr-budget-limit" style={{ left: pct(budget) }} /> : null}
      </div>
      <ul className="cr-budget-legend" aria-hidden="true">
        <li><span className="cr-swatch cr-swatch-paid" />Paid</li>
        <li><span className="cr-swatch cr-swatch-committed" />Committed, not paid yet</li>
        {committed > budget ? <li><span className="cr-swatch cr-swatch-over" />Budget line</li> : <li><span className="cr-swatch cr-swatch-left" />Left to commit</li>}
      </ul>
    </>
  );
}

/** A cost per view or engagement: cents are too coarse ($0.004 a view), so three significant figures. */
export function formatUnitCost(value: number | null, currency: string): string {
  if (value === null) return '—';
  if (value >= 1) return formatMoney(value, currency);
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumSignificantDigits: 3 }).format(value);
}

export function PerformanceTable({ performance }: { performance: CampaignPerformance }) {
  const { creators, total, currency } = performance;
  if (!creators.length) return <Empty title="No creator booked yet." />;
  return (
    <>
      <TableScroll label="Performance per creator">
        <table>
          <thead>
            <tr>
              <th scope="col">Creator</th><th scope="col" className="num">Posts</th><th scope="col" className="num">Views</th><th scope="col" className="num">Engagements</th>
              <th scope="col" className="num">Eng. rate</th><th scope="col" className="num">Fee</th><th scope="col" className="num">Cost per view</th><th scope="col" className="num">Cost per engagement</th>
            </tr>
          </thead>
          <tbody>
            {creators.map((row) => (
              <tr key={row.assignment_id}>
                <th scope="row"><Link href={`/creators/${row.creator_id}`}>{row.creator_name}</Link><div className="muted small cell-sub">{enumLabel(row.status)}</div></th>
                <td className="num">{formatNumber(row.content)}</td>
                <td className="num">{formatNumber(row.views)}</td>
                <td className="num">{formatNumber(row.engagement)}</td>
                <td className="num">{formatShare(row.engagement_rate)}</td>
                <td className="num">{row.fee === null ? formatMoney(row.fee_original.amount, row.fee_original.currency) : formatMoney(row.fee, currency)}</td>
                <td className="num">{formatUnitCost(row.cost_per_view, currency)}</td>
                <td className="num">{formatUnitCost(row.cost_per_engagement, currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="num">{formatNumber(total.content)}</td>
              <td className="num">{formatNumber(total.views)}</td>
              <td className="num">{formatNumber(total.engagement)}</td>
              <td className="num">{formatShare(total.engagement_rate)}</td>
              <td className="num">{formatMoney(total.fee, currency)}</td>
              <td className="num">{formatUnitCost(total.cost_per_view, currency)}</td>
              <td className="num">{formatUnitCost(total.cost_per_engagement, currency)}</td>
            </tr>
          </tfoot>
        </table>
      </TableScroll>
      {performance.notes.map((note) => <p key={note} className="muted small">{note}</p>)}
    </>
  );
}
