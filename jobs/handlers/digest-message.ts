import { percentText } from '../../tools/common/display-figures.ts';
import type { DailyDigest } from '../../tools/insights/daily-digest.ts';
import type { NotificationMessage } from '../notifier.ts';

const number = (value: number) => value.toLocaleString('en', { maximumFractionDigits: 2 });
const amount = (value: number, unit: string) => (unit === 'streams' || unit === 'conversions' ? number(value) : `${value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${unit}`);
const change = (percent: number | null) => (percent === null ? 'n/a' : `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%`);
const weekday = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`).toLocaleDateString('en', { weekday: 'long', timeZone: 'UTC' });

/** The digest as a channel-neutral message: every figure from the tool's output, nothing recomputed. */
export function digestMessage(digest: DailyDigest, summary: string): NotificationMessage {
  return {
    title: `Daily digest, ${weekday(digest.date)} ${digest.date}`,
    digest,
    summary,
    sections: digestSections(digest),
    tables: [
      {
        heading: `${digest.date} vs ${digest.previous_day} and ${digest.same_weekday_last_week}`,
        columns: ['metric', 'value', 'day before', 'change', 'last week', 'change'],
        rows: digest.metrics.map((metric) => [
          metric.metric, amount(metric.value, metric.unit), amount(metric.previous_day, metric.unit), change(metric.change_vs_previous_day_percent),
          amount(metric.same_weekday_last_week, metric.unit), change(metric.change_vs_last_week_percent),
        ]),
      },
    ],
    charts: [
      { title: 'Streams per day', kind: 'line', labels: digest.daily.map((day) => day.date.slice(5)), series: [{ name: 'streams', values: digest.daily.map((day) => day.streams) }], unit: 'streams' },
      { title: 'Marketing spend per day', kind: 'bar', labels: digest.daily.map((day) => day.date.slice(5)), series: [{ name: 'spend', values: digest.daily.map((day) => day.spend) }], unit: digest.currency },
    ],
  };
}

/** The digest's own summary, used when no model writes one (and as the facts a model is given). */
export function digestSummary(digest: DailyDigest): string {
  const metric = (name: string) => digest.metrics.find((candidate) => candidate.metric === name)!;
  const streams = metric('streams');
  const spend = metric('spend');
  const revenue = metric('revenue');
  const conversions = metric('conversions');
  const headline =
    `${weekday(digest.date)}: ${amount(streams.value, 'streams')} streams (${change(streams.change_vs_previous_day_percent)} on the day before, ` +
    `${change(streams.change_vs_last_week_percent)} on the week before), ${amount(spend.value, spend.unit)} spent, ` +
    `${amount(revenue.value, revenue.unit)} revenue from ${number(conversions.value)} conversion${conversions.value === 1 ? '' : 's'}.`;
  const attention = [
    digest.anomalies.length ? `${digest.anomalies.length} anomal${digest.anomalies.length === 1 ? 'y' : 'ies'}` : null,
    digest.under_delivering_vendors.length ? `${digest.under_delivering_vendors.length} vendor${digest.under_delivering_vendors.length === 1 ? '' : 's'} under-delivering` : null,
    digest.pending_approvals.count ? `${digest.pending_approvals.count} approval${digest.pending_approvals.count === 1 ? '' : 's'} waiting` : null,
  ].filter(Boolean);
  return attention.length ? `${headline} Needs attention: ${attention.join(', ')}.` : `${headline} Nothing needs attention.`;
}

/** The facts a model may phrase: the summary and every section line, all from the tool output. */
export function digestFacts(digest: DailyDigest): string {
  return [digestSummary(digest), ...digestSections(digest).flatMap((section) => [`${section.heading}:`, ...section.lines.map((line) => `- ${line}`)])].join('\n');
}

function digestSections(digest: DailyDigest): NotificationMessage['sections'] {
  const sections: NotificationMessage['sections'] = [
    {
      heading: 'Top campaigns (last 7 days)',
      lines: digest.top_campaigns.length
        ? digest.top_campaigns.map((campaign) => `${campaign.name}: ${number(campaign.streams_7d)} streams in 7 days; ${number(campaign.delivered)} of ${number(campaign.goal)} delivered${campaign.progress === null ? '' : ` (${Math.round(campaign.progress * 100)}%)`}`)
        : ['No active campaign had streams on vendor playlists in the last 7 days.'],
    },
    {
      heading: 'Under-delivering vendors',
      lines: digest.under_delivering_vendors.length
        ? digest.under_delivering_vendors.map((vendor) => `${vendor.vendor_name}: ${number(vendor.delivered_streams)} of ${number(vendor.promised_streams)} promised streams (${percentText(vendor.delivery_rate)} delivered); real cost per 1k ${vendor.real_cost_per_1k === null ? 'n/a' : amount(vendor.real_cost_per_1k, digest.currency)} vs ${amount(vendor.promised_cost_per_1k, vendor.promised_cost_currency)} promised${vendor.note ? ` (${vendor.note})` : ''}`)
        : ['Every active vendor is at or above 80% of its promise.'],
    },
    {
      heading: 'Anomalies',
      lines: digest.anomalies.length
        ? digest.anomalies.map((anomaly) => {
          const unit = anomaly.metric === 'streams' ? 'streams' : digest.currency;
          return `${anomaly.metric} of ${anomaly.dimension} ${anomaly.key}: ${amount(anomaly.value, unit)}, ${anomaly.direction} the usual ${amount(anomaly.mean, unit)} ± ${amount(anomaly.sd, unit)} (sd)`;
        })
        : ['None.'],
    },
  ];
  // Money no exchange rate converts is left out of the figures above: say so rather than let a total look complete.
  if (digest.notes.length > 0) sections.push({ heading: 'Left out of the money figures', lines: digest.notes });
  const pending = digest.pending_approvals;
  sections.push({
    heading: 'Pending approvals',
    lines: pending.oldest ? [`${pending.count} waiting; the oldest (${pending.oldest.age_days} day${pending.oldest.age_days === 1 ? '' : 's'}): ${pending.oldest.preview}`] : ['None waiting.'],
  });
  return sections;
}

/** One assignee's overdue tasks from the digest, as the direct message they get beside the channel's digest. */
export function overdueTasksMessage(group: DailyDigest['overdue_tasks'][number], date: string): NotificationMessage {
  const late = (days: number) => (days === 0 ? 'due earlier today' : `${days} day${days === 1 ? '' : 's'} late`);
  const lines = group.tasks.map((task) => `${task.title}${task.about ? ` (${task.about})` : ''}, ${late(task.days_overdue)}${task.priority === 'HIGH' ? ', high priority' : ''}`);
  if (group.count > group.tasks.length) lines.push(`…and ${group.count - group.tasks.length} more on the Tasks page.`);
  const first = group.tasks[0]!;
  return {
    title: `Your overdue tasks, ${date}`,
    summary: group.count === 1
      ? `You have 1 overdue task: ${first.title}, ${late(first.days_overdue)}.`
      : `You have ${group.count} overdue tasks; the most overdue: ${first.title}, ${late(first.days_overdue)}.`,
    sections: [{ heading: 'Overdue tasks', lines }],
  };
}
