import type { AgentContext } from '../../agent/context/question-context.ts';
import type { CaseVars, EvalCase, SeededTurn, Truth } from '../harness/eval-case.ts';
import { best, money, num, pct } from './format.ts';

type Row = Record<string, any>;

/**
 * Conversations: follow-ups that only make sense with the thread ("and the one before?"), a
 * thread long enough to be summarised, the step limit, questions asked from Slack, and questions
 * asked on a record's page ("this campaign").
 */

const scorecard = async (truth: Truth): Promise<Row[]> => (await truth.call('vendor_performance')).rows;
/** Vendors with a reliability score, least reliable first. */
const byReliability = (rows: Row[]): Row[] => rows.filter((row) => row.reliability_score !== null).sort((a, b) => a.reliability_score - b.reliability_score);
const activeCampaign = async (truth: Truth): Promise<CaseVars> => {
  const row = (await truth.call('list_campaigns', { status: 'active', limit: 1 })).rows[0];
  return { campaign: row.name, campaignId: row.id, clientId: row.client.id, client: row.client.name };
};
const overview = async (truth: Truth, vars: CaseVars) => (await truth.call('get_campaign', { campaign_id: vars.campaignId })).overview;
const OCTOBER = { from: '2026-10-01', to: '2026-10-31', granularity: 'month' };
const SEPTEMBER = { from: '2026-09-01', to: '2026-09-30', granularity: 'month' };
const SLACK_PLACE = (): AgentContext => ({ slack: { channelId: 'C0EVALS01', threadTs: '1763290000.000100' } });

/** Unrelated small talk that makes a thread long (about 1,300 characters a turn, no figures). */
function padding(turns: number): SeededTurn[] {
  const topics = ['the release calendar', 'the artwork for the single', 'the press list', 'the tour poster', 'the newsletter wording', 'the playlist pitch', 'the radio plan', 'the merch colours'];
  return Array.from({ length: turns }, (_, index) => {
    const topic = topics[index % topics.length]!;
    return {
      user: `Different subject: can you remind me what we agreed about ${topic}? ${'I want to be sure the whole team is on the same page before the meeting, and that nobody is surprised by changes later on. '.repeat(4)}`,
      assistant: `We have not discussed ${topic} in figures: I only have what the tools return, and nothing about it was decided here. ${'When you have the notes from the meeting, share them and I will keep them in mind for the rest of this conversation. '.repeat(4)}`,
    };
  });
}

export const CONVERSATION_CASES: EvalCase[] = [
  {
    id: 'followup-second-least-reliable',
    area: 'conversation',
    before: [{
      question: 'Which vendor is the least reliable?',
      script: { steps: [{ tool: 'vendor_performance' }], answer: (r) => { const [row] = byReliability(r.out('vendor_performance').rows); return `${row!.vendor_name}, reliability ${row!.reliability_score}/100.`; } },
    }],
    question: 'And the one before it, the second least reliable?',
    expect: {
      tools: [],
      allowed: ['vendor_performance', 'list_vendors'],
      facts: [{ label: 'second least reliable', value: async (truth) => byReliability(await scorecard(truth))[1]!.vendor_name }],
    },
    script: { steps: [], answer: (r) => { const row = byReliability(r.out('vendor_performance').rows)[1]!; return `${row.vendor_name}, reliability ${row.reliability_score}/100 (delivery rate ${pct(row.delivery_rate)}).`; } },
  },
  {
    id: 'followup-campaign-budget',
    area: 'conversation',
    setup: activeCampaign,
    before: [{
      question: (vars) => `How far along is "${vars.campaign}"?`,
      script: {
        steps: [(_r, vars) => ({ tool: 'list_campaigns', input: { search: vars.campaign } }), (r) => ({ tool: 'get_campaign', input: { campaign_id: r.out('list_campaigns').rows[0].id } })],
        answer: (r) => `It is at ${pct(r.out('get_campaign').overview.progress)} progress.`,
      },
    }],
    question: 'How much of its budget is left?',
    expect: {
      tools: [],
      allowed: ['get_campaign', 'list_campaigns'],
      facts: [{ label: 'budget left', value: async (truth, vars) => (await overview(truth, vars)).budget_left }],
    },
    script: { steps: [], answer: (r) => { const c = r.out('get_campaign'); return `${money(c.overview.budget_left, c.currency)} of ${money(c.overview.budget, c.currency)} is left.`; } },
  },
  {
    id: 'followup-month-before',
    area: 'conversation',
    before: [{
      question: 'What did we spend in October 2026, and what was the blended ROAS?',
      script: { steps: [{ tool: 'performance_timeline', input: OCTOBER }], answer: (r) => { const p = r.out('performance_timeline').periods[0]; return `October 2026: spend ${money(p.spend, r.out('performance_timeline').currency)}, ROAS ${p.roas}.`; } },
    }],
    question: 'And the month before?',
    expect: {
      tools: ['performance_timeline'],
      allowed: ['roas_summary'],
      facts: [{ label: 'September spend', value: async (truth) => (await truth.call('performance_timeline', SEPTEMBER)).periods[0].spend }],
    },
    script: { steps: [{ tool: 'performance_timeline', input: SEPTEMBER }], answer: (r) => { const p = r.out('performance_timeline').periods[0]; return `September 2026: spend ${money(p.spend, r.out('performance_timeline').currency)}, ROAS ${p.roas}.`; } },
  },
  {
    id: 'long-thread-summarised',
    area: 'conversation',
    // A small history budget: the seeded thread no longer fits, so its older part is summarised before the answer.
    limits: { history: { maxTokens: 8_000, keepRecentMessages: 4 } },
    setup: async (truth) => ({ vendor: byReliability(await scorecard(truth)).find((row) => row.delivery_rate !== null)!.vendor_name }),
    seedHistory: (vars) => [
      { user: `Please keep an eye on the vendor ${vars.vendor} for me this month; I will ask about it later.`, assistant: `Noted: I will keep ${vars.vendor} in mind and can check its delivery whenever you ask.` },
      ...padding(16),
    ],
    question: 'What is the delivery rate of the vendor I asked you to keep an eye on at the start of this conversation?',
    expect: {
      tools: ['vendor_performance'],
      allowed: ['list_vendors'],
      facts: [
        { label: 'vendor', value: async (_truth, vars) => vars.vendor! },
        { label: 'delivery rate', value: async (truth, vars) => (await scorecard(truth)).find((row) => row.vendor_name === vars.vendor)!.delivery_rate },
      ],
      verify: async ({ prisma, orgId, threadId }) => {
        const thread = threadId ? await prisma.agentThread.findFirst({ where: { organizationId: orgId, id: threadId } }) : null;
        return thread?.summary && thread.summarizedThroughId ? [] : ['the thread was not summarised'];
      },
    },
    script: {
      steps: [{ tool: 'vendor_performance' }],
      answer: (r, vars) => { const row = r.out('vendor_performance').rows.find((v: Row) => v.vendor_name === vars.vendor); return `${vars.vendor} has delivered ${pct(row.delivery_rate)} of the streams it promised (${num(row.delivered_streams)} of ${num(row.promised_streams)}).`; },
    },
  },
  {
    id: 'step-limit-answers',
    area: 'conversation',
    // Two model calls: one to call tools, the last must answer with what it found.
    limits: { maxSteps: 2 },
    question: 'Go through every active campaign one by one and tell me, for each song, which vendor is furthest behind.',
    expect: {
      tools: [],
      allowed: ['list_campaigns', 'get_campaign', 'campaign_alerts', 'vendor_performance'],
      statuses: ['answered', 'step_limit'],
      verify: async ({ reply }) => (reply.steps <= 2 ? [] : [`took ${reply.steps} steps with a limit of 2`]),
    },
    script: {
      steps: [{ tool: 'list_campaigns', input: { status: 'active' } }, (r) => ({ tool: 'get_campaign', input: { campaign_id: r.out('list_campaigns').rows[0].id } })],
      answer: (r) => `I could only look at the list so far: ${(r.out('list_campaigns').rows as Row[]).length} active campaigns, starting with ${r.out('list_campaigns').rows[0].name}. Ask me about one campaign at a time for the song-by-song detail.`,
    },
  },
  {
    id: 'slack-vendor-scorecard',
    area: 'conversation',
    surface: 'SLACK',
    context: SLACK_PLACE,
    question: 'Compare our vendors: delivery rate and real cost per 1,000 streams for each.',
    expect: {
      tools: ['vendor_performance'],
      facts: [{ label: 'best delivery', value: async (truth) => best(await scorecard(truth), (row) => row.delivery_rate).vendor_name }],
    },
    script: {
      steps: [{ tool: 'vendor_performance' }],
      answer: (r) => (r.out('vendor_performance').rows as Row[]).map((row) => `• *${row.vendor_name}*: delivery ${row.delivery_rate === null ? 'n/a' : pct(row.delivery_rate)}, real cost ${row.real_cost_per_1k ?? 'n/a'} ${r.out('vendor_performance').currency}/1k`).join('\n'),
    },
  },
  {
    id: 'slack-campaign-progress',
    area: 'conversation',
    surface: 'SLACK',
    context: SLACK_PLACE,
    setup: activeCampaign,
    question: (vars) => `How is "${vars.campaign}" doing?`,
    expect: {
      tools: ['get_campaign'],
      allowed: ['list_campaigns', 'campaign_alerts'],
      facts: [{ label: 'progress', value: async (truth, vars) => (await overview(truth, vars)).progress }],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_campaigns', input: { search: vars.campaign } }), (r) => ({ tool: 'get_campaign', input: { campaign_id: r.out('list_campaigns').rows[0].id } })],
      answer: (r) => { const o = r.out('get_campaign').overview; return `*${r.out('get_campaign').campaign.name}* is at ${pct(o.progress)}: ${num(o.delivered)} of ${num(o.goal)} streams.\n• Budget left: ${money(o.budget_left, r.out('get_campaign').currency)}`; },
    },
  },
  {
    id: 'slack-followup-alerts',
    area: 'conversation',
    surface: 'SLACK',
    context: SLACK_PLACE,
    before: [{
      question: 'Which placements are under-delivering?',
      script: { steps: [{ tool: 'campaign_alerts' }], answer: (r) => (r.out('campaign_alerts').alerts as Row[]).filter((a) => a.type === 'under_delivering').map((a) => `• ${a.message}`).join('\n') },
    }],
    question: 'Which vendor is behind on the most of those?',
    expect: {
      tools: [],
      allowed: ['campaign_alerts', 'vendor_performance'],
      facts: [{ label: 'vendor', value: async (truth) => mostAlerted((await truth.call('campaign_alerts')).alerts) }],
    },
    script: { steps: [], answer: (r) => `*${mostAlerted(r.out('campaign_alerts').alerts)}* is behind on the most of them.` },
  },
  {
    id: 'slack-daily-digest',
    area: 'conversation',
    surface: 'SLACK',
    context: SLACK_PLACE,
    question: 'Yesterday\'s numbers please: streams, spend, revenue and conversions.',
    expect: {
      tools: ['daily_digest'],
      allowed: ['performance_timeline'],
      facts: [{ label: 'streams', value: async (truth) => (await truth.call('daily_digest')).metrics.find((m: Row) => m.metric === 'streams').value }],
    },
    script: {
      steps: [{ tool: 'daily_digest' }],
      answer: (r) => `*${r.out('daily_digest').date}*\n${(r.out('daily_digest').metrics as Row[]).map((m) => `• ${m.metric}: ${num(m.value)} (${m.change_vs_previous_day_percent}% on the day before)`).join('\n')}`,
    },
  },
  {
    id: 'context-this-campaign',
    area: 'conversation',
    setup: activeCampaign,
    context: (vars) => ({ page: { path: `/campaigns/${vars.campaignId}`, title: 'Campaign' }, record: { type: 'campaign', id: vars.campaignId! } }),
    question: 'How far along is this campaign, and how many streams are still owed?',
    expect: {
      tools: ['get_campaign'],
      facts: [
        { label: 'progress', value: async (truth, vars) => (await overview(truth, vars)).progress },
        { label: 'remaining streams', value: async (truth, vars) => (await overview(truth, vars)).remaining_streams },
      ],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'get_campaign', input: { campaign_id: vars.campaignId } })],
      answer: (r) => { const o = r.out('get_campaign').overview; return `${r.out('get_campaign').campaign.name} is at ${pct(o.progress)}; ${num(o.remaining_streams)} streams are still owed.`; },
    },
  },
  {
    id: 'context-this-client',
    area: 'conversation',
    setup: activeCampaign,
    context: (vars) => ({ page: { path: `/clients/${vars.clientId}`, title: 'Client' }, record: { type: 'client', id: vars.clientId! } }),
    question: 'What is the total budget of this client\'s campaigns?',
    expect: {
      tools: ['get_client'],
      allowed: ['list_clients'],
      facts: [{ label: 'total budget', value: async (truth, vars) => (await truth.call('get_client', { client_id: vars.clientId })).total_budget }],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'get_client', input: { client_id: vars.clientId } })],
      answer: (r) => `${r.out('get_client').client.name}: ${money(r.out('get_client').total_budget, r.out('get_client').currency)} across ${r.out('get_client').campaigns_count.total} campaigns.`,
    },
  },
];

/** The vendor with the most under-delivering placements. */
function mostAlerted(alerts: Row[]): string {
  const counts = new Map<string, number>();
  for (const alert of alerts.filter((row) => row.type === 'under_delivering')) counts.set(alert.vendor_name, (counts.get(alert.vendor_name) ?? 0) + 1);
  return [...counts].reduce((winner, entry) => (entry[1] > winner[1] ? entry : winner))[0];
}
