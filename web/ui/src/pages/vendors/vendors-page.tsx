import { useState } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { useTool } from '../../api/use-tool.ts';
import { formatDay } from '../../components/format.ts';
import { PageHeader } from '../../components/layout-parts.tsx';
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
  const [activeOnly, setActiveOnly] = useState(true);
  const settledGenre = useDebounced(genre.trim());
  const performance = useTool('vendor_performance', { active_only: activeOnly, ...(settledGenre ? { genre: settledGenre } : {}) });

  return (
    <>
      <PageHeader
        title="Vendors"
        subtitle="Playlist curators scored on what they really delivered: real cost per 1,000 streams, delivery against promise and reliability."
        actions={<>
          <label className="field">Genre<input type="search" value={genre} placeholder="e.g. dance" onChange={(event) => setGenre(event.target.value)} /></label>
          <label className="field field-inline">
            <input type="checkbox" checked={activeOnly} onChange={(event) => setActiveOnly(event.target.checked)} /> Active only
          </label>
          <Segmented label="Sort vendors by" options={SORTS} value={sort} onChange={setSort} />
        </>}
      />
      <Loaded result={performance} label="Scoring vendors">{(data) => <Scorecards data={data} sort={sort} />}</Loaded>
    </>
  );
}

function Scorecards({ data, sort }: { data: ToolOutput<'vendor_performance'>; sort: VendorSort }) {
  if (!data.rows.length) {
    return <Empty title={data.genre ? `No vendor has placements in ${data.genre}.` : 'No vendors yet.'}>Vendors appear here once they have placements.</Empty>;
  }
  return (
    <>
      <p className="muted flush-top">{data.rows.length} vendors{data.genre ? ` in ${data.genre}` : ''}, as of {formatDay(data.as_of)}, in {data.currency}.</p>
      <ol className="scorecards" aria-label="Vendor scorecards">
        {sortVendors(data.rows, sort).map((vendor, index) => <VendorScorecard key={vendor.vendor_id} vendor={vendor} currency={data.currency} rank={index + 1} />)}
      </ol>
    </>
  );
}
