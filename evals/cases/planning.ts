import type { CaseVars, EvalCase, SetupTools, Truth } from '../harness/eval-case.ts';
import { best, money, num, pct } from './format.ts';

type Row = Record<string, any>;

/** Budget plans and their outcome, campaign milestones, alerts and the daily digest. */

const PLAN = { budget: 2000, goal_streams: 400_000, days: 45 };
const plan = async (truth: Truth) => truth.call('plan_budget_allocation', PLAN);
const activeCampaigns = async (truth: Truth): Promise<Row[]> => (await truth.call('list_campaigns', { status: 'active', limit: 100 })).rows;
const alerts = async (truth: Truth): Promise<Row[]> => (await truth.call('campaign_alerts')).alerts;

/** The vendor with the most under-delivering placements (ties: the first listed). */
function mostAlerted(rows: Row[]): { vendor: string; count: number } {
  const counts = new Map<string, number>();
  for (const alert of rows.filter((row) => row.type === 'under_delivering')) counts.set(alert.vendor_name, (counts.get(alert.vendor_name) ?? 0) + 1);
  const [vendor, count] = [...counts].reduce((winner, entry) => (entry[1] > winner[1] ? entry : winner));
  return { vendor, count };
}

/**
 * A plan that was booked: the owner commits a plan for an active campaign's first song and
 * approves it, so allocation_outcome has a kept plan to compare with what was delivered.
 */
async function bookedPlan(truth: Truth, tools: SetupTools): Promise<CaseVars> {
  const row = (await activeCampaigns(truth)).at(-1)!;
  const campaign = await truth.call('get_campaign', { campaign_id: row.id });
  const planned = await truth.call('plan_budget_allocation', { budget: 600, goal_streams: 150_000, days: 30 });
  const pending = await truth.call('commit_allocation', {
    campaign_id: row.id,
    track_url: campaign.songs[0].track_url,
    currency: planned.currency,
    allocations: planned.allocations.map((line: Row) => ({ vendor_id: line.vendor_id, goal: line.promise_streams, daily: line.daily, price: line.price })),
  });
  await tools.callAs('ADMIN', 'decide_approval', { approval_id: pending.approval_id, decision: 'approve', comment: 'Booked for the evals.' });
  await tools.settle();
  return { campaign: row.name, campaignId: row.id, approvalId: pending.approval_id };
}

export const PLANNING_CASES: EvalCase[] = [
  {
    id: 'plan-expected-streams',
    area: 'allocation',
    question: `If we spend ${num(PLAN.budget)} USD over ${PLAN.days} days, how should we split it to reach ${num(PLAN.goal_streams)} streams, and what would it cost? Just plan it.`,
    expect: {
      tools: ['plan_budget_allocation'],
      allowed: ['recommend_vendors', 'vendor_performance'],
      facts: [
        { label: 'total cost', value: async (truth) => (await plan(truth)).total_cost },
        { label: 'first vendor', value: async (truth) => (await plan(truth)).allocations[0].vendor_name },
      ],
    },
    script: {
      steps: [{ tool: 'plan_budget_allocation', input: PLAN }],
      answer: (r) => { const p = r.out('plan_budget_allocation'); return `The plan costs ${money(p.total_cost, p.currency)} for ${num(p.expected_streams)} expected streams (${money(p.unspent_budget, p.currency)} unspent):\n${p.allocations.map((line: Row) => `- ${line.vendor_name}: ${money(line.price, p.currency)}, ${num(line.expected_streams)} expected streams`).join('\n')}`; },
    },
  },
  {
    id: 'recommend-vendors-hip-hop',
    area: 'allocation',
    question: 'For a hip-hop single, which vendor should we book first to get 50,000 streams with 300 USD?',
    expect: {
      tools: ['recommend_vendors'],
      allowed: ['vendor_performance', 'plan_budget_allocation', 'list_playlists'],
      facts: [{ label: 'top vendor', value: async (truth) => (await truth.call('recommend_vendors', { goal_streams: 50_000, budget: 300, genre: 'hip-hop' })).ranked[0].vendor_name }],
    },
    script: {
      steps: [{ tool: 'recommend_vendors', input: { goal_streams: 50_000, budget: 300, genre: 'hip-hop' } }],
      answer: (r) => { const top = r.out('recommend_vendors').ranked[0]; return `${top.vendor_name}: expected ${money(top.expected_real_cost_per_1k, r.out('recommend_vendors').currency)} per 1k real streams, reliability ${top.reliability_score}/100 (${top.confidence} confidence).`; },
    },
  },
  {
    id: 'allocation-outcome',
    area: 'allocation',
    setup: bookedPlan,
    question: (vars) => `How is the budget plan we booked for "${vars.campaign}" doing against what it expected?`,
    expect: {
      tools: ['allocation_outcome'],
      allowed: ['list_campaigns', 'list_approvals', 'get_campaign'],
      facts: [
        { label: 'a planned vendor', value: async (truth, vars) => (await truth.call('allocation_outcome', { campaign_id: vars.campaignId })).vendors[0].vendor_name },
        { label: 'expected streams', value: async (truth, vars) => (await truth.call('allocation_outcome', { campaign_id: vars.campaignId })).totals.expected_streams },
      ],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'allocation_outcome', input: { campaign_id: vars.campaignId } })],
      answer: (r) => { const o = r.out('allocation_outcome'); return `The plan expects ${num(o.totals.expected_streams)} streams; ${num(o.totals.delivered)} delivered so far (as of ${o.as_of}):\n${(o.vendors as Row[]).map((v) => `- ${v.vendor_name}: ${num(v.delivered)} of ${num(v.expected_streams)} expected`).join('\n')}`; },
    },
  },
  {
    id: 'milestone-closest-to-goal',
    area: 'milestones',
    question: 'Which active campaign is closest to reaching its streams goal?',
    expect: {
      tools: ['list_campaigns'],
      facts: [
        { label: 'campaign', value: async (truth) => best(await activeCampaigns(truth), (row) => row.progress).name },
        { label: 'progress', value: async (truth) => best(await activeCampaigns(truth), (row) => row.progress).progress },
      ],
    },
    script: {
      steps: [{ tool: 'list_campaigns', input: { status: 'active', limit: 100 } }],
      answer: (r) => { const row = best(r.out('list_campaigns').rows as Row[], (c) => c.progress); return `${row.name} is at ${pct(row.progress)}: ${num(row.delivered)} of ${num(row.goal)} streams, ${num(row.remaining_streams)} to go.`; },
    },
  },
  {
    id: 'milestone-goal-reached',
    area: 'milestones',
    question: 'Which of our campaigns have reached their streams goal?',
    expect: {
      tools: ['list_campaigns'],
      facts: [{ label: 'a campaign at its goal', value: async (truth) => (await truth.call('list_campaigns', { status: 'any', limit: 100 })).rows.find((row: Row) => row.progress >= 1).name }],
    },
    script: {
      steps: [{ tool: 'list_campaigns', input: { status: 'any', limit: 100 } }],
      answer: (r) => `Campaigns at their goal: ${(r.out('list_campaigns').rows as Row[]).filter((row) => row.progress >= 1).map((row) => `${row.name} (${num(row.delivered)} of ${num(row.goal)})`).join('; ')}.`,
    },
  },
  {
    id: 'milestone-song-goal',
    area: 'milestones',
    setup: async (truth) => { const row = (await activeCampaigns(truth))[0]!; return { campaign: row.name, campaignId: row.id }; },
    question: (vars) => `In "${vars.campaign}", which song is nearest its goal, and how many streams does it still need?`,
    expect: {
      tools: ['get_campaign'],
      allowed: ['list_campaigns'],
      facts: [
        { label: 'song', value: async (truth, vars) => best((await truth.call('get_campaign', { campaign_id: vars.campaignId })).songs as Row[], (song) => song.progress).song_name },
        { label: 'streams still needed', value: async (truth, vars) => best((await truth.call('get_campaign', { campaign_id: vars.campaignId })).songs as Row[], (song) => song.progress).remaining_streams },
      ],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'get_campaign', input: { campaign_id: vars.campaignId } })],
      answer: (r) => { const song = best(r.out('get_campaign').songs as Row[], (s) => s.progress); return `${song.song_name} is at ${pct(song.progress)} of its goal: ${num(song.remaining_streams)} streams still needed.`; },
    },
  },
  {
    id: 'alerts-worst-vendor',
    area: 'alerts',
    question: 'Which vendor is behind on the most placements right now?',
    expect: {
      tools: ['campaign_alerts'],
      allowed: ['vendor_performance'],
      facts: [{ label: 'vendor', value: async (truth) => mostAlerted(await alerts(truth)).vendor }],
    },
    script: {
      steps: [{ tool: 'campaign_alerts' }],
      answer: (r) => { const worst = mostAlerted(r.out('campaign_alerts').alerts); return `${worst.vendor} is under-delivering on ${worst.count} placements as of ${r.out('campaign_alerts').as_of}.`; },
    },
  },
  {
    id: 'alerts-high-severity',
    area: 'alerts',
    question: 'Which campaign problems are high severity, and what should we do about them?',
    expect: {
      tools: ['campaign_alerts'],
      facts: [{ label: 'a high-severity song', value: async (truth) => (await alerts(truth)).find((alert) => alert.severity === 'high')!.song }],
    },
    script: {
      steps: [{ tool: 'campaign_alerts' }],
      answer: (r) => (r.out('campaign_alerts').alerts as Row[]).filter((alert) => alert.severity === 'high').map((alert) => `- ${alert.message} ${alert.action}`).join('\n'),
    },
  },
  {
    id: 'digest-yesterday',
    area: 'alerts',
    question: 'Give me the daily digest for yesterday: streams and spend against the day before.',
    expect: {
      tools: ['daily_digest'],
      facts: [
        { label: 'streams', value: async (truth) => (await truth.call('daily_digest')).metrics.find((m: Row) => m.metric === 'streams').value },
        { label: 'spend', value: async (truth) => (await truth.call('daily_digest')).metrics.find((m: Row) => m.metric === 'spend').value },
      ],
    },
    script: {
      steps: [{ tool: 'daily_digest' }],
      answer: (r) => { const d = r.out('daily_digest'); return `${d.date}:\n${(d.metrics as Row[]).map((m) => `- ${m.metric}: ${num(m.value)} (${m.change_vs_previous_day_percent}% vs ${d.previous_day})`).join('\n')}`; },
    },
  },
  {
    id: 'digest-given-day',
    area: 'alerts',
    question: 'How did revenue on 2026-11-10 compare with the same weekday a week earlier?',
    expect: {
      tools: ['daily_digest'],
      allowed: ['performance_timeline'],
      facts: [{ label: 'revenue', value: async (truth) => (await truth.call('daily_digest', { date: '2026-11-10' })).metrics.find((m: Row) => m.metric === 'revenue').value }],
    },
    script: {
      steps: [{ tool: 'daily_digest', input: { date: '2026-11-10' } }],
      answer: (r) => { const d = r.out('daily_digest'); const m = d.metrics.find((x: Row) => x.metric === 'revenue'); return `Revenue on ${d.date} was ${money(m.value, d.currency)} against ${money(m.same_weekday_last_week, d.currency)} on ${d.same_weekday_last_week} (${m.change_vs_last_week_percent}%).`; },
    },
  },
];
