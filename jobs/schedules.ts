import { z } from 'zod';
import { isoDay, todayIn } from '../tools/common/format.ts';
import { lastCompleteWeek } from '../tools/spend/index.ts';
import { AD_SYNC_SWEEP_JOB } from '../tools/ads/sync/sync-jobs.ts';
import { BIGQUERY_SYNC_JOB } from '../tools/ads/bigquery/sync-bigquery.ts';
import { CONTENT_AGENT_JOB } from './content-agent/content-agent-job.ts';
import { CREATOR_EMBEDDINGS_JOB } from './creator-embeddings/creator-embeddings-job.ts';
import { CREATOR_SYNC_DAILY_JOB } from './creators/creator-sync-job.ts';
import { defineJob } from './define-job.ts';
import { PUBLISH_SWEEP_JOB, sweepMinute } from './publishing/publish-sweep-job.ts';
import { REFRESH_TOKENS_JOB, refreshHour } from './publishing/refresh-tokens-job.ts';
import { REPORT_DELIVERY_SWEEP_JOB } from './reports/report-delivery-sweep-job.ts';

const DAY_MS = 86_400_000;

/** What a schedule needs to know about the organisation it fires for. */
export interface ScheduledOrganization {
  id: string;
  timeZone: string;
}

/**
 * A recurring job of every organisation: a cron pattern read in the organisation's time zone, and
 * the concrete payload of one firing (which day it is about), whose key makes the run idempotent.
 */
export interface JobSchedule {
  job: string;
  /** Five-field cron (minute hour day-of-month month day-of-week), in the organisation's time zone. */
  pattern: string;
  description: string;
  /** Only scheduled when this is configured. */
  requires?: 'ingestDir';
  payload(organization: ScheduledOrganization, firedAt: Date): { organizationId: string } & Record<string, unknown>;
}

const localDay = (organization: ScheduledOrganization, at: Date) => todayIn(organization.timeZone, at);

export const SCHEDULES: readonly JobSchedule[] = [
  {
    job: 'ingest.scraped',
    pattern: '0 2 * * *',
    description: 'Scraper files from CRESCENDO_INGEST_DIR/<org-slug>/, daily at 02:00',
    requires: 'ingestDir',
    payload: (organization, at) => ({ organizationId: organization.id, date: isoDay(localDay(organization, at)) }),
  },
  {
    job: 'stats.weekly',
    pattern: '0 6 * * 2',
    description: 'Weekly artist stats of the last complete week, Tuesdays at 06:00',
    payload: (organization, at) => ({ organizationId: organization.id, weekStart: isoDay(lastCompleteWeek(organization.timeZone, at).start) }),
  },
  {
    job: 'alerts.campaigns',
    pattern: '30 8 * * *',
    description: 'Campaign alerts, daily at 08:30',
    payload: (organization, at) => ({ organizationId: organization.id, date: isoDay(localDay(organization, at)) }),
  },
  {
    job: 'digest.daily',
    pattern: '0 9 * * *',
    description: "Daily digest of yesterday, at 09:00, to the organisation's bound channels",
    payload: (organization, at) => ({ organizationId: organization.id, date: isoDay(new Date(localDay(organization, at).getTime() - DAY_MS)) }),
  },
  {
    job: CONTENT_AGENT_JOB,
    pattern: '0 7 * * *',
    description: "Content agent, daily at 07:00: tomorrow's posts drafted for approval, yesterday's engagement to the alerts channels",
    payload: (organization, at) => ({ organizationId: organization.id, date: isoDay(localDay(organization, at)) }),
  },
  {
    // A sweep rather than a delayed job per post: queues here take no delay, a moved post needs no
    // job to be found and replaced, and posts due while the process was down go out on its return.
    job: PUBLISH_SWEEP_JOB,
    pattern: '* * * * *',
    description: 'Approved posts that are due, handed to the publish job, every minute',
    payload: (organization, at) => ({ organizationId: organization.id, minute: sweepMinute(at) }),
  },
  {
    // Hourly against a 24-hour window: every token gets many chances before it lapses.
    job: REFRESH_TOKENS_JOB,
    pattern: '17 * * * *',
    description: 'Social account tokens that expire within 24 hours renewed, hourly at :17',
    payload: (organization, at) => ({ organizationId: organization.id, hour: refreshHour(at) }),
  },
  {
    // A sweep like publishing's: each schedule keeps its own cron and time zone in its row.
    job: REPORT_DELIVERY_SWEEP_JOB,
    pattern: '* * * * *',
    description: 'Scheduled reports that are due delivered to Slack and email (and failed deliveries retried), every minute',
    payload: (organization, at) => ({ organizationId: organization.id, minute: sweepMinute(at) }),
  },
  {
    // Creators connected through Phyllo; webhooks and sync_creator refresh them in between.
    job: CREATOR_SYNC_DAILY_JOB,
    pattern: '0 4 * * *',
    description: "Creators' figures, posts and audiences synced from Phyllo, daily at 04:00 (when Phyllo is configured)",
    payload: (organization, at) => ({ organizationId: organization.id, date: isoDay(localDay(organization, at)) }),
  },
  {
    // Catches what no tool queued (text changed without a job sink, a changed embedder, a failed run);
    // a sweep that finds everything current leaves no JobRun row.
    job: CREATOR_EMBEDDINGS_JOB,
    pattern: '41 * * * *',
    description: 'Creator search vectors that are missing or stale (changed text or embedder) embedded, hourly at :41',
    payload: (organization, at) => ({ organizationId: organization.id, sweep: refreshHour(at) }),
  },
  {
    // Hourly: each ad account syncs once its own time zone reaches its sync hour (default 06:00 local).
    job: AD_SYNC_SWEEP_JOB,
    pattern: '23 * * * *',
    description: "Ad accounts whose local sync hour has come (default 06:00 in the account's time zone) synced from Meta, Google Ads and TikTok, hourly at :23",
    payload: (organization, at) => ({ organizationId: organization.id, hour: refreshHour(at) }),
  },
  {
    // Warehouse tables are usually loaded overnight; sources re-read their last 3 days, so late rows land.
    job: BIGQUERY_SYNC_JOB,
    pattern: '15 5 * * *',
    description: 'Daily campaign metrics read from the BigQuery sources (set_bigquery_source), daily at 05:15 (when GCP_SERVICE_ACCOUNT_KEY is set)',
    payload: (organization, at) => ({ organizationId: organization.id, date: isoDay(localDay(organization, at)) }),
  },
];

/** The schedules that apply given what is configured. */
export function activeSchedules(options: { ingestDir?: string }): JobSchedule[] {
  return SCHEDULES.filter((schedule) => schedule.requires !== 'ingestDir' || Boolean(options.ingestDir));
}

export const FIRE_SCHEDULE_JOB = 'schedule.fire';

/**
 * What a schedule enqueues (BullMQ job schedulers and the embedded cron alike): which job, for
 * which organisation. Running it works out the day from the clock in the organisation's time zone
 * and enqueues the concrete job under its key, so a schedule that fires twice (two schedulers, a
 * restart, a manual trigger) still sends one digest for that day.
 */
export const fireScheduleJob = defineJob({
  name: FIRE_SCHEDULE_JOB,
  description: 'A schedule fired: enqueue the day’s keyed job for the organisation.',
  payload: z.object({
    organizationId: z.string().min(1),
    job: z.string().min(1),
    firedAt: z.iso.datetime().optional().describe('When the schedule fired; default the time the job runs.'),
  }),
  attempts: 3,
  backoffMs: 5_000,
  key: () => undefined,
  async run(deps, payload) {
    const schedule = SCHEDULES.find((candidate) => candidate.job === payload.job);
    if (!schedule) throw new Error(`No schedule for job ${payload.job}`);
    const organization = await deps.prisma.organization.findUnique({ where: { id: payload.organizationId }, select: { id: true, timeZone: true } });
    if (!organization) return { skipped: 'the organisation no longer exists' };
    const concrete = schedule.payload(organization, payload.firedAt ? new Date(payload.firedAt) : deps.now());
    await deps.jobs.enqueue({ name: schedule.job, payload: concrete });
    return { enqueued: schedule.job, payload: concrete };
  },
});
