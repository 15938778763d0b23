import type { CaseVars, EvalCase, Truth } from '../harness/eval-case.ts';
import { best, money, num, pct } from './format.ts';

type Row = Record<string, any>;

async function activeCampaign(truth: Truth): Promise<CaseVars> {
  const campaign = (await truth.call('list_campaigns', { status: 'active', limit: 1 })).rows[0];
  return { campaign: campaign.name, campaignId: campaign.id };
}

const overview = async (truth: Truth, vars: CaseVars) => (await truth.call('get_campaign', { campaign_id: vars.campaignId })).overview;
const findAndGet = [
  (_r: unknown, vars: CaseVars) => ({ tool: 'list_campaigns', input: { search: vars.campaign } }),
  (r: { out(tool: string): any }) => ({ tool: 'get_campaign', input: { campaign_id: r.out('list_campaigns').rows[0].id } }),
];

export const CAMPAIGN_READ_CASES: EvalCase[] = [
  {
    id: 'campaigns-active',
    area: 'campaigns',
    question: 'Which playlist campaigns are active right now?',
    expect: {
      tools: ['list_campaigns'],
      facts: [{ label: 'an active campaign', value: async (truth) => (await truth.call('list_campaigns', { status: 'active', limit: 1 })).rows[0].name }],
    },
    script: {
      steps: [{ tool: 'list_campaigns', input: { status: 'active' } }],
      answer: (r) => `Active campaigns as of ${r.out('list_campaigns').as_of} (list_campaigns):\n${r.out('list_campaigns').rows.map((row: Row) => `- ${row.name}: ${num(row.delivered)} of ${num(row.goal)} streams`).join('\n')}`,
    },
  },
  {
    id: 'campaign-progress',
    area: 'campaigns',
    setup: activeCampaign,
    question: (vars) => `How far along is the campaign "${vars.campaign}"?`,
    expect: { tools: ['list_campaigns', 'get_campaign'], ordered: true, facts: [{ label: 'progress', value: async (truth, vars) => (await overview(truth, vars)).progress }] },
    script: { steps: findAndGet, answer: (r) => `${r.out('get_campaign').campaign.name} is at ${pct(r.out('get_campaign').overview.progress)} progress as of ${r.out('get_campaign').as_of} (get_campaign).` },
  },
  {
    id: 'campaign-delivered',
    area: 'campaigns',
    setup: activeCampaign,
    question: (vars) => `How many streams has "${vars.campaign}" delivered so far, against its goal?`,
    expect: {
      tools: ['get_campaign'],
      allowed: ['list_campaigns'],
      facts: [
        { label: 'delivered streams', value: async (truth, vars) => (await overview(truth, vars)).delivered },
        { label: 'goal', value: async (truth, vars) => (await overview(truth, vars)).goal },
      ],
    },
    script: { steps: findAndGet, answer: (r) => `Delivered ${num(r.out('get_campaign').overview.delivered)} streams of a ${num(r.out('get_campaign').overview.goal)} goal as of ${r.out('get_campaign').as_of}.` },
  },
  {
    id: 'campaign-remaining-budget',
    area: 'campaigns',
    setup: activeCampaign,
    question: (vars) => `How many streams are still owed on "${vars.campaign}", and how much of its budget is left?`,
    expect: {
      tools: ['get_campaign'],
      allowed: ['list_campaigns'],
      facts: [
        { label: 'remaining streams', value: async (truth, vars) => (await overview(truth, vars)).remaining_streams },
        { label: 'budget left', value: async (truth, vars) => (await overview(truth, vars)).budget_left },
      ],
    },
    script: {
      steps: findAndGet,
      answer: (r) => { const o = r.out('get_campaign').overview; return `${num(o.remaining_streams)} streams still owed; ${money(o.budget_left, r.out('get_campaign').currency)} of the budget left, as of ${r.out('get_campaign').as_of}.`; },
    },
  },
  {
    id: 'clients-overview',
    area: 'clients',
    question: 'List our clients with how many campaigns each has.',
    expect: { tools: ['list_clients'], facts: [{ label: 'first client', value: async (truth) => (await truth.call('list_clients', {})).rows[0].name }] },
    script: { steps: [{ tool: 'list_clients' }], answer: (r) => r.out('list_clients').rows.map((row: Row) => `- ${row.name}: ${row.campaigns} campaigns`).join('\n') },
  },
  {
    id: 'client-detail',
    area: 'clients',
    setup: async (truth) => ({ client: (await truth.call('list_clients', {})).rows[0].name }),
    question: (vars) => `What is the total budget of all campaigns for the client ${vars.client}?`,
    expect: {
      tools: ['list_clients'],
      allowed: ['get_client'],
      facts: [{ label: 'total budget', value: async (truth, vars) => (await truth.call('list_clients', { search: vars.client })).rows[0].total_budget }],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_clients', input: { search: vars.client } })],
      answer: (r) => { const row = r.out('list_clients').rows[0]; return `${row.name}: total budget ${money(row.total_budget, r.out('list_clients').currency)} over ${row.campaigns} campaigns (list_clients).`; },
    },
  },
  {
    id: 'vendors-active-prices',
    area: 'vendors',
    question: 'List our active vendors with their promised price per 1,000 streams.',
    expect: { tools: ['list_vendors'], facts: [{ label: 'an active vendor', value: async (truth) => (await truth.call('list_vendors', { is_active: true })).rows[0].name }] },
    script: {
      steps: [{ tool: 'list_vendors', input: { is_active: true } }],
      answer: (r) => r.out('list_vendors').rows.map((row: Row) => `- ${row.name}: ${money(row.cost_per_1k_streams, row.currency)} per 1k promised`).join('\n'),
    },
  },
  {
    id: 'vendor-cheapest-real-streams',
    area: 'vendors',
    question: 'Which vendor gives us the cheapest real streams?',
    expect: {
      tools: ['vendor_performance'],
      allowed: ['recommend_vendors'],
      facts: [
        { label: 'cheapest vendor', value: async (truth) => best((await truth.call('vendor_performance')).rows, (row: Row) => row.real_cost_per_1k, 'min').vendor_name },
        { label: 'its real cost per 1k', value: async (truth) => best((await truth.call('vendor_performance')).rows, (row: Row) => row.real_cost_per_1k, 'min').real_cost_per_1k },
      ],
    },
    script: {
      steps: [{ tool: 'vendor_performance' }],
      answer: (r) => { const row = best(r.out('vendor_performance').rows, (v: Row) => v.real_cost_per_1k, 'min'); return `${row.vendor_name}: real cost ${money(row.real_cost_per_1k, r.out('vendor_performance').currency)} per 1k streams as of ${r.out('vendor_performance').as_of} (promised ${row.promised_cost_per_1k}).`; },
    },
  },
  {
    id: 'vendor-least-reliable',
    area: 'vendors',
    question: 'Which vendor is the least reliable at delivering what it promised?',
    expect: {
      tools: ['vendor_performance'],
      facts: [{ label: 'least reliable vendor', value: async (truth) => best((await truth.call('vendor_performance')).rows, (row: Row) => row.reliability_score, 'min').vendor_name }],
    },
    script: {
      steps: [{ tool: 'vendor_performance' }],
      answer: (r) => { const row = best(r.out('vendor_performance').rows, (v: Row) => v.reliability_score, 'min'); return `${row.vendor_name} has the lowest reliability score, ${row.reliability_score}/100, with a delivery rate of ${pct(row.delivery_rate)} as of ${r.out('vendor_performance').as_of}.`; },
    },
  },
  {
    id: 'vendor-delivery-rate',
    area: 'vendors',
    setup: async (truth) => ({ vendor: (await truth.call('vendor_performance')).rows.find((row: Row) => row.delivery_rate !== null).vendor_name }),
    question: (vars) => `What is ${vars.vendor}'s delivery rate?`,
    expect: {
      tools: ['vendor_performance'],
      allowed: ['list_vendors'],
      facts: [{ label: 'delivery rate', value: async (truth, vars) => (await truth.call('vendor_performance')).rows.find((row: Row) => row.vendor_name === vars.vendor).delivery_rate }],
    },
    script: {
      steps: [{ tool: 'vendor_performance' }],
      answer: (r, vars) => { const row = r.out('vendor_performance').rows.find((v: Row) => v.vendor_name === vars.vendor); return `${vars.vendor} delivered ${num(row.delivered_streams)} of ${num(row.promised_streams)} promised streams: a delivery rate of ${pct(row.delivery_rate)} as of ${r.out('vendor_performance').as_of}.`; },
    },
  },
  {
    id: 'vendor-performance-dance',
    area: 'vendors',
    question: 'How do our vendors perform on dance songs?',
    expect: {
      tools: ['vendor_performance'],
      facts: [{ label: 'a dance vendor', value: async (truth) => (await truth.call('vendor_performance', { genre: 'dance' })).rows[0].vendor_name }],
    },
    script: {
      steps: [{ tool: 'vendor_performance', input: { genre: 'dance' } }],
      answer: (r) => r.out('vendor_performance').rows.slice(0, 5).map((row: Row) => `- ${row.vendor_name}: delivery ${row.delivery_rate === null ? 'n/a' : pct(row.delivery_rate)}, real cost ${row.real_cost_per_1k ?? 'n/a'} ${r.out('vendor_performance').currency}/1k`).join('\n'),
    },
  },
  {
    id: 'recommend-vendors',
    area: 'vendors',
    question: 'Which vendors should I book to get 100,000 streams for 500 USD?',
    expect: {
      tools: ['recommend_vendors'],
      allowed: ['vendor_performance'],
      facts: [{ label: 'top recommendation', value: async (truth) => (await truth.call('recommend_vendors', { goal_streams: 100_000, budget: 500 })).ranked[0].vendor_name }],
    },
    script: {
      steps: [{ tool: 'recommend_vendors', input: { goal_streams: 100_000, budget: 500 } }],
      answer: (r) => r.out('recommend_vendors').ranked.slice(0, 3).map((row: Row) => `${row.rank}. ${row.vendor_name}: expected ${money(row.expected_real_cost_per_1k, r.out('recommend_vendors').currency)} per 1k real streams (${row.confidence} confidence)`).join('\n'),
    },
  },
  {
    id: 'plan-budget',
    area: 'allocation',
    question: 'Plan how to split 1,000 USD across vendors to get 200,000 streams in 30 days. Do not book anything yet.',
    expect: {
      tools: ['plan_budget_allocation'],
      mustNotCall: ['commit_allocation'],
      facts: [{ label: 'first allocation vendor', value: async (truth) => (await truth.call('plan_budget_allocation', { budget: 1000, goal_streams: 200_000, days: 30 })).allocations[0].vendor_name }],
    },
    script: {
      steps: [{ tool: 'plan_budget_allocation', input: { budget: 1000, goal_streams: 200_000, days: 30 } }],
      answer: (r) => r.out('plan_budget_allocation').allocations.map((row: Row) => `- ${row.vendor_name}: ${money(row.price, r.out('plan_budget_allocation').currency)} for ${num(row.expected_streams)} expected streams`).join('\n'),
    },
  },
  {
    id: 'alerts-under-delivering',
    area: 'alerts',
    question: 'Which placements are under-delivering right now?',
    expect: {
      tools: ['campaign_alerts'],
      facts: [{ label: 'number under-delivering', value: async (truth) => (await truth.call('campaign_alerts')).counts.under_delivering }],
    },
    script: {
      steps: [{ tool: 'campaign_alerts' }],
      answer: (r) => `${r.out('campaign_alerts').counts.under_delivering} placements are under-delivering as of ${r.out('campaign_alerts').as_of}:\n${r.out('campaign_alerts').alerts.filter((alert: Row) => alert.type === 'under_delivering').map((alert: Row) => `- ${alert.message}`).join('\n')}`,
    },
  },
  {
    id: 'playlists-top-daily',
    area: 'playlists',
    question: 'Which vendor playlists bring the most streams per day?',
    expect: {
      tools: ['list_playlists'],
      allowed: ['vendor_performance'],
      facts: [{ label: 'top playlist', value: async (truth) => (await truth.call('list_playlists', { sort: 'avg_daily_streams', order: 'desc', limit: 1 })).rows[0].name }],
    },
    script: {
      steps: [{ tool: 'list_playlists', input: { sort: 'avg_daily_streams', order: 'desc', limit: 5 } }],
      answer: (r) => r.out('list_playlists').rows.map((row: Row) => `- ${row.name} (${row.vendor_name}): ${num(row.avg_daily_streams)} streams a day`).join('\n'),
    },
  },
  {
    id: 'export-vendors',
    area: 'vendors',
    question: 'Export the vendors table as a CSV file.',
    expect: { tools: ['export_table'], facts: [{ label: 'file name', value: async (truth) => (await truth.call('export_table', { table: 'vendors' })).filename }] },
    script: { steps: [{ tool: 'export_table', input: { table: 'vendors' } }], answer: (r) => `Exported ${r.out('export_table').rows} vendors as ${r.out('export_table').filename} (export_table).` },
  },
];
