import { z } from 'zod';
import { isoDate } from '../../tools/common/format.ts';
import { bigQueryConfigured } from '../../tools/ads/bigquery/bigquery-config.ts';
import { BIGQUERY_SYNC_JOB } from '../../tools/ads/bigquery/sync-bigquery.ts';
import { defineJob, jobKey } from '../define-job.ts';
import { callTool } from '../job-principal.ts';

export { BIGQUERY_SYNC_JOB };

interface SyncOutput {
  sources: Array<{ source: string; outcome: string; metric_rows: number }>;
}

/**
 * Reads the organisation's BigQuery sources through `sync_bigquery` with `wait` (the tool does the
 * work, so tenancy and audit apply). Daily from the schedule (keyed by day: a schedule firing twice
 * reads once), and queued by sync_bigquery for one source (no day: every request runs). Without a
 * service-account key, or without a source, the daily run does nothing and says why.
 */
export const bigQuerySyncJob = defineJob({
  name: BIGQUERY_SYNC_JOB,
  description: "Read the organisation's BigQuery sources of daily campaign metrics.",
  payload: z.object({
    organizationId: z.string().min(1),
    date: isoDate.optional().describe('The day of a scheduled run (for the key).'),
    source: z.string().min(1).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  }),
  attempts: 4,
  backoffMs: 60_000,
  key: (payload) => (payload.date && !payload.source ? jobKey(BIGQUERY_SYNC_JOB, payload.organizationId, payload.date) : undefined),
  async run(deps, payload) {
    if (!bigQueryConfigured()) return { skipped: 'GCP_SERVICE_ACCOUNT_KEY is not set' };
    if (!payload.source) {
      const sources = await deps.prisma.bigQuerySource.count({ where: { organizationId: payload.organizationId } });
      if (sources === 0) return { skipped: 'no BigQuery source' };
    }
    const output = await callTool<SyncOutput>(deps, payload.organizationId, 'sync_bigquery', {
      wait: true,
      ...(payload.source ? { source: payload.source } : {}),
      ...(payload.from ? { from: payload.from } : {}),
      ...(payload.to ? { to: payload.to } : {}),
    });
    return { sources: output.sources.map((source) => ({ source: source.source, outcome: source.outcome, rows: source.metric_rows })) };
  },
  recordsRun: (result) => !(result as { skipped?: string }).skipped,
});
