import { adSyncJob, adSyncSweepJob } from './ads/ad-sync-jobs.ts';
import { contentAgentJob } from './content-agent/content-agent-job.ts';
import { creatorEmbeddingsJob } from './creator-embeddings/creator-embeddings-job.ts';
import { campaignAlertsJob } from './handlers/campaign-alerts-job.ts';
import { dailyDigestJob } from './handlers/daily-digest-job.ts';
import { executeApprovalJob } from './handlers/execute-approval-job.ts';
import { ingestScrapedJob } from './handlers/ingest-scraped-job.ts';
import { notifyApprovalJob } from './handlers/notify-approval-job.ts';
import { runImportJob } from './handlers/run-import-job.ts';
import { weeklyStatsJob } from './handlers/weekly-stats-job.ts';
import { creatorSyncDailyJob, creatorSyncJob } from './creators/creator-sync-job.ts';
import { campaignMilestonesJob } from './milestones/campaign-milestones-job.ts';
import { publishPostJob } from './publishing/publish-post-job.ts';
import { publishSweepJob } from './publishing/publish-sweep-job.ts';
import { refreshTokensJob } from './publishing/refresh-tokens-job.ts';
import { deliverReportJob } from './reports/deliver-report-job.ts';
import { reportDeliverySweepJob } from './reports/report-delivery-sweep-job.ts';
import { adsAlertsJob } from './ads-alerts/ads-alerts-job.ts';
import { bigQuerySyncJob } from './ads-bigquery/bigquery-sync-job.ts';
import { adsWebhookGoogleJob, adsWebhookMetaJob } from './ads-webhooks/ads-webhook-jobs.ts';
import type { AnyJob } from './define-job.ts';
import { fireScheduleJob } from './schedules.ts';

export type { AnyJob, JobDeps, JobDefinition } from './define-job.ts';

/** Every job Crescendo runs; handlers only call tools (through the runner) and the notifier. */
export const JOBS: readonly AnyJob[] = [executeApprovalJob, notifyApprovalJob, fireScheduleJob, ingestScrapedJob, weeklyStatsJob, campaignAlertsJob, dailyDigestJob, runImportJob, campaignMilestonesJob, publishSweepJob, publishPostJob, refreshTokensJob, contentAgentJob, reportDeliverySweepJob, deliverReportJob, creatorSyncJob, creatorSyncDailyJob, creatorEmbeddingsJob, adsAlertsJob, bigQuerySyncJob, adSyncJob, adSyncSweepJob, adsWebhookMetaJob, adsWebhookGoogleJob];

/** A set of job definitions by name: the real catalogue, or the real one plus test jobs. */
export class JobCatalogue {
  private readonly byName = new Map<string, AnyJob>();

  constructor(jobs: readonly AnyJob[] = JOBS) {
    for (const job of jobs) {
      if (this.byName.has(job.name)) throw new Error(`Job ${job.name} is defined twice`);
      this.byName.set(job.name, job);
    }
  }

  get(name: string): AnyJob | undefined {
    return this.byName.get(name);
  }

  list(): AnyJob[] {
    return [...this.byName.values()];
  }

  /** Validates a request against its definition; the key is the caller's, else the definition's. */
  prepare(request: { name: string; payload: unknown; key?: string }): { job: AnyJob; payload: { organizationId: string }; key: string | undefined } {
    const job = this.get(request.name);
    if (!job) throw new Error(`Unknown job ${request.name}`);
    const payload = job.payload.parse(request.payload) as { organizationId: string };
    return { job, payload, key: request.key ?? job.key(payload) };
  }
}

export function findJob(name: string): AnyJob | undefined {
  return JOBS.find((job) => job.name === name);
}
