import { z } from 'zod';
import { defineJob, jobKey } from '../define-job.ts';
import { callTool } from '../job-principal.ts';

export const REFRESH_TOKENS_JOB = 'content.tokens.refresh';

interface RefreshSummary {
  refreshed: number;
  failed: number;
  accounts: Array<{ outcome: string }>;
}

/**
 * Hourly, per organisation: `refresh_social_tokens` renews the social accounts' tokens that
 * expire within 24 hours, so a token is renewed about 24 times before it could lapse and one
 * failed hour costs nothing. Keyed by the hour, so a schedule that fires twice renews once. A
 * platform that refuses (revoked) is recorded on the account by the tool, not retried here; only
 * a fault on our side fails the job.
 */
export const refreshTokensJob = defineJob({
  name: REFRESH_TOKENS_JOB,
  description: 'Renew social account tokens that expire within 24 hours.',
  payload: z.object({ organizationId: z.string().min(1), hour: z.string().regex(/^\d{10}$/, 'YYYYMMDDhh (UTC)') }),
  attempts: 3,
  backoffMs: 60_000,
  key: (payload) => jobKey(REFRESH_TOKENS_JOB, payload.organizationId, payload.hour),
  async run(deps, payload) {
    const summary = await callTool<RefreshSummary>(deps, payload.organizationId, 'refresh_social_tokens', {});
    return { accounts: summary.accounts.length, refreshed: summary.refreshed, failed: summary.failed };
  },
  recordsRun: (result) => (result as { accounts: number }).accounts > 0,
});

/** The hour a run is for, as its payload names it (UTC, no separators: keys may not hold ':'). */
export function refreshHour(at: Date): string {
  return at.toISOString().slice(0, 13).replace(/[-T]/g, '');
}
