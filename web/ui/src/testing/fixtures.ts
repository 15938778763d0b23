import type { ToolOutput } from '../api/tool-types.ts';

/** Outputs shaped exactly like the tools' (the types come from their schemas), with figures a test can check. */
export function campaignRow(overrides: Partial<ToolOutput<'list_campaigns'>['rows'][number]> = {}): ToolOutput<'list_campaigns'>['rows'][number] {
  return {
    id: 'c-1', name: 'Vera Hale – Silver Rush', client: { id: 'cl-1', name: 'Cobalt Records' }, artist_name: 'Vera Hale',
    status: 'active', invoice_status: 'not_invoiced', start_date: '2026-11-12', total_budget: 2000, currency: 'USD', salesperson: 'Marta Ruiz',
    goal: 100_000, delivered: 40_000, streams_7d: 9_000, streams_28d: 30_000, remaining_streams: 60_000, progress: 0.4,
    promised_to_date: 50_000, delivery_rate: 0.8, vendor_streams_7d: 7_000, vendor_streams_28d: 24_000, dropped_playlists: 0,
    daily_promise: 2_400, weekly_promise: 16_800, live_placements: 1, ...overrides,
  };
}

type Song = ToolOutput<'get_campaign'>['songs'][number];
type PlaylistRow = Song['playlists'][number];

export function playlist(name: string, vendor: string, streams: [number, number, number], dateAdded: string | null, extra: Partial<PlaylistRow> = {}): PlaylistRow {
  return {
    name, playlist_id: null, spotify_playlist_id: null, curator: vendor, vendor, vendor_id: vendor === 'Spotify' ? null : `v-${vendor}`,
    auto_detected: false, streams_7d: streams[0], streams_28d: streams[1], streams_12m: streams[2], date_added: dateAdded,
    dropped_on: null, scraped_at: '2026-11-21T02:11:00.000Z', ...extra,
  };
}

export function song(overrides: Partial<Song> = {}): Song {
  return {
    spotify_track_id: 'track-1', song_name: 'Silver Rush', track_url: 'https://open.spotify.com/track/track-1', genre: 'dance',
    goal: 82_000, delivered: 15_336, remaining_streams: 66_664, progress: 0.187, scraped_at: '2026-11-21T02:11:00.000Z',
    placements: [{
      id: 'p-1', vendor_id: 'v-Pulse Media', vendor_name: 'Pulse Media', start_date: '2026-11-14', goal: 82_000, daily: 2_400, price: 280,
      delivered: 15_336, promised_to_date: 19_200, delivery_rate: 0.7988, remaining_streams: 66_664, streams_7d: 15_336, streams_28d: 15_336,
      weekly: null, status: 'active', removed_at: null, cost: 280, cost_basis: 'price', dropped_playlists: 0,
    }],
    playlists: [
      playlist('Summer Dance Anthems Vol. 2', 'Pulse Media', [15_336, 15_336, 15_336], '2026-11-14'),
      playlist('Release Radar', 'Spotify', [0, 6_743, 6_743], '2026-11-03'),
      playlist('Radio', 'Spotify', [1_090, 2_228, 2_228], null),
    ],
    playlists_total: 3,
    plays_7d: 18_400, plays_28d: 61_200, plays_12m: 61_200, saves: 2_310, playlist_adds: 145, vendor_streams_28d: 15_336,
    ...overrides,
  };
}

type VendorRow = ToolOutput<'vendor_performance'>['rows'][number];

export function vendorRow(name: string, realCost: number | null, reliability: number | null, overrides: Partial<VendorRow> = {}): VendorRow {
  return {
    vendor_id: `v-${name}`, vendor_name: name, is_active: true, placements: 4, active_campaigns: 1, delivered_streams: 100_000, promised_streams: 120_000,
    delivery_rate: 0.8333, real_cost_per_1k: realCost, promised_cost_per_1k: 3, promised_cost_currency: 'USD', note: null, reliability_score: reliability, avg_daily_streams: 1_200, spend: 400,
    placements_with_promise: 4, cost_basis: 'price', paid_placements: 0, ...overrides,
  };
}

export function comparison(): ToolOutput<'compare_attribution_models'> {
  return {
    group_by: 'channel', currency: 'USD', from: '2026-10-01', to: '2026-10-31', lookback_days: 30,
    models: ['first_touch', 'last_touch', 'linear'],
    total_revenue: 300, total_conversions: 3,
    rows: [
      { key: 'email', label: 'Email', campaign_id: null, revenue: { first_touch: 20, last_touch: 150, linear: 90, time_decay: null, position_based: null, custom: null, markov: null }, min: 20, max: 150, spread: 130, spread_share: 1.4444 },
      { key: '(direct)', label: 'Direct', campaign_id: null, revenue: { first_touch: 60, last_touch: 60, linear: 60, time_decay: null, position_based: null, custom: null, markov: null }, min: 60, max: 60, spread: 0, spread_share: 0 },
    ],
    rows_not_shown: 0,
    top_key_by_model: { first_touch: '(direct)', last_touch: 'email', linear: 'email' },
    top_named_by_model: {
      first_touch: { key: 'email', label: 'Email', campaign_id: null },
      last_touch: { key: 'email', label: 'Email', campaign_id: null },
      linear: { key: 'email', label: 'Email', campaign_id: null },
    },
    disagreements: ['Email: Last touch credits $150.00, First touch $20.00 (a spread of $130.00).'],
  } as ToolOutput<'compare_attribution_models'>;
}

export function approval(overrides: Partial<ToolOutput<'list_approvals'>['rows'][number]> = {}): ToolOutput<'list_approvals'>['rows'][number] {
  return {
    id: 'a-1', action: 'pay_vendor', status: 'pending', preview: 'Pay Bassline Media 450.00 USD for campaign “Vera Hale – Silver Rush”',
    summary: {
      headline: 'Pay Bassline Media 450.00 USD',
      amount: { value: 450, currency: 'USD' },
      campaign: { id: 'c-1', name: 'Vera Hale – Silver Rush' },
      songs: [{ title: 'Silver Rush', artist: 'Vera Hale' }],
      evidence: [
        { label: 'Delivered to date', value: '15,336 of 19,200 streams promised' },
        { label: 'Delivery rate', value: '80%' },
        { label: 'Placements priced', value: '450.00 USD' },
        { label: 'Paid so far', value: '0.00 USD' },
        { label: 'After this payment', value: '450.00 USD' },
      ],
      warnings: [],
    },
    requested_by: 'sam@demo.example', requested_by_name: 'Sam Rivera', requested_by_you: false, requested_via: 'web', requested_via_label: 'the web app',
    requested_at: '2026-11-21T09:30:00.000Z', decided_by: null, decided_at: null,
    comment: null, executed_at: null, outcome: null, error: null, change_note: null, ...overrides,
  };
}
