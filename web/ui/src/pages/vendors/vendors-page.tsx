import { useState } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatDay, formatNumber, plural } from '../../components/format.ts';
import { PageHeader } from '../../components/layout-parts.tsx';
import { VendorAddLinks } from '../../forms/record-actions.tsx';
import { Segmented } from '../../components/segmented.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { sortVendors, type VendorSort } from './sort-vendors.ts';
import { VendorScorecard } from './vendor-scorecard.tsx';

const SORTS = [
  { value: 'real_cost', label: 'Cheapest real streams' },
  { value: 'reliability', label: 'Most reliable' },
] as const;

export default function VendorsPage() {
  const [sort, setSort] = useState<VendorSort>('real_cost');
  const [genre, setGenre] = useState('');
  const [runningOnly, setRunningOnly] = useState(true);
  const settledGenre = useDebounced(genre.trim());
  // Every vendor, retired ones too: one running a campaign is shown even if it has since been retired.
  const performance = useTool('vendor_performance', settledGenre ? { genre: settledGenre } : {});

  return (
    <>
      <PageHeader
        title="Vendors"
        subtitle="Playlist curators scored on what they really delivered: real cost per 1,000 streams, delivery against promise and reliability."
        actions={<>
          <VendorAddLinks />
          <label className="field">Genre<input type="search" value={genre} placeholder="e.g. dance" onChange={(event) => setGenre(event.target.value)} /></label>
          <label className="field field-inline">
            <input type="checkbox" checked={runningOnly} onChange={(event) => setRunningOnly(event.target.checked)} /> Only vendors with an active campaign
          </label>
          <Segmented label="Sort vendors by" options={SORTS} value={sort} onChange={setSort} />
        </>}
      />
      <Loaded result={performance} label="Scoring vendors">{(data) => <Scorecards data={data} sort={sort} runningOnly={runningOnly} />}</Loaded>
    </>
  );
}

/** The vendors a marketer is working with right now, or all of them; the count says which. */
export function Scorecards({ data, sort, runningOnly }: { data: ToolOutput<'vendor_performance'>; sort: VendorSort; runningOnly: boolean }) {
  if (!data.rows.length) {
    return <Empty title={data.genre ? `No vendor has placements in ${data.genre}.` : 'No vendors yet.'}>Vendors appear here once they have placements.</Empty>;
  }
  const shown = runningOnly ? data.rows.filter((vendor) => vendor.active_campaigns > 0) : data.rows;
  const inGenre = data.genre ? ` in ${data.genre}` : '';
  const count = runningOnly
    ? `${formatNumber(shown.length)} of ${plural(data.rows.length, 'vendor')}${inGenre} ${shown.length === 1 ? 'has' : 'have'} an active campaign`
    : `${plural(data.rows.length, 'vendor')}${inGenre}`;
  return (
    <>
      <p className="muted flush-top">{count}, as of {formatDay(data.as_of)}, in {data.currency}.</p>
      {shown.length ? (
        <ol className="scorecards" aria-label="Vendor scorecards">
          {sortVendors(shown, sort).map((vendor, index) => <VendorScorecard key={vendor.vendor_id} vendor={vendor} currency={data.currency} rank={index + 1} />)}
        </ol>
      ) : <Empty title={`No vendor${inGenre} has an active campaign.`}>Clear “Only vendors with an active campaign” to see them all.</Empty>}
    </>
  );
}
