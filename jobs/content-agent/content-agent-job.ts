import { z } from 'zod';
import { isoDate, isoDay, parseDay, startOfDayIn } from '../../tools/common/format.ts';
import { callTool } from '../job-principal.ts';
import { defineJob, jobKey } from '../define-job.ts';
import { claimScheduleOccurrence } from '../schedule-claims.ts';
import { contentAgentMessage } from './content-agent-message.ts';
import { draftTomorrow } from './draft-tomorrow.ts';
import type { PlatformEngagement } from '../../tools/content/posts/post-engagement.ts';

export const CONTENT_AGENT_JOB = 'content.agent.daily';
const DAY_MS = 86_400_000;

/**
 * The daily content agent, run each morning in the organisation's time zone: drafts tomorrow's
 * posts for every release in its promo window and files them for approval (nothing is published
 * without one), then posts yesterday's engagement and what it drafted. There is no content channel
 * purpose yet, so the message goes where alerts go (the channels bound for ALERTS).
 *
 * Idempotent per organisation and day: the queue key drops a second enqueue, each release is
 * claimed before it is drafted, and the message is sent by whichever run claims it first.
 */
export const contentAgentJob = defineJob({
  name: CONTENT_AGENT_JOB,
  description: "Draft tomorrow's posts for releases in their promo window, file them for approval, and post yesterday's engagement.",
  payload: z.object({ organizationId: z.string().min(1), date: isoDate.describe('The day the agent runs (local): it drafts for the next day and summarises the one before.') }),
  attempts: 3,
  backoffMs: 60_000,
  key: (payload) => jobKey(CONTENT_AGENT_JOB, payload.organizationId, payload.date),
  async run(deps, payload) {
    const organization = await deps.prisma.organization.findUnique({ where: { id: payload.organizationId }, select: { timeZone: true } });
    if (!organization) return { skipped: 'the organisation no longer exists' };
    const zone = organization.timeZone;
    const today = parseDay(payload.date);
    const yesterday = new Date(today.getTime() - DAY_MS);
    const tomorrow = new Date(today.getTime() + DAY_MS);

    const drafting = await draftTomorrow(deps, payload.organizationId, isoDay(tomorrow), startOfDayIn(tomorrow, zone));
    const { platforms: engagement } = await callTool<{ platforms: PlatformEngagement[] }>(deps, payload.organizationId, 'post_engagement', { from: isoDay(yesterday), to: isoDay(yesterday) });
    const message = contentAgentMessage({ yesterday: isoDay(yesterday), tomorrow: isoDay(tomorrow), engagement, releases: drafting.releases, draftingSkipped: drafting.skipped });
    const sent = await claimScheduleOccurrence(deps.prisma, payload.organizationId, `${CONTENT_AGENT_JOB}.summary`, startOfDayIn(today, zone));
    if (sent) await deps.notifier.alerts(payload.organizationId, message);
    // Job results are visible in /admin/queues across organisations: counts only.
    return {
      date: payload.date,
      releases: drafting.releases.length,
      filed: drafting.releases.reduce((sum, release) => sum + release.filed.length, 0),
      drafting_skipped: drafting.skipped !== null,
      summary_sent: sent,
    };
  },
});
