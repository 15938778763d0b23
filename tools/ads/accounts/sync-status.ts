import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { adAccountIdInput, lower, requireAdAccount } from './account-records.ts';
import { syncRunView, toSyncRunView } from './sync-run-view.ts';

export const syncStatus = defineTool({
  name: 'sync_status',
  title: 'Ad sync status',
  description:
    'The health of ad account syncs: accounts needing re-authorisation or whose last sync failed first (with the error), then the sync history newest first: each run with its outcome, rows, error and duration. Give ad_account_id for one account.',
  area: 'ads',
  access: 'read',
  permission: 'ads:read',
  keywords: ['sync errors', 'sync history', 'why no ad data', 'failed sync', 'last synced', 'reauth', 'broken connection'],
  input: z.object({
    ad_account_id: adAccountIdInput.optional().describe('Only this account.'),
    limit: z.number().int().min(1).max(200).default(20).describe('Most runs listed.'),
  }),
  output: z.object({
    attention: z
      .array(
        z.object({
          ad_account_id: z.string(),
          name: z.string(),
          platform: z.string(),
          status: z.string(),
          problem: z.enum(['needs_reauth', 'last_sync_failed', 'never_synced']),
          error: z.string().nullable(),
          last_sync_at: z.string().nullable(),
        }),
      )
      .describe('Accounts that need someone: re-authorisation first, then failed syncs.'),
    runs: z.array(syncRunView),
  }),
  example: { limit: 10 },
  async handler(ctx, input) {
    const account = input.ad_account_id ? await requireAdAccount(ctx.db, input.ad_account_id) : null;
    const scope = account ? { id: account.id } : {};
    const troubled = await ctx.db.adAccount.findMany({
      where: { ...scope, isDemo: false, status: { not: 'PAUSED' }, OR: [{ status: 'NEEDS_REAUTH' }, { lastSyncOutcome: 'FAILED' }, { lastSyncAt: null, status: 'ACTIVE', connectionId: { not: null }, children: { none: {} } }] },
      orderBy: { id: 'asc' },
      take: 200,
    });
    const problem = (row: (typeof troubled)[number]): 'needs_reauth' | 'last_sync_failed' | 'never_synced' => (row.status === 'NEEDS_REAUTH' ? 'needs_reauth' : row.lastSyncOutcome === 'FAILED' ? 'last_sync_failed' : 'never_synced');
    const order = { needs_reauth: 0, last_sync_failed: 1, never_synced: 2 } as const;
    const attention = troubled
      .map((row) => ({ ad_account_id: row.id, name: row.name, platform: lower(row.platform), status: lower(row.status), problem: problem(row), error: row.lastSyncError, last_sync_at: row.lastSyncAt?.toISOString() ?? null }))
      .sort((a, b) => order[a.problem] - order[b.problem]);
    const runs = await ctx.db.adSyncRun.findMany({ where: account ? { adAccountId: account.id } : {}, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: input.limit });
    const names = new Map(
      (await ctx.db.adAccount.findMany({ where: { id: { in: [...new Set(runs.map((run) => run.adAccountId).filter((id): id is string => Boolean(id)))] } }, select: { id: true, name: true } })).map((row) => [row.id, row.name]),
    );
    return { attention, runs: runs.map((run) => toSyncRunView(run, run.adAccountId ? (names.get(run.adAccountId) ?? null) : null)) };
  },
});
