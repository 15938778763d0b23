import type { EvalCase } from '../harness/eval-case.ts';
import { best, money, num, pct } from './format.ts';

type Row = Record<string, any>;
const AUG_OCT = { from: '2026-08-01', to: '2026-10-31' };

export const ATTRIBUTION_CASES: EvalCase[] = [
  {
    id: 'attribution-linear-by-channel',
    area: 'attribution',
    role: 'ANALYST',
    question: 'Attribute our revenue to channels with the linear model.',
    expect: {
      tools: ['calculate_attribution'],
      facts: [
        { label: 'top channel', value: async (truth) => (await truth.call('calculate_attribution', { model: 'linear' })).rows[0].key },
        { label: 'its revenue', value: async (truth) => (await truth.call('calculate_attribution', { model: 'linear' })).rows[0].attributed_revenue },
      ],
    },
    script: {
      steps: [{ tool: 'calculate_attribution', input: { model: 'linear', group_by: 'channel' } }],
      answer: (r) => `Linear attribution of ${money(r.out('calculate_attribution').total_revenue, r.out('calculate_attribution').currency)} (lookback ${r.out('calculate_attribution').lookback_days} days):\n${r.out('calculate_attribution').rows.map((row: Row) => `- ${row.key}: ${money(row.attributed_revenue, r.out('calculate_attribution').currency)} (${pct(row.share_of_revenue)})`).join('\n')}`,
    },
  },
  {
    id: 'attribution-markov-top',
    area: 'attribution',
    role: 'ANALYST',
    question: 'Under the Markov model, which channel gets the most credit for revenue?',
    expect: {
      tools: ['calculate_attribution'],
      allowed: ['compare_attribution_models'],
      facts: [{ label: 'top channel', value: async (truth) => (await truth.call('calculate_attribution', { model: 'markov' })).rows[0].key }],
    },
    script: {
      steps: [{ tool: 'calculate_attribution', input: { model: 'markov' } }],
      answer: (r) => `${r.out('calculate_attribution').rows[0].key} gets the most Markov credit: ${money(r.out('calculate_attribution').rows[0].attributed_revenue, r.out('calculate_attribution').currency)} (lookback ${r.out('calculate_attribution').lookback_days} days).`,
    },
  },
  {
    id: 'attribution-compare-email',
    area: 'attribution',
    question: 'How much does the credit for email change between first-touch and last-touch attribution?',
    expect: {
      tools: ['compare_attribution_models'],
      allowed: ['calculate_attribution'],
      facts: [
        { label: 'email first touch', value: async (truth) => (await truth.call('compare_attribution_models')).rows.find((row: Row) => row.key === 'email').revenue.first_touch },
        { label: 'email last touch', value: async (truth) => (await truth.call('compare_attribution_models')).rows.find((row: Row) => row.key === 'email').revenue.last_touch },
      ],
    },
    script: {
      steps: [{ tool: 'compare_attribution_models' }],
      answer: (r) => { const email = r.out('compare_attribution_models').rows.find((row: Row) => row.key === 'email'); const c = r.out('compare_attribution_models').currency; return `Email gets ${money(email.revenue.first_touch, c)} first-touch and ${money(email.revenue.last_touch, c)} last-touch (30-day lookback).`; },
    },
  },
  {
    id: 'roas-by-channel',
    area: 'attribution',
    question: 'What was our ROAS by channel from 2026-08-01 to 2026-10-31?',
    expect: {
      tools: ['roas_summary'],
      facts: [{ label: 'meta ROAS', value: async (truth) => (await truth.call('roas_summary', AUG_OCT)).rows.find((row: Row) => row.key === 'meta').roas }],
    },
    script: {
      steps: [{ tool: 'roas_summary', input: AUG_OCT }],
      answer: (r) => `ROAS by channel, ${AUG_OCT.from} to ${AUG_OCT.to} (linear attribution):\n${r.out('roas_summary').rows.map((row: Row) => `- ${row.key}: ROAS ${row.roas} on ${money(row.spend, r.out('roas_summary').currency)} spend`).join('\n')}`,
    },
  },
  {
    id: 'roas-best-channel',
    area: 'attribution',
    question: 'Which channel had the best return on ad spend between August and October 2026?',
    expect: {
      tools: ['roas_summary'],
      facts: [{ label: 'best channel', value: async (truth) => best((await truth.call('roas_summary', AUG_OCT)).rows, (row: Row) => row.roas).key }],
    },
    script: {
      steps: [{ tool: 'roas_summary', input: AUG_OCT }],
      answer: (r) => { const row = best(r.out('roas_summary').rows, (v: Row) => v.roas); return `${row.key} had the best ROAS, ${row.roas}, from ${AUG_OCT.from} to ${AUG_OCT.to}.`; },
    },
  },
  {
    id: 'reconcile-payouts',
    area: 'attribution',
    question: 'Reconcile our platform payouts with estimated earnings for August to October 2026.',
    expect: {
      tools: ['reconcile_payouts'],
      facts: [{ label: 'first variance', value: async (truth) => (await truth.call('reconcile_payouts', { period: AUG_OCT })).rows[0].variance_percent }],
    },
    script: {
      steps: [{ tool: 'reconcile_payouts', input: { period: AUG_OCT } }],
      answer: (r) => r.out('reconcile_payouts').rows.slice(0, 6).map((row: Row) => `- ${row.artist} on ${row.platform}, ${row.period_start} to ${row.period_end}: actual ${money(row.actual, row.currency)} vs estimated ${money(row.estimated, row.currency)} (${row.variance_percent}%)`).join('\n'),
    },
  },
  {
    id: 'weekly-artist-stats',
    area: 'attribution',
    question: 'How did our artists do last week?',
    expect: {
      tools: ['weekly_artist_stats'],
      facts: [{ label: 'top artist', value: async (truth) => (await truth.call('weekly_artist_stats')).artists[0].artist }],
    },
    script: {
      steps: [{ tool: 'weekly_artist_stats' }],
      answer: (r) => `Week ${r.out('weekly_artist_stats').week_start} to ${r.out('weekly_artist_stats').week_end}:\n${r.out('weekly_artist_stats').artists.slice(0, 5).map((row: Row) => `- ${row.artist}: ${num(row.streams)} streams`).join('\n')}`,
    },
  },
  {
    id: 'estimated-earnings-october',
    area: 'attribution',
    question: 'What were our estimated streaming earnings per artist in October 2026?',
    expect: {
      tools: ['estimated_earnings'],
      facts: [{ label: 'top artist amount', value: async (truth) => (await truth.call('estimated_earnings', { period: { from: '2026-10-01', to: '2026-10-31' } })).rows[0].amount }],
    },
    script: {
      steps: [{ tool: 'estimated_earnings', input: { period: { from: '2026-10-01', to: '2026-10-31' } } }],
      answer: (r) => r.out('estimated_earnings').rows.slice(0, 6).map((row: Row) => `- ${row.artist} (${row.platform}): ${money(row.amount, row.currency)} from ${num(row.streams)} streams`).join('\n'),
    },
  },
  {
    id: 'stream-rates',
    area: 'attribution',
    role: 'VIEWER',
    question: 'What per-stream rates do we use for each platform?',
    expect: {
      tools: ['list_stream_rates'],
      facts: [{ label: 'spotify rate', value: async (truth) => (await truth.call('list_stream_rates')).rates.find((row: Row) => row.platform === 'spotify').rate_per_stream }],
    },
    script: { steps: [{ tool: 'list_stream_rates' }], answer: (r) => r.out('list_stream_rates').rates.map((row: Row) => `- ${row.platform}: ${row.currency} ${row.rate_per_stream} per stream`).join('\n') },
  },
  {
    id: 'customer-journey',
    area: 'attribution',
    setup: async (_truth, tools) => ({ customer: await tools.firstCustomerId() }),
    question: (vars) => `Show me the journey of customer ${vars.customer} before they converted.`,
    expect: {
      tools: ['customer_journey'],
      facts: [{ label: 'first-touch channel', value: async (truth, vars) => (await truth.call('customer_journey', { customer_id: vars.customer })).first_touch.channel }],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'customer_journey', input: { customer_id: vars.customer } })],
      answer: (r) => { const j = r.out('customer_journey'); return `${j.customer_id}: ${j.touchpoints} touchpoints, first ${j.first_touch?.channel} and last ${j.last_touch?.channel}; lifetime value ${money(j.lifetime_value, j.currency)}.`; },
    },
  },
  {
    id: 'campaign-lift',
    area: 'attribution',
    setup: async (truth) => ({ campaign: (await truth.call('list_campaigns', { status: 'completed', limit: 1 })).rows[0].name }),
    question: (vars) => `What streaming lift did the campaign "${vars.campaign}" produce?`,
    expect: { tools: ['campaign_lift'], allowed: ['list_campaigns', 'get_campaign'] },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_campaigns', input: { search: vars.campaign, status: 'any' } }), (r) => ({ tool: 'campaign_lift', input: { campaign_id: r.out('list_campaigns').rows[0].id } })],
      answer: (r) => { const lift = r.out('campaign_lift'); return `${lift.campaign_name}, ${lift.start} to ${lift.end}: ${lift.total.incremental_streams === null ? 'no measurable lift (not enough baseline)' : `${num(lift.total.incremental_streams)} incremental streams`}; cost ${money(lift.total.cost, lift.total.currency)}.`; },
    },
  },
  {
    id: 'record-spend',
    area: 'attribution',
    role: 'CAMPAIGN_MANAGER',
    question: 'Record 250 USD of TikTok spend on 2026-11-10 for the artist Veyra.',
    expect: { tools: ['record_spend'], facts: [{ label: 'amount', value: async () => 250 }] },
    script: {
      steps: [{ tool: 'record_spend', input: { date: '2026-11-10', channel: 'tiktok', artist: 'Veyra', amount: 250, currency: 'USD' } }],
      answer: () => 'Recorded USD 250.00 of TikTok spend for Veyra on 2026-11-10 (record_spend).',
    },
  },
];
