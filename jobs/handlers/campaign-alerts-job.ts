import { z } from 'zod';
import { isoDate } from '../../tools/common/format.ts';
import { defineJob, jobKey } from '../define-job.ts';
import { callTool } from '../job-principal.ts';
import type { NotificationMessage } from '../notifier.ts';

interface CampaignAlertsOutput {
  as_of: string;
  counts: Record<string, number>;
  alerts: Array<{ type: string; severity: string; campaign_name: string; song: string; message: string; action: string }>;
}

const HEADINGS: Record<string, string> = {
  under_delivering: 'Under-delivering placements',
  dropped_from_playlist: 'Dropped from a vendor playlist',
  stale_scrape: 'Stale or missing scrapes',
};
const LINES_PER_SECTION = 10;

/** Runs `campaign_alerts` for the day and notifies the organisation when there is anything to act on. */
export const campaignAlertsJob = defineJob({
  name: 'alerts.campaigns',
  description: 'Check active campaigns for problems and post the alerts, if any.',
  payload: z.object({ organizationId: z.string().min(1), date: isoDate }),
  attempts: 4,
  backoffMs: 30_000,
  key: (payload) => jobKey('alerts.campaigns', payload.organizationId, payload.date),
  async run(deps, payload) {
    const output = await callTool<CampaignAlertsOutput>(deps, payload.organizationId, 'campaign_alerts', { as_of: payload.date });
    if (output.alerts.length === 0) return { alerts: 0, notified: false };
    await deps.notifier.alerts(payload.organizationId, alertsMessage(output));
    return { alerts: output.alerts.length, notified: true };
  },
});

export function alertsMessage(output: CampaignAlertsOutput): NotificationMessage {
  const high = output.alerts.filter((alert) => alert.severity === 'high').length;
  const counts = Object.entries(output.counts)
    .filter(([, count]) => count > 0)
    .map(([type, count]) => `${count} ${(HEADINGS[type] ?? type).toLowerCase()}`);
  const sections = Object.keys(HEADINGS)
    .map((type) => {
      const own = output.alerts.filter((alert) => alert.type === type);
      const lines = own.slice(0, LINES_PER_SECTION).map((alert) => `${alert.severity === 'high' ? '[high] ' : ''}${alert.campaign_name} / ${alert.song}: ${alert.message} ${alert.action}`);
      if (own.length > LINES_PER_SECTION) lines.push(`…and ${own.length - LINES_PER_SECTION} more: see Alerts on the Overview page.`);
      return { heading: HEADINGS[type]!, lines };
    })
    .filter((section) => section.lines.length > 0);
  return {
    title: `Campaign alerts, ${output.as_of}`,
    summary: `${output.alerts.length} alert${output.alerts.length === 1 ? '' : 's'} (${high} high): ${counts.join(', ')}.`,
    sections,
  };
}
