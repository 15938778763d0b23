import { z } from 'zod';
import { isoDate, isoDay, todayIn } from '../../tools/common/format.ts';
import { AD_SYNC_JOB, AD_SYNC_SWEEP_JOB } from '../../tools/ads/sync/sync-jobs.ts';
import { CONNECTED_PLATFORMS } from '../../tools/ads/connectors/ad-connector.ts';
import { defineJob, jobKey } from '../define-job.ts';
import { callTool } from '../job-principal.ts';

export { AD_SYNC_JOB, AD_SYNC_SWEEP_JOB };

interface SyncOutput {
  status: 'queued' | 'synced' | 'failed';
  run: { outcome: string; rows: number; error: string | null; error_kind: string | null } | null;
}

/** A sync that failed for a reason that passes (throttling, an outage): the queue tries again with back-off. */
export class AdSyncRetry extends Error {
  readonly retryable = true;
  constructor(message: string) {
    super(message);
    this.name = 'AdSyncRetry';
  }
}

/**
 * Syncs one ad account through `sync_ad_account` with `wait` (the tool does the work, so tenancy
 * and audit apply; it records the run, FAILED included, and queues the alerts check after a good
 * one). Rate limits and outages are retried with back-off (1, 2, 4 minutes); a revoked grant or a
 * refusal is recorded and not retried. `day` keys the scheduled run, so a sweep firing twice
 * syncs an account once that day.
 */
export const adSyncJob = defineJob({
  name: AD_SYNC_JOB,
  description: "Sync one ad account's campaigns and daily metrics from its platform.",
  payload: z.object({
    organizationId: z.string().min(1),
    adAccountId: z.string().min(1),
    trigger: z.enum(['schedule', 'manual']).default('manual'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    day: isoDate.optional().describe("The account's local day of a scheduled run (for the key)."),
  }),
  attempts: 4,
  backoffMs: 60_000,
  key: (payload) => (payload.day ? jobKey(AD_SYNC_JOB, payload.organizationId, payload.adAccountId, payload.day) : undefined),
  async run(deps, payload) {
    const range = payload.from && payload.to ? { from: payload.from, to: payload.to } : {};
    const output = await callTool<SyncOutput>(deps, payload.organizationId, 'sync_ad_account', { ad_account_id: payload.adAccountId, wait: true, trigger: payload.trigger, ...range });
    const kind = output.run?.error_kind;
    if (kind === 'rate_limited' || kind === 'unavailable') throw new AdSyncRetry(`The sync failed and will be retried: ${output.run?.error ?? kind}`);
    return { outcome: output.run?.outcome ?? output.status, rows: output.run?.rows ?? 0, error: output.run?.error ?? null };
  },
});

/** The local hour and day of an instant in a time zone. */
export function localClock(timeZone: string, at: Date): { day: string; hour: number } {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at));
  return { day: isoDay(todayIn(timeZone, at)), hour };
}

/**
 * Hourly, per organisation: a sync job for every connected account whose local time (its own time
 * zone) has reached its sync hour and that has not synced yet that local day. Demo stand-ins,
 * paused accounts, accounts waiting for re-authorisation and manager accounts (no campaigns of their
 * own) are skipped. Reads the rows directly, like the other sweeps; each account's sync decides the rest.
 */
export const adSyncSweepJob = defineJob({
  name: AD_SYNC_SWEEP_JOB,
  description: 'Queue the daily sync of every ad account whose local sync hour has come.',
  payload: z.object({ organizationId: z.string().min(1), hour: z.string().min(1).describe('The UTC hour of the sweep (for the key).') }),
  attempts: 2,
  backoffMs: 30_000,
  key: (payload) => jobKey(AD_SYNC_SWEEP_JOB, payload.organizationId, payload.hour),
  async run(deps, payload) {
    const now = deps.now();
    const accounts = await deps.prisma.adAccount.findMany({
      where: {
        organizationId: payload.organizationId,
        status: 'ACTIVE',
        isDemo: false,
        platform: { in: CONNECTED_PLATFORMS.map((platform) => platform.toUpperCase() as 'META') },
        connection: { status: 'CONNECTED' },
        children: { none: {} },
      },
      select: { id: true, timeZone: true, syncHour: true, lastSyncAt: true },
      orderBy: { id: 'asc' },
    });
    let enqueued = 0;
    for (const account of accounts) {
      const local = localClock(account.timeZone, now);
      if (local.hour < account.syncHour) continue;
      if (account.lastSyncAt && isoDay(todayIn(account.timeZone, account.lastSyncAt)) === local.day) continue;
      await deps.jobs.enqueue({ name: AD_SYNC_JOB, payload: { organizationId: payload.organizationId, adAccountId: account.id, trigger: 'schedule', day: local.day } });
      enqueued++;
    }
    return { enqueued, accounts: accounts.length };
  },
  recordsRun: (result) => (result as { enqueued: number }).enqueued > 0,
});
