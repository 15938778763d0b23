import { useState } from 'react';
import { formatMoney, formatNumber, formatShare, plural } from '../../components/format.ts';
import { VendorPlaylists } from './vendor-playlists.tsx';
import type { VendorRow } from './sort-vendors.ts';
import { toneClass } from '../../components/delivery-tone.ts';

export function VendorScorecard({ vendor, currency, rank }: { vendor: VendorRow; currency: string; rank: number }) {
  const [open, setOpen] = useState(false);
  const delivery = vendor.delivery_rate;
  const headingId = `vendor-${vendor.vendor_id}`;
  return (
    <li className="panel scorecard" aria-labelledby={headingId}>
      <div className="row-between">
        <h2 id={headingId} className="flush"><span className="muted">#{rank}</span> {vendor.vendor_name}</h2>
        {vendor.is_active ? null : <span className="badge">retired</span>}
      </div>
      <dl>
        <div><dt>Real cost / 1k</dt><dd>{formatMoney(vendor.real_cost_per_1k, currency)}</dd></div>
        <div><dt>Promised cost / 1k</dt><dd>{formatMoney(vendor.promised_cost_per_1k, vendor.promised_cost_currency)}</dd></div>
        <div><dt>Delivery rate</dt><dd className={toneClass(delivery)}>{formatShare(delivery)}</dd></div>
        <div><dt>Reliability</dt><dd>{vendor.reliability_score === null ? '—' : `${Math.round(vendor.reliability_score)} / 100`}</dd></div>
        <div><dt>Delivered streams</dt><dd>{formatNumber(vendor.delivered_streams)}</dd></div>
        <div><dt>Spend</dt><dd>{formatMoney(vendor.spend, currency)}</dd></div>
      </dl>
      {vendor.note ? <p className="small flush">{vendor.note}</p> : null}
      <p className="muted flush small">
        {plural(vendor.placements, 'placement')} ({formatNumber(vendor.placements_with_promise)} with a promise to judge), {plural(vendor.active_campaigns, 'active campaign')}, {plural(vendor.avg_daily_streams, 'stream')} a day.
      </p>
      <details onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>Playlists</summary>
        {open ? <VendorPlaylists vendorId={vendor.vendor_id} /> : null}
      </details>
    </li>
  );
}
