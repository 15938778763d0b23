import { z } from 'zod';
import { defineJob, type JobDeps } from '../define-job.ts';
import { callTool } from '../job-principal.ts';
import type { NotificationMessage } from '../notifier.ts';
import type { recordSpendAlerts } from '../../tools/ads/alerts/record-spend-alerts.ts';

export const ADS_ALERTS_JOB = 'ads.alerts.check';

type RecordedAlerts = z.output<typeof recordSpendAlerts.output>;
type ClaimedAlert = RecordedAlerts['claimed'][number];

const HEADINGS = { over_daily_limit: 'Over the daily limit', monthly_pace: 'On pace to exceed the monthly limit', no_conversions: 'Spending with no conversions' } as const;
const CAUSES = Object.keys(HEADINGS) as Array<keyof typeof HEADINGS>;
const LINES_PER_SECTION = 10;

/**
 * After each ad account sync (and on demand): `record_spend_alerts` stores the budget alerts that
 * hold (once per scope, cause and day) and claims the ones never posted; this posts them to the
 * organisation's alerts channels and, if the post fails, hands them back (`release_spend_alerts`)
 * so the retry posts them.
 */
export const adsAlertsJob = defineJob({
  name: ADS_ALERTS_JOB,
  description: 'Check ad spend against daily and monthly limits and conversions; post new alerts once.',
  payload: z.object({ organizationId: z.string().min(1), adAccountId: z.string().min(1).optional() }),
  attempts: 4,
  backoffMs: 30_000,
  // Each sync's check runs (a re-run is harmless: the alerts are unique per day).
  key: () => undefined,
  async run(deps, payload) {
    const { organizationId, adAccountId } = payload;
    const output = await callTool<RecordedAlerts>(deps, organizationId, 'record_spend_alerts', adAccountId ? { ad_account_id: adAccountId } : {});
    if (output.claimed.length === 0) return { alerts: output.alerts, posted: 0 };
    try {
      await deps.notifier.alerts(organizationId, spendAlertsMessage(output.claimed, adsPageUrl(deps)));
    } catch (error) {
      await callTool(deps, organizationId, 'release_spend_alerts', { alert_ids: output.claimed.map((alert) => alert.alert_id) });
      throw error;
    }
    return { alerts: output.alerts, posted: output.claimed.length };
  },
  recordsRun: (result) => (result as { posted: number }).posted > 0,
});

/** The web UI's ads page, beside the approvals page the deployment links to (none when no web UI is configured). */
function adsPageUrl(deps: Pick<JobDeps, 'approveUrl'>): string | null {
  const approvals = deps.approveUrl?.('x') ?? null;
  return approvals ? approvals.replace(/approvals\/x$/, 'ads') : null;
}

/** The claimed alerts (in day order, as record_spend_alerts returns them) as one post, a section per cause. */
export function spendAlertsMessage(alerts: ClaimedAlert[], link: string | null): NotificationMessage {
  const sections = CAUSES.map((cause) => {
    const own = alerts.filter((alert) => alert.cause === cause);
    const lines = own.slice(0, LINES_PER_SECTION).map((alert) => alert.message);
    if (own.length > LINES_PER_SECTION) lines.push(`…and ${own.length - LINES_PER_SECTION} more: see the alerts on the Ads page.`);
    return { heading: HEADINGS[cause], lines };
  }).filter((section) => section.lines.length > 0);
  const counts = CAUSES.map((cause) => [cause, alerts.filter((alert) => alert.cause === cause).length] as const)
    .filter(([, count]) => count > 0)
    .map(([cause, count]) => `${count} ${HEADINGS[cause].toLowerCase()}`);
  return {
    title: 'Ad spend alerts',
    summary: alerts.length === 1 ? alerts[0]!.message : `${alerts.length} new alerts: ${counts.join(', ')}.`,
    sections,
    ...(link ? { link } : {}),
  };
}
