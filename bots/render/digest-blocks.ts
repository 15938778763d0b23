import { digestMessage } from '../../jobs/handlers/digest-message.ts';
import { amountText, countText, percentText } from '../../tools/common/display-figures.ts';
import type { DailyDigest } from '../../tools/insights/daily-digest.ts';
import type { KnownBlock } from '../bolt.ts';
import type { RenderedMessage } from './answer-blocks.ts';
import { capBlocks, escapeMrkdwn, header, section, sections, SLACK_LIMITS, truncate } from './slack-limits.ts';

/** The digest's buttons: "Ask about this" opens a question box; "Open approvals" without a web UI lists them here. */
export const DIGEST_ASK_ACTION = 'digest_ask';
export const DIGEST_APPROVALS_ACTION = 'digest_open_approvals';

type Metric = DailyDigest['metrics'][number];

/**
 * The daily digest laid out for Slack from the tool's own output: the headline, each metric with
 * its changes as percentages, campaigns, under-delivering vendors and anomalies linked to the web
 * UI (when its public URL is known), the oldest waiting approval, and two buttons: "Open
 * approvals" and "Ask about this" (the answer goes in the digest's thread). Charts as images.
 */
export function renderDigest(digest: DailyDigest, summary: string, webUrl: string | null): RenderedMessage {
  const link = (path: string, label: string) => (webUrl ? `<${webUrl}${path}|${escapeMrkdwn(label)}>` : escapeMrkdwn(label));
  const { title, charts = [] } = digestMessage(digest, summary);
  const blocks: KnownBlock[] = [
    header(title),
    ...sections(escapeMrkdwn(summary)),
    { type: 'section', fields: digest.metrics.map((metric) => ({ type: 'mrkdwn' as const, text: truncate(metricField(metric), SLACK_LIMITS.fieldText) })) },
    { type: 'divider' },
    ...list('Top campaigns (last 7 days)', digest.top_campaigns.map((campaign) =>
      `${link(`/campaigns/${campaign.campaign_id}`, campaign.name)}: ${countText(campaign.streams_7d)} streams in 7 days; ${countText(campaign.delivered)} of ${countText(campaign.goal)} delivered${campaign.progress === null ? '' : ` (${percentText(campaign.progress)})`}`,
    ), 'No active campaign had streams on vendor playlists in the last 7 days.'),
    ...list('Under-delivering vendors', digest.under_delivering_vendors.map((vendor) =>
      `${link('/vendors', vendor.vendor_name)}: ${countText(vendor.delivered_streams)} of ${countText(vendor.promised_streams)} promised streams (${percentText(vendor.delivery_rate)} delivered); real cost per 1k ${vendor.real_cost_per_1k === null ? 'unknown' : amountText(vendor.real_cost_per_1k, digest.currency)} vs ${amountText(vendor.promised_cost_per_1k, vendor.promised_cost_currency)} promised${vendor.note ? ` (${escapeMrkdwn(vendor.note)})` : ''}`,
    ), 'Every active vendor is at or above 80% of its promise.'),
    ...list('Anomalies', digest.anomalies.map((anomaly) => {
      const unit = (value: number) => (anomaly.metric === 'streams' ? `${countText(value)} streams` : amountText(value, digest.currency));
      const subject = anomaly.dimension === 'channel' ? channelLabel(anomaly.key) : anomaly.key;
      return `${link('/', `${anomaly.metric === 'streams' ? 'Streams' : 'Spend'} of ${subject}`)}: ${unit(anomaly.value)}, ${anomaly.direction} the usual ${unit(anomaly.mean)}`;
    }), 'None.'),
    // Money no exchange rate converts is left out of the figures above: say so rather than let a total look complete.
    ...(digest.notes.length ? list('Left out of the money figures', digest.notes.map(escapeMrkdwn), '') : []),
    ...pendingApprovals(digest, link),
    // Only when someone has overdue tasks: a digest without CRM work stays as it was.
    ...(digest.overdue_tasks.length ? list('Overdue tasks', digest.overdue_tasks.map((group) =>
      `${escapeMrkdwn(group.assignee ?? 'Unassigned')}: ${group.tasks.map((task) => `${escapeMrkdwn(task.title)}${task.about ? ` (${escapeMrkdwn(task.about)})` : ''}, ${task.days_overdue} day${task.days_overdue === 1 ? '' : 's'} late`).join('; ')}${group.count > group.tasks.length ? `; and ${group.count - group.tasks.length} more` : ''}`,
    ), '') : []),
    actions(digest, webUrl),
  ];
  return { text: truncate(`${title}: ${summary}`, SLACK_LIMITS.fallbackText), blocks: capBlocks(blocks), charts };
}

/** "*Streams*\n12,345 (+4.1% on the day before, −2% on a week ago)". */
function metricField(metric: Metric): string {
  const value = metric.metric === 'streams' || metric.metric === 'conversions' ? countText(metric.value) : amountText(metric.value, metric.unit);
  const changes = [change(metric.change_vs_previous_day_percent, 'on the day before'), change(metric.change_vs_last_week_percent, 'on a week ago')].filter(Boolean);
  return `*${metric.metric.charAt(0).toUpperCase()}${metric.metric.slice(1)}*\n${value}${changes.length ? ` (${changes.join(', ')})` : ''}`;
}

/** The tool's change is already a percentage (12.3 means +12.3%); null when the earlier day was 0. */
function change(percent: number | null, against: string): string {
  if (percent === null) return '';
  const rounded = Math.abs(percent) < 10 ? Number(percent.toFixed(1)) : Math.round(percent);
  return `${rounded > 0 ? '+' : ''}${rounded}% ${against}`;
}

function list(heading: string, lines: string[], none: string): KnownBlock[] {
  return sections(`*${heading}*\n${(lines.length ? lines : [none]).map((line) => `• ${line}`).join('\n')}`);
}

function pendingApprovals(digest: DailyDigest, link: (path: string, label: string) => string): KnownBlock[] {
  const { count, oldest } = digest.pending_approvals;
  if (!oldest) return [section('*Pending approvals*\nNone waiting.')];
  const age = `${oldest.age_days} day${oldest.age_days === 1 ? '' : 's'}`;
  return [section(truncate(`*Pending approvals*\n${count} waiting; the oldest (${age}): ${link(`/approvals/${oldest.approval_id}`, oldest.preview.split('\n')[0] ?? oldest.action)}`, SLACK_LIMITS.sectionText))];
}

function actions(digest: DailyDigest, webUrl: string | null): KnownBlock {
  const openApprovals = webUrl
    ? { type: 'button' as const, action_id: DIGEST_APPROVALS_ACTION, text: { type: 'plain_text' as const, text: 'Open approvals' }, url: `${webUrl}/approvals` }
    : { type: 'button' as const, action_id: DIGEST_APPROVALS_ACTION, text: { type: 'plain_text' as const, text: 'Open approvals' }, value: 'list' };
  return {
    type: 'actions',
    block_id: 'digest_actions',
    elements: [openApprovals, { type: 'button', action_id: DIGEST_ASK_ACTION, style: 'primary', text: { type: 'plain_text', text: 'Ask about this' }, value: digest.date }],
  };
}

/** `spotify_marquee` -> "Spotify Marquee": channel keys as people say them. */
function channelLabel(key: string): string {
  return key.split('_').filter(Boolean).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}
