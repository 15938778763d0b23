import type { EvalCase } from '../harness/eval-case.ts';
import { money, num, pct } from './format.ts';

type Row = Record<string, any>;

/**
 * Ad accounts (issue 22) over the demo's Meta, Google Ads and TikTok stand-ins (db/seed/ads.ts):
 * yesterday's spend by platform, the campaign over its daily limit, TikTok's video completion, sync
 * health, ROAS by platform over 30 days; and pausing the over-budget campaign, which only files an
 * approval. Figures come from the tools at scoring time.
 */

const platformRow = (result: Row, platform: string): Row => (result.rows as Row[]).find((row) => row.platform === platform)!;
const spendLine = (row: Row, currency: string) => `- ${row.label}: ${money(row.spend, currency)} (${num(row.impressions)} impressions, ${num(row.clicks)} clicks, ${num(row.conversions)} conversions)`;
const overDaily = (result: Row): Row => (result.alerts as Row[]).find((alert) => alert.cause === 'over_daily_limit' && alert.scope === 'campaign')!;
const failedRun = (result: Row): Row | undefined => (result.runs as Row[]).find((run) => run.outcome === 'failed');

export const ADS_READ_CASES: EvalCase[] = [
  {
    id: 'ads-yesterday-spend-by-platform',
    area: 'ads',
    question: 'How much did we spend on ads yesterday, by platform?',
    expect: {
      tools: ['ad_performance'],
      allowed: ['list_ad_accounts', 'get_ad_account'],
      facts: [
        { label: "yesterday's total ad spend", value: async (truth) => (await truth.call('ad_performance', { days: 1, group_by: 'platform' })).totals.spend },
        { label: "Meta's spend yesterday", value: async (truth) => platformRow(await truth.call('ad_performance', { days: 1, group_by: 'platform' }), 'meta').spend },
        { label: "TikTok's spend yesterday", value: async (truth) => platformRow(await truth.call('ad_performance', { days: 1, group_by: 'platform' }), 'tiktok').spend },
      ],
    },
    script: {
      steps: [{ tool: 'ad_performance', input: { days: 1, group_by: 'platform' } }],
      answer: (r) => {
        const result = r.out('ad_performance');
        return [
          `Ad spend on ${result.to} was ${money(result.totals.spend, result.base_currency)} across ${result.totals.accounts} accounts (ad_performance):`,
          ...(result.rows as Row[]).map((row) => spendLine(row, result.base_currency)),
        ].join('\n');
      },
    },
  },
  {
    id: 'ads-over-budget-campaign',
    area: 'ads',
    question: 'Which ad campaign is over budget?',
    expect: {
      tools: ['spend_alerts'],
      allowed: ['ad_performance', 'list_ad_accounts', 'get_ad_account'],
      facts: [
        { label: 'the campaign over its daily limit', value: async (truth) => overDaily(await truth.call('spend_alerts', {})).campaign_name },
        { label: 'what it spent', value: async (truth) => overDaily(await truth.call('spend_alerts', {})).spend },
        { label: 'its daily limit', value: async (truth) => overDaily(await truth.call('spend_alerts', {})).limit },
      ],
    },
    script: {
      steps: [{ tool: 'spend_alerts', input: {} }],
      answer: (r) => {
        const alert = overDaily(r.out('spend_alerts'));
        const posted = alert.posted_at ? ' The alert was already posted to the Slack alerts channel.' : '';
        return `“${alert.campaign_name}” on ${alert.account_name} spent ${money(alert.spend, alert.currency)} on ${alert.day}, over its daily limit of ${money(alert.limit, alert.currency)} (spend_alerts). It is the only campaign or account over a limit.${posted}`;
      },
    },
  },
  {
    id: 'ads-tiktok-video-completion',
    area: 'ads',
    question: 'What is the video completion rate of our TikTok ads over the last 30 days?',
    expect: {
      tools: ['ad_performance'],
      allowed: ['list_ad_accounts', 'get_ad_account'],
      facts: [
        { label: 'the completion rate', value: async (truth) => (await truth.call('ad_performance', { platforms: ['tiktok'], days: 30 })).totals.video.completion_rate },
        { label: 'video views', value: async (truth) => (await truth.call('ad_performance', { platforms: ['tiktok'], days: 30 })).totals.video.views },
      ],
    },
    script: {
      steps: [{ tool: 'ad_performance', input: { platforms: ['tiktok'], days: 30 } }],
      answer: (r) => {
        const result = r.out('ad_performance');
        const video = result.totals.video;
        return [
          `TikTok, ${result.from} to ${result.to} (ad_performance): ${num(video.views)} video views, and ${pct(video.completion_rate)} of them were watched to the end.`,
          `The funnel: ${num(video.p25)} reached 25%, ${num(video.p50)} reached 50%, ${num(video.p75)} reached 75% and ${num(video.p100)} finished.`,
        ].join('\n');
      },
    },
  },
  {
    id: 'ads-sync-health',
    area: 'ads',
    question: 'Do any of our ad accounts need re-authorising, and when did an ad account sync last fail?',
    expect: {
      tools: ['sync_status'],
      allowed: ['list_ad_accounts', 'get_ad_account'],
      facts: [
        { label: 'the account whose sync failed', value: async (truth) => failedRun(await truth.call('sync_status', { limit: 200 }))!.account_name },
        { label: 'the day it failed', value: async (truth) => failedRun(await truth.call('sync_status', { limit: 200 }))!.started_at.slice(0, 10) },
      ],
    },
    script: {
      steps: [{ tool: 'sync_status', input: { limit: 200 } }],
      answer: (r) => {
        const result = r.out('sync_status');
        const failed = failedRun(result)!;
        const retried = (result.runs as Row[]).find((run) => run.ad_account_id === failed.ad_account_id && run.outcome === 'succeeded' && run.started_at > failed.started_at);
        const attention = (result.attention as Row[]).length
          ? (result.attention as Row[]).map((row) => `${row.name}: ${row.problem.replace(/_/g, ' ')}`).join('; ')
          : 'No account needs re-authorising and every account\'s latest sync succeeded';
        return [
          `${attention} (sync_status).`,
          `The last failed sync was ${failed.account_name} on ${failed.started_at.slice(0, 10)}: ${failed.error}`,
          retried ? `It was retried at ${retried.started_at.slice(11, 16)} UTC and succeeded (${num(retried.rows)} campaign-days).` : '',
        ].filter(Boolean).join('\n');
      },
    },
  },
  {
    id: 'ads-roas-by-platform-30-days',
    area: 'ads',
    question: 'What was our ROAS by ad platform over the last 30 days?',
    expect: {
      tools: ['ad_performance'],
      allowed: ['list_ad_accounts', 'get_ad_account'],
      facts: [
        { label: "Meta's ROAS", value: async (truth) => platformRow(await truth.call('ad_performance', { days: 30, group_by: 'platform' }), 'meta').roas },
        { label: "TikTok's ROAS", value: async (truth) => platformRow(await truth.call('ad_performance', { days: 30, group_by: 'platform' }), 'tiktok').roas },
        { label: "Google's ROAS", value: async (truth) => platformRow(await truth.call('ad_performance', { days: 30, group_by: 'platform' }), 'google').roas },
      ],
    },
    script: {
      steps: [{ tool: 'ad_performance', input: { days: 30, group_by: 'platform' } }],
      answer: (r) => {
        const result = r.out('ad_performance');
        const currency = result.base_currency;
        return [
          `ROAS (conversion value / spend) from ${result.from} to ${result.to} (ad_performance):`,
          ...(result.rows as Row[]).map((row) => `- ${row.label}: ${num(row.roas)} (${money(row.conversion_value, currency)} from ${money(row.spend, currency)})`),
          `All platforms: ${num(result.totals.roas)}.`,
        ].join('\n');
      },
    },
  },
];

export const ADS_WRITE_CASES: EvalCase[] = [
  {
    id: 'ads-pause-over-budget-campaign',
    area: 'ads',
    role: 'CAMPAIGN_MANAGER',
    setup: async (truth) => {
      const alert = overDaily(await truth.call('spend_alerts', {}));
      return { adCampaignId: alert.ad_campaign_id };
    },
    question: 'Which ad campaign went over budget yesterday? Pause it.',
    expect: {
      tools: ['spend_alerts', 'pause_ad_campaign'],
      ordered: true,
      allowed: ['ad_performance', 'list_ad_accounts', 'get_ad_account'],
      pendingApproval: true,
      verify: async ({ prisma, orgId, vars }) => {
        const problems: string[] = [];
        const campaign = await prisma.adCampaign.findFirst({ where: { organizationId: orgId, id: vars.adCampaignId } });
        if (campaign?.status !== 'ACTIVE') problems.push(`the campaign is ${campaign?.status}, not still ACTIVE before any approval`);
        const requests = await prisma.approvalRequest.findMany({ where: { organizationId: orgId, action: 'pause_ad_campaign' } });
        const mine = requests.filter((request) => (request.payload as Row).ad_campaign_id === vars.adCampaignId);
        if (mine.length !== 1 || mine[0]!.status !== 'PENDING') problems.push(`${mine.length} pause_ad_campaign requests for the campaign (${mine.map((request) => request.status).join(', ')}), not 1 pending`);
        if (requests.length !== mine.length) problems.push(`${requests.length - mine.length} pause requests for other campaigns`);
        return problems;
      },
    },
    script: {
      steps: [
        { tool: 'spend_alerts', input: {} },
        (r) => {
          const alert = overDaily(r.out('spend_alerts'));
          return { tool: 'pause_ad_campaign', input: { ad_campaign_id: alert.ad_campaign_id, reason: `Over its daily limit on ${alert.day}: spent ${money(alert.spend, alert.currency)} against ${money(alert.limit, alert.currency)}` } };
        },
      ],
      answer: (r) => {
        const alert = overDaily(r.out('spend_alerts'));
        return `Pausing “${alert.campaign_name}” (it spent ${money(alert.spend, alert.currency)} on ${alert.day} against a daily limit of ${money(alert.limit, alert.currency)}) is pending approval: ${r.out('pause_ad_campaign').approve_url}. It keeps running until another person approves.`;
      },
    },
  },
];
