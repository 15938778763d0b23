import { z } from 'zod';
import { isoDate } from '../../tools/common/format.ts';
import { CREATOR_SYNC_JOB } from '../../tools/creators/phyllo/index.ts';
import { phylloSettings } from '../../tools/creators/phyllo/phyllo-settings.ts';
import { defineJob, jobKey } from '../define-job.ts';
import { callTool } from '../job-principal.ts';

export { CREATOR_SYNC_JOB };
export const CREATOR_SYNC_DAILY_JOB = 'creators.sync.daily';

interface SyncOutput {
  synced: Array<{ connection: string }>;
}

/**
 * Syncs one creator from Phyllo through `sync_creator` with `wait` (the tool does the work, so
 * tenancy and audit apply). A Phyllo outage fails the tool with `unavailable`, which the queue
 * retries; one account failing is recorded on that platform by the tool and is not a job failure.
 * `day` keys the daily run, so a schedule firing twice syncs a creator once that day; on-demand
 * and webhook syncs carry no day and always run (a sync is idempotent).
 */
export const creatorSyncJob = defineJob({
  name: CREATOR_SYNC_JOB,
  description: "Sync one creator's connected accounts from Phyllo (figures, posts, audience).",
  payload: z.object({ organizationId: z.string().min(1), creatorId: z.string().min(1), day: isoDate.optional() }),
  attempts: 4,
  backoffMs: 60_000,
  key: (payload) => (payload.day ? jobKey(CREATOR_SYNC_JOB, payload.organizationId, payload.creatorId, payload.day) : undefined),
  async run(deps, payload) {
    const output = await callTool<SyncOutput>(deps, payload.organizationId, 'sync_creator', { creator_id: payload.creatorId, wait: true });
    const count = (connection: string) => output.synced.filter((platform) => platform.connection === connection).length;
    return { connected: count('connected'), failed: count('error'), disconnected: count('disconnected') };
  },
});

/**
 * Daily, per organisation: a sync job for every active creator with a Phyllo user and an account
 * that is connected (or failed last time, to retry it). Reads the rows directly, like the publish
 * sweep: it decides nothing, each creator's sync does. Without Phyllo credentials it does nothing.
 */
export const creatorSyncDailyJob = defineJob({
  name: CREATOR_SYNC_DAILY_JOB,
  description: 'Queue the daily Phyllo sync of every connected creator.',
  payload: z.object({ organizationId: z.string().min(1), date: isoDate.describe('The day of the run (for the key).') }),
  attempts: 3,
  backoffMs: 60_000,
  key: (payload) => jobKey(CREATOR_SYNC_DAILY_JOB, payload.organizationId, payload.date),
  async run(deps, payload) {
    const settings = phylloSettings();
    if (!settings.clientId || !settings.clientSecret) return { enqueued: 0, skipped: 'PHYLLO_CLIENT_ID and PHYLLO_CLIENT_SECRET are not set' };
    const creators = await deps.prisma.creator.findMany({
      where: { organizationId: payload.organizationId, isActive: true, phylloUserId: { not: null }, platforms: { some: { phylloAccountId: { not: null }, connection: { in: ['CONNECTED', 'ERROR'] } } } },
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    for (const creator of creators) {
      await deps.jobs.enqueue({ name: CREATOR_SYNC_JOB, payload: { organizationId: payload.organizationId, creatorId: creator.id, day: payload.date } });
    }
    return { enqueued: creators.length };
  },
  recordsRun: (result) => (result as { enqueued: number }).enqueued > 0,
});
