import type { CaseVars, EvalCase, Truth } from '../harness/eval-case.ts';
import { best, money, num, pct } from './format.ts';

type Row = Record<string, any>;

/** Clients, vendors, playlists and campaigns: questions about the records and their figures. */

const firstClient = async (truth: Truth): Promise<CaseVars> => {
  const row = (await truth.call('list_clients', {})).rows[0];
  return { client: row.name, clientId: row.id };
};
const clientDetail = async (truth: Truth, vars: CaseVars) => truth.call('get_client', { client_id: vars.clientId });
const allClients = async (truth: Truth): Promise<Row[]> => (await truth.call('list_clients', { limit: 100 })).rows;
const scorecard = async (truth: Truth): Promise<Row[]> => (await truth.call('vendor_performance')).rows;
const allCampaigns = async (truth: Truth, status = 'any'): Promise<Row[]> => (await truth.call('list_campaigns', { status, limit: 100 })).rows;

export const RECORD_READ_CASES: EvalCase[] = [
  {
    id: 'client-contact-and-campaigns',
    area: 'clients',
    setup: firstClient,
    question: (vars) => `Who is our contact at ${vars.client}, and how many of their campaigns are completed?`,
    expect: {
      tools: ['get_client'],
      allowed: ['list_clients'],
      facts: [
        { label: 'contact person', value: async (truth, vars) => (await clientDetail(truth, vars)).client.contact_person },
        { label: 'completed campaigns', value: async (truth, vars) => (await clientDetail(truth, vars)).campaigns_count.completed },
      ],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_clients', input: { search: vars.client } }), (r) => ({ tool: 'get_client', input: { client_id: r.out('list_clients').rows[0].id } })],
      answer: (r) => { const c = r.out('get_client'); return `${c.client.name}: contact ${c.client.contact_person} (${c.client.emails.join(', ')}); ${c.campaigns_count.completed} of ${c.campaigns_count.total} campaigns completed.`; },
    },
  },
  {
    id: 'client-most-streams',
    area: 'clients',
    question: 'Which client has had the most streams delivered across its campaigns?',
    expect: {
      tools: ['list_clients'],
      allowed: ['get_client', 'export_table'],
      facts: [
        { label: 'client', value: async (truth) => best(await allClients(truth), (row) => row.streams_delivered).name },
        { label: 'streams delivered', value: async (truth) => best(await allClients(truth), (row) => row.streams_delivered).streams_delivered },
      ],
    },
    script: {
      steps: [{ tool: 'list_clients', input: { limit: 100 } }],
      answer: (r) => { const row = best(r.out('list_clients').rows as Row[], (c) => c.streams_delivered); return `${row.name}: ${num(row.streams_delivered)} streams delivered as of ${r.out('list_clients').as_of}.`; },
    },
  },
  {
    id: 'client-campaign-list',
    area: 'clients',
    setup: firstClient,
    question: (vars) => `Which campaigns have we run for ${vars.client}, and what was each one's budget?`,
    expect: {
      tools: [],
      allowed: ['list_clients', 'get_client', 'list_campaigns'],
      facts: [{ label: 'a campaign', value: async (truth, vars) => (await clientDetail(truth, vars)).campaigns[0].name }],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'get_client', input: { client_id: vars.clientId } })],
      answer: (r) => r.out('get_client').campaigns.map((row: Row) => `- ${row.name} (${row.status}): budget ${money(row.total_budget, row.currency)}`).join('\n'),
    },
  },
  {
    id: 'vendor-most-reliable',
    area: 'vendors',
    question: 'Which vendor is the most reliable on our scorecard?',
    expect: {
      tools: ['vendor_performance'],
      facts: [{ label: 'most reliable vendor', value: async (truth) => best(await scorecard(truth), (row) => row.reliability_score).vendor_name }],
    },
    script: {
      steps: [{ tool: 'vendor_performance' }],
      answer: (r) => { const row = best(r.out('vendor_performance').rows as Row[], (v) => v.reliability_score); return `${row.vendor_name}: reliability ${row.reliability_score}/100, delivery rate ${pct(row.delivery_rate)} as of ${r.out('vendor_performance').as_of}.`; },
    },
  },
  {
    id: 'vendor-real-vs-promised-cost',
    area: 'vendors',
    setup: async (truth) => ({ vendor: (await scorecard(truth)).find((row) => row.real_cost_per_1k !== null && row.promised_cost_per_1k !== null)!.vendor_name }),
    question: (vars) => `What does ${vars.vendor} really cost per 1,000 streams, compared with the price it promised?`,
    expect: {
      tools: ['vendor_performance'],
      allowed: ['list_vendors'],
      facts: [
        { label: 'real cost per 1k', value: async (truth, vars) => (await scorecard(truth)).find((row) => row.vendor_name === vars.vendor)!.real_cost_per_1k },
        { label: 'promised cost per 1k', value: async (truth, vars) => (await scorecard(truth)).find((row) => row.vendor_name === vars.vendor)!.promised_cost_per_1k },
      ],
    },
    script: {
      steps: [{ tool: 'vendor_performance' }],
      answer: (r, vars) => { const row = r.out('vendor_performance').rows.find((v: Row) => v.vendor_name === vars.vendor); return `${vars.vendor}: real cost ${money(row.real_cost_per_1k, row.promised_cost_currency)} per 1k streams against ${money(row.promised_cost_per_1k, row.promised_cost_currency)} promised.`; },
    },
  },
  {
    id: 'vendor-payments-total',
    area: 'vendors',
    question: 'How much have we paid playlist vendors so far, and to whom?',
    expect: {
      tools: ['list_vendor_payments'],
      facts: [
        { label: 'total paid', value: async (truth) => (await truth.call('list_vendor_payments', {})).totals[0].amount },
        { label: 'a paid vendor', value: async (truth) => (await truth.call('list_vendor_payments', {})).rows[0].vendor_name },
      ],
    },
    script: {
      steps: [{ tool: 'list_vendor_payments' }],
      answer: (r) => `Paid so far: ${r.out('list_vendor_payments').totals.map((t: Row) => money(t.amount, t.currency)).join(', ')}.\n${r.out('list_vendor_payments').rows.map((row: Row) => `- ${row.vendor_name}: ${money(row.amount, row.currency)} for ${row.campaign_name ?? 'no campaign'} (${row.reference ?? 'no reference'})`).join('\n')}`,
    },
  },
  {
    id: 'vendor-spend-highest',
    area: 'vendors',
    question: 'On which vendor have we spent the most, and how many placements did that buy?',
    expect: {
      tools: ['vendor_performance'],
      facts: [
        { label: 'vendor', value: async (truth) => best(await scorecard(truth), (row) => row.spend).vendor_name },
        { label: 'spend', value: async (truth) => best(await scorecard(truth), (row) => row.spend).spend },
      ],
    },
    script: {
      steps: [{ tool: 'vendor_performance' }],
      answer: (r) => { const row = best(r.out('vendor_performance').rows as Row[], (v) => v.spend); return `${row.vendor_name}: ${money(row.spend, r.out('vendor_performance').currency)} spent on ${row.placements} placements.`; },
    },
  },
  {
    id: 'playlists-most-followers',
    area: 'playlists',
    question: 'Which of our vendors\' playlists has the most followers?',
    expect: {
      tools: ['list_playlists'],
      facts: [
        { label: 'playlist', value: async (truth) => (await truth.call('list_playlists', { sort: 'followers', order: 'desc', limit: 1 })).rows[0].name },
        { label: 'followers', value: async (truth) => (await truth.call('list_playlists', { sort: 'followers', order: 'desc', limit: 1 })).rows[0].follower_count },
      ],
    },
    script: {
      steps: [{ tool: 'list_playlists', input: { sort: 'followers', order: 'desc', limit: 3 } }],
      answer: (r) => { const row = r.out('list_playlists').rows[0]; return `${row.name} (${row.vendor_name}) has the most followers: ${num(row.follower_count)}.`; },
    },
  },
  {
    id: 'playlists-hip-hop',
    area: 'playlists',
    question: 'Which hip-hop playlists can we place songs on, and which vendor runs each?',
    expect: {
      tools: ['list_playlists'],
      facts: [{ label: 'a hip-hop playlist', value: async (truth) => (await truth.call('list_playlists', { genre: 'hip-hop', limit: 1 })).rows[0].name }],
    },
    script: {
      steps: [{ tool: 'list_playlists', input: { genre: 'hip-hop', limit: 50 } }],
      answer: (r) => r.out('list_playlists').rows.map((row: Row) => `- ${row.name}: ${row.vendor_name}`).join('\n'),
    },
  },
  {
    id: 'playlists-of-top-vendor-delivery',
    area: 'playlists',
    question: 'Which playlist has delivered the most streams to our songs?',
    expect: {
      tools: ['list_playlists'],
      facts: [
        { label: 'playlist', value: async (truth) => (await truth.call('list_playlists', { sort: 'delivered_streams', order: 'desc', limit: 1 })).rows[0].name },
        { label: 'delivered', value: async (truth) => (await truth.call('list_playlists', { sort: 'delivered_streams', order: 'desc', limit: 1 })).rows[0].delivered_streams },
      ],
    },
    script: {
      steps: [{ tool: 'list_playlists', input: { sort: 'delivered_streams', order: 'desc', limit: 3 } }],
      answer: (r) => { const row = r.out('list_playlists').rows[0]; return `${row.name} (${row.vendor_name}) delivered ${num(row.delivered_streams)} streams across ${row.songs_placed} songs.`; },
    },
  },
  {
    id: 'campaign-song-vendors',
    area: 'campaigns',
    setup: async (truth) => { const row = (await allCampaigns(truth, 'active'))[0]!; return { campaign: row.name, campaignId: row.id }; },
    question: (vars) => `Which vendors is the first song of "${vars.campaign}" placed with, and how much did each placement cost?`,
    expect: {
      tools: ['get_campaign'],
      allowed: ['list_campaigns'],
      facts: [
        { label: 'song', value: async (truth, vars) => (await truth.call('get_campaign', { campaign_id: vars.campaignId })).songs[0].song_name },
        { label: 'a vendor', value: async (truth, vars) => (await truth.call('get_campaign', { campaign_id: vars.campaignId })).songs[0].placements[0].vendor_name },
      ],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_campaigns', input: { search: vars.campaign } }), (r) => ({ tool: 'get_campaign', input: { campaign_id: r.out('list_campaigns').rows[0].id } })],
      answer: (r) => { const c = r.out('get_campaign'); const song = c.songs[0]; return `${song.song_name}:\n${song.placements.map((p: Row) => `- ${p.vendor_name}: ${money(p.price, c.currency)} for ${num(p.goal)} streams`).join('\n')}`; },
    },
  },
  {
    id: 'campaigns-paused',
    area: 'campaigns',
    question: 'Which campaigns are paused at the moment?',
    expect: {
      tools: ['list_campaigns'],
      facts: [{ label: 'paused campaign', value: async (truth) => (await allCampaigns(truth, 'paused'))[0]!.name }],
    },
    script: {
      steps: [{ tool: 'list_campaigns', input: { status: 'paused' } }],
      answer: (r) => r.out('list_campaigns').rows.map((row: Row) => `- ${row.name}: ${num(row.delivered)} of ${num(row.goal)} streams when paused`).join('\n'),
    },
  },
  {
    id: 'campaigns-not-invoiced',
    area: 'campaigns',
    question: 'Which completed campaigns have we not invoiced yet?',
    expect: {
      tools: ['list_campaigns'],
      allowed: ['get_campaign'],
      facts: [{ label: 'count not invoiced', value: async (truth) => (await allCampaigns(truth, 'completed')).filter((row) => row.invoice_status === 'not_invoiced').length }],
    },
    script: {
      steps: [{ tool: 'list_campaigns', input: { status: 'completed', limit: 100 } }],
      answer: (r) => { const rows = (r.out('list_campaigns').rows as Row[]).filter((row) => row.invoice_status === 'not_invoiced'); return `${rows.length} completed campaigns are not invoiced${rows.length ? `: ${rows.map((row) => row.name).join('; ')}` : ''}.`; },
    },
  },
];

export const RECORD_WRITE_CASES: EvalCase[] = [
  {
    id: 'update-vendor-price',
    area: 'vendors',
    role: 'CAMPAIGN_MANAGER',
    setup: async (truth) => ({ vendor: (await truth.call('list_vendors', { is_active: true })).rows.at(-1).name }),
    question: (vars) => `${vars.vendor} raised its price: set it to 2.65 USD per 1,000 streams.`,
    expect: {
      tools: ['list_vendors', 'update_vendor'],
      ordered: true,
      facts: [{ label: 'new price', value: async () => 2.65 }],
      verify: async ({ truth, vars }) => {
        const row = (await truth.call('list_vendors', { search: vars.vendor })).rows[0];
        return row.cost_per_1k_streams === 2.65 ? [] : [`the vendor's price is ${row.cost_per_1k_streams}, not 2.65`];
      },
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_vendors', input: { search: vars.vendor } }), (r) => ({ tool: 'update_vendor', input: { vendor_id: r.out('list_vendors').rows[0].id, cost_per_1k_streams: 2.65 } })],
      answer: (r, vars) => `${vars.vendor} now promises ${money(r.out('update_vendor').cost_per_1k_streams, r.out('update_vendor').currency)} per 1k streams (update_vendor).`,
    },
  },
  {
    id: 'archive-vendor',
    area: 'vendors',
    role: 'CAMPAIGN_MANAGER',
    setup: async (truth) => {
      await truth.call('create_vendor', { name: 'Eval Retired Playlists', cost_per_1k_streams: 4 });
      return { vendor: 'Eval Retired Playlists' };
    },
    question: (vars) => `We no longer work with ${vars.vendor}: archive it.`,
    expect: {
      tools: ['list_vendors', 'archive_vendor'],
      ordered: true,
      allowed: ['update_vendor'],
      verify: async ({ truth, vars }) => ((await truth.call('list_vendors', { search: vars.vendor })).rows.length ? ['the vendor is still listed'] : []),
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_vendors', input: { search: vars.vendor } }), (r) => ({ tool: 'archive_vendor', input: { vendor_id: r.out('list_vendors').rows[0].id } })],
      answer: (_r, vars) => `Archived ${vars.vendor}: it no longer appears in the vendor list (archive_vendor).`,
    },
  },
  {
    id: 'update-client-contact',
    area: 'clients',
    role: 'CAMPAIGN_MANAGER',
    setup: firstClient,
    question: (vars) => `Our contact at ${vars.client} is now Eval Person; update the client.`,
    expect: {
      tools: ['update_client'],
      allowed: ['list_clients', 'get_client'],
      facts: [{ label: 'new contact', value: async () => 'Eval Person' }],
      verify: async ({ truth, vars }) => ((await truth.call('get_client', { client_id: vars.clientId })).client.contact_person === 'Eval Person' ? [] : ['the contact person did not change']),
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_clients', input: { search: vars.client } }), (r) => ({ tool: 'update_client', input: { client_id: r.out('list_clients').rows[0].id, contact_person: 'Eval Person' } })],
      answer: (_r, vars) => `${vars.client}'s contact person is now Eval Person (update_client).`,
    },
  },
  {
    id: 'update-playlist-followers',
    area: 'playlists',
    role: 'CAMPAIGN_MANAGER',
    setup: async (truth) => ({ playlist: (await truth.call('list_playlists', { sort: 'followers', order: 'asc', limit: 1 })).rows[0].name }),
    question: (vars) => `The playlist "${vars.playlist}" now has 20,000 followers; update it.`,
    expect: {
      tools: ['list_playlists', 'update_playlist'],
      ordered: true,
      facts: [{ label: 'followers', value: async () => 20_000 }],
      verify: async ({ truth, vars }) => ((await truth.call('list_playlists', { search: vars.playlist })).rows[0].follower_count === 20_000 ? [] : ['the follower count did not change']),
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_playlists', input: { search: vars.playlist } }), (r) => ({ tool: 'update_playlist', input: { playlist_id: r.out('list_playlists').rows[0].id, follower_count: 20_000 } })],
      answer: (_r, vars) => `${vars.playlist} now shows ${num(20_000)} followers (update_playlist).`,
    },
  },
  {
    id: 'mark-campaign-invoiced',
    area: 'campaigns',
    role: 'CAMPAIGN_MANAGER',
    setup: async (truth) => { const row = (await allCampaigns(truth, 'completed')).find((c) => c.invoice_status === 'not_invoiced') ?? (await allCampaigns(truth, 'completed'))[0]!; return { campaign: row.name, campaignId: row.id }; },
    question: (vars) => `We sent the invoice for "${vars.campaign}": mark it as invoiced.`,
    expect: {
      tools: ['update_campaign'],
      allowed: ['list_campaigns', 'get_campaign'],
      facts: [{ label: 'invoice status', value: async () => 'invoiced' }],
      verify: async ({ truth, vars }) => ((await truth.call('get_campaign', { campaign_id: vars.campaignId })).campaign.invoice_status === 'invoiced' ? [] : ['the campaign is not marked invoiced']),
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_campaigns', input: { search: vars.campaign } }), (r) => ({ tool: 'update_campaign', input: { campaign_id: r.out('list_campaigns').rows[0].id, invoice_status: 'invoiced' } })],
      answer: (_r, vars) => `${vars.campaign} is now marked invoiced (update_campaign).`,
    },
  },
];
