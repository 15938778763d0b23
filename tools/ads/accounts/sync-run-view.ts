import { z } from 'zod';
import { isoDay } from '../../common/format.ts';

export const syncRunView = z.object({
  sync_run_id: z.string(),
  ad_account_id: z.string().nullable(),
  account_name: z.string().nullable(),
  kind: z.string().describe('account (a platform sync) or bigquery.'),
  trigger: z.string().describe('schedule, manual or webhook.'),
  from: z.string(),
  to: z.string(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  outcome: z.enum(['running', 'succeeded', 'partial', 'failed']),
  rows: z.number().int().describe('Campaign-days written.'),
  error: z.string().nullable(),
  duration_ms: z.number().int().nullable(),
});

export function toSyncRunView(
  run: { id: string; adAccountId: string | null; kind: string; trigger: string; rangeFrom: Date; rangeTo: Date; startedAt: Date; finishedAt: Date | null; outcome: string | null; rows: number; error: string | null },
  accountName: string | null,
): z.input<typeof syncRunView> {
  return {
    sync_run_id: run.id,
    ad_account_id: run.adAccountId,
    account_name: accountName,
    kind: run.kind,
    trigger: run.trigger,
    from: isoDay(run.rangeFrom),
    to: isoDay(run.rangeTo),
    started_at: run.startedAt.toISOString(),
    finished_at: run.finishedAt?.toISOString() ?? null,
    outcome: run.outcome ? (run.outcome.toLowerCase() as 'succeeded') : 'running',
    rows: run.rows,
    error: run.error,
    duration_ms: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
  };
}
