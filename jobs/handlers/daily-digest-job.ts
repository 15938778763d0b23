import { z } from 'zod';
import { isoDate } from '../../tools/common/format.ts';
import type { DailyDigest } from '../../tools/insights/daily-digest.ts';
import { defineJob, jobKey, type JobDeps } from '../define-job.ts';
import { callTool } from '../job-principal.ts';
import { digestFacts, digestMessage, digestSummary, overdueTasksMessage } from './digest-message.ts';

/**
 * Computes the day's digest with the `daily_digest` tool and sends it to the organisation's bound
 * channels, then each assignee with overdue CRM tasks their own part, directly. Keyed by
 * organisation and day: a second firing for the same day sends nothing.
 */
export const dailyDigestJob = defineJob({
  name: 'digest.daily',
  description: "Compute a day's digest and send it to the organisation's channels.",
  payload: z.object({ organizationId: z.string().min(1), date: isoDate.describe('The day summarised (normally yesterday).') }),
  attempts: 4,
  backoffMs: 30_000,
  key: (payload) => jobKey('digest.daily', payload.organizationId, payload.date),
  async run(deps, payload) {
    const digest = await callTool<DailyDigest>(deps, payload.organizationId, 'daily_digest', { date: payload.date });
    const summary = await summaryOf(deps, digest);
    await deps.notifier.digest(payload.organizationId, digestMessage(digest, summary));
    const reminded = await remindAssignees(deps, payload.organizationId, digest);
    // Job results are visible in /admin/queues across organisations: no figures here.
    return { date: digest.date, sent: true, model_prose: Boolean(deps.proseWriter), assignees_reminded: reminded };
  },
});

/** The model phrases the summary when one is configured; the figures come from the tool either way. */
async function summaryOf(deps: JobDeps, digest: DailyDigest): Promise<string> {
  if (!deps.proseWriter) return digestSummary(digest);
  try {
    const prose = (await deps.proseWriter(digestFacts(digest))).trim();
    return prose || digestSummary(digest);
  } catch (error) {
    deps.log.warn('digest prose failed; using the computed summary', { error: String(error) });
    return digestSummary(digest);
  }
}

/**
 * Each assignee's overdue tasks as a direct message. After the channel's digest went out, so a
 * failed message is logged rather than retried: a retry would post the channel's digest twice.
 */
async function remindAssignees(deps: JobDeps, organizationId: string, digest: DailyDigest): Promise<number> {
  if (!deps.notifier.direct) return 0;
  let reminded = 0;
  for (const group of digest.overdue_tasks) {
    if (!group.assignee_email) continue;
    try {
      await deps.notifier.direct(organizationId, group.assignee_email, overdueTasksMessage(group, digest.date));
      reminded += 1;
    } catch (error) {
      deps.log.warn('overdue tasks reminder failed', { organizationId, error: String(error) });
    }
  }
  return reminded;
}
