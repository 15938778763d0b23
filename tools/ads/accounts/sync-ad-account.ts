import { z } from 'zod';
import { isoDate } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import type { DateRange } from '../connectors/ad-connector.ts';
import { checkRange, defaultSyncRange, syncAdAccount, type SyncTrigger } from '../sync/sync-account.ts';
import { AD_ALERTS_CHECK_JOB, AD_SYNC_JOB } from '../sync/sync-jobs.ts';
import { adAccountIdInput, EXAMPLE_ACCOUNT_ID, lower, requireAdAccount } from './account-records.ts';

export const syncAdAccountTool = defineTool({
  name: 'sync_ad_account',
  title: 'Sync an ad account now',
  description:
    "Pulls an ad account's campaigns and daily figures from Meta, Google Ads or TikTok now, replacing the days pulled. Default: the last 3 days (30 on a first sync). Queues it (accounts also sync daily); wait: true syncs in the call and returns the run.",
  area: 'ads',
  access: 'write',
  permission: 'ads:write',
  ownTransactions: true,
  transactionTimeoutMs: 10 * 60_000,
  hints: { openWorld: true, idempotent: true },
  keywords: ['refresh ad data', 'pull facebook ads data', 'update google ads metrics', 'resync', 'backfill ad data'],
  input: z.object({
    ad_account_id: adAccountIdInput,
    from: isoDate.optional().describe("First day, in the account's time zone (with to)."),
    to: isoDate.optional().describe('Last day, inclusive.'),
    wait: z.boolean().default(false).describe('Sync in this call instead of queueing it (seconds to a minute).'),
    trigger: z.enum(['schedule', 'manual']).optional().describe('Set by the sync jobs: why this sync runs.'),
  }),
  output: z.object({
    ad_account_id: z.string(),
    name: z.string(),
    platform: z.string(),
    status: z.enum(['queued', 'synced', 'failed']),
    job: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    run: z
      .object({
        sync_run_id: z.string(),
        outcome: z.enum(['succeeded', 'partial', 'failed']),
        rows: z.number().int().describe('Campaign-days written.'),
        campaigns: z.number().int(),
        error: z.string().nullable(),
        error_kind: z.enum(['revoked', 'rate_limited', 'rejected', 'unavailable', 'needs_reauth', 'not_configured']).nullable().describe('rate_limited and unavailable are retried by the job.'),
        duration_ms: z.number().int(),
      })
      .nullable()
      .describe('With wait: what the sync did.'),
  }),
  example: { ad_account_id: EXAMPLE_ACCOUNT_ID, wait: true },
  async handler(ctx, input) {
    if (input.trigger && ctx.actor.userId !== null) throw invalidInput('trigger', 'is set only by the sync jobs; omit it.');
    if ((input.from === undefined) !== (input.to === undefined)) throw invalidInput(input.from === undefined ? 'from' : 'to', 'give from and to together, or neither for the default range');
    const account = await requireAdAccount(ctx.db, input.ad_account_id);
    if (account.isDemo) throw conflict(`${account.name} is a demo stand-in: its figures are seeded, not synced.`);
    if (account.status === 'PAUSED') throw conflict(`${account.name} is paused: resume it with update_ad_account {paused: false} first.`);
    const range: DateRange = input.from && input.to ? { from: input.from, to: input.to } : defaultSyncRange(account, ctx.now());
    checkRange(range);
    const base = { ad_account_id: account.id, name: account.name, platform: lower(account.platform), from: range.from, to: range.to };
    if (!input.wait) {
      const explicit = input.from ? { from: range.from, to: range.to } : {};
      ctx.jobs.enqueue({ name: AD_SYNC_JOB, payload: { organizationId: ctx.orgId, adAccountId: account.id, trigger: input.trigger ?? 'manual', ...explicit } });
      return { ...base, status: 'queued' as const, job: AD_SYNC_JOB, run: null };
    }
    const trigger: SyncTrigger = input.trigger ?? 'manual';
    const result = await syncAdAccount(ctx, account.id, { range, trigger });
    if (result.outcome !== 'FAILED') ctx.jobs.enqueue({ name: AD_ALERTS_CHECK_JOB, payload: { organizationId: ctx.orgId, adAccountId: account.id } });
    return {
      ...base,
      status: result.outcome === 'FAILED' ? ('failed' as const) : ('synced' as const),
      job: null,
      run: {
        sync_run_id: result.runId,
        outcome: lower(result.outcome),
        rows: result.rows,
        campaigns: result.campaigns,
        error: result.error,
        error_kind: result.errorKind,
        duration_ms: result.durationMs,
      },
    };
  },
});
