import { useState } from 'react';
import { useTool } from '../../api/use-tool.ts';
import { formatDay, formatMoney } from '../../components/format.ts';
import { PageHeader, Panel } from '../../components/layout-parts.tsx';
import { Segmented } from '../../components/segmented.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { FormLink } from '../../forms/form-link.tsx';
import { Link } from '../../router.tsx';
import { CampaignStatusBadge, CreatorTabs, enumLabel, networkLabel } from './creator-parts.tsx';
import type { CampaignListRow } from './creator-types.ts';

type Show = 'open' | 'all';

/** Creator campaigns: the multi-platform bookings, with budget against what is committed and paid. */
export default function CreatorCampaignsPage() {
  const [show, setShow] = useState<Show>('open');
  const campaigns = useTool('list_creator_campaigns', show === 'open' ? { status: ['DRAFT', 'ACTIVE', 'PAUSED'], limit: 100 } : { limit: 100 });
  return (
    <>
      <PageHeader
        title="Creator campaigns"
        subtitle="Creators booked across TikTok, Instagram, YouTube and more to push a release: who delivers what, by when, for what fee."
        actions={<FormLink tool="create_creator_campaign" values={{ back: '/creators/campaigns' }} primary>New creator campaign</FormLink>}
      />
      <CreatorTabs />
      <Panel title="Campaigns">
        <div className="filters"><Segmented label="Show" value={show} onChange={setShow} options={[{ value: 'open', label: 'In progress' }, { value: 'all', label: 'All' }]} /></div>
        <Loaded result={campaigns} label="Loading creator campaigns">
          {(page) => page.rows.length ? <CampaignTable rows={page.rows} /> : (
            <Empty title={show === 'open' ? 'No creator campaign in progress.' : 'No creator campaign yet.'}>
              <FormLink tool="create_creator_campaign" values={{ back: '/creators/campaigns' }}>Create one</FormLink>
            </Empty>
          )}
        </Loaded>
      </Panel>
    </>
  );
}

/** Committed against the budget: the accent colour within it, red past it, and the share in words. */
function CommittedMeter({ share }: { share: number }) {
  const over = share > 1;
  return (
    <div className="cr-meter">
      <div className="cr-meter-track" aria-hidden="true"><div className={`cr-meter-fill ${over ? 'cr-meter-over' : ''}`} style={{ width: `${Math.min(share, 1) * 100}%` }} /></div>
      <span className={`small ${over ? 'tone-bad' : 'muted'}`}>{Math.round(share * 100)}% of budget{over ? ': over' : ''}</span>
    </div>
  );
}

export function CampaignTable({ rows }: { rows: readonly CampaignListRow[] }) {
  return (
    <TableScroll label="Creator campaigns">
      <table>
        <thead>
          <tr>
            <th scope="col">Campaign</th><th scope="col">Status</th><th scope="col">Dates</th><th scope="col">Creators</th>
            <th scope="col" className="num">Budget</th><th scope="col" className="num">Committed</th><th scope="col" className="num">Paid</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.creator_campaign_id}>
              <th scope="row" className="cell-title">
                <Link href={`/creators/campaigns/${row.creator_campaign_id}`}>{row.name}</Link>
                <div className="muted small cell-sub">{[enumLabel(row.objective), row.networks.map(networkLabel).join(', '), row.client?.name ?? row.company?.name].filter(Boolean).join(' · ')}</div>
              </th>
              <td><CampaignStatusBadge status={row.status} /></td>
              <td className="nowrap">{row.starts_on ? formatDay(row.starts_on, { short: true }) : '—'} – {row.ends_on ? formatDay(row.ends_on, { short: true }) : '—'}</td>
              <td className="nowrap">
                {row.creators}
                <div className="muted small">{row.delivery.published} of {row.delivery.agreed} pieces out</div>
                {row.delivery.overdue_creators ? <span className="badge badge-rejected">{row.delivery.overdue_creators} overdue</span> : null}
              </td>
              <td className="num">{formatMoney(row.budget, row.currency)}</td>
              <td className="num">
                {formatMoney(row.committed, row.currency)}
                {row.budget ? <CommittedMeter share={row.committed / row.budget} /> : null}
                {row.invited ? <div className="muted small">+ {formatMoney(row.invited, row.currency)} offered</div> : null}
              </td>
              <td className="num">{formatMoney(row.paid, row.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
