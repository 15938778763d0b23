import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import type { ToolContext } from '../../registry/context.ts';
import { PublishError, type CheckpointStore, type PublishResult } from '../connectors/index.ts';
import { PLATFORM_LABELS } from '../connectors/publishing.ts';
import { SecretsError } from '../../common/secrets/token-cipher.ts';
import { TokenRefreshError } from '../connectors/token-refresh.ts';
import { contentServices } from './content-services.ts';
import { freshAccessToken } from './refresh-social-tokens.ts';
import { contentHash, fromPlatformColumn, publishablePost } from './post-fields.ts';
import { loadPost, type PostRow } from './post-view.ts';

/** A claim older than this is a worker that died mid-publish: the sweep resumes it from its checkpoint. */
export const PUBLISH_LEASE_MS = 15 * 60_000;
/** Tries per approval before a post that keeps failing transiently is marked failed. */
export const MAX_PUBLISH_ATTEMPTS = 6;
/** The wait after the first transient failure, doubling each time (1, 2, 4, 8, 16 minutes). */
export const RETRY_BASE_MS = 60_000;

const output = z.object({
  post_id: z.string(),
  outcome: z.enum(['published', 'retrying', 'failed', 'skipped']),
  platform: z.string(),
  account: z.string().nullable(),
  external_url: z.string().nullable(),
  error: z.string().nullable().describe("Why it failed, in the platform's words, or why it was skipped."),
  next_attempt_at: z.string().nullable(),
  attempt: z.number().int(),
});
type Outcome = z.infer<typeof output>;

/**
 * The publish job's one step, as a tool so tenancy and audit apply: claim the due post
 * (SCHEDULED -> PUBLISHING, guarded by status, time and approval id, so a re-delivered or
 * concurrent job finds nothing to claim), publish exactly the approved content through the
 * platform's connector with the approval id as idempotency key and checkpoints on the row, and
 * record the outcome. Outside a transaction, because the platform call can take minutes and each
 * checkpoint must be kept even if the process dies. Any surface may call it (the tenancy tests do):
 * it only ever puts out a post a person approved, once its time has come, so calling it early or
 * twice changes nothing.
 */
export const publishScheduledPost = defineTool({
  name: 'publish_scheduled_post',
  title: 'Publish an approved post',
  description: 'Used by the publish job: publishes one approved post whose time has come, once. Never publishes a post that was not approved; to ask for that, use schedule_post or publish_now.',
  area: 'content',
  access: 'write',
  permission: 'content:write',
  ownTransactions: true,
  hints: { openWorld: true, idempotent: true },
  input: z.object({ post_id: z.string().uuid(), approval_id: z.string().uuid() }),
  output,
  example: { post_id: '00000000-0000-7000-8000-000000000000', approval_id: '00000000-0000-7000-8000-000000000001' },
  async handler(ctx, input) {
    const now = ctx.now();
    const claimed = await ctx.db.scheduledPost.updateMany({
      where: {
        id: input.post_id,
        approvalRequestId: input.approval_id,
        OR: [
          { status: 'SCHEDULED', scheduledAt: { lte: now }, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
          { status: 'PUBLISHING', publishClaimedAt: { lt: new Date(now.getTime() - PUBLISH_LEASE_MS) } },
        ],
      },
      data: { status: 'PUBLISHING', publishClaimedAt: now },
    });
    const post = await loadPost(ctx, input.post_id);
    if (claimed.count === 0) return outcomeOf(post, 'skipped', whyNotClaimed(post, input.approval_id, now));
    if (post.approvedVersion !== post.contentVersion || post.approvedContentHash !== contentHash(post)) {
      await ctx.db.scheduledPost.update({ where: { id: post.id }, data: { status: 'PENDING_APPROVAL', approvalRequestId: null, approvedVersion: null, approvedContentHash: null, publishClaimedAt: null } });
      return outcomeOf(post, 'skipped', 'Its content changed after it was approved: it needs a new approval.');
    }
    try {
      const result = await publish(ctx, post, input.approval_id);
      await ctx.db.scheduledPost.update({
        where: { id: post.id },
        data: { status: 'PUBLISHED', externalPostId: result.externalId, externalPostIds: result.externalIds ?? [result.externalId], externalUrl: result.url ?? null, publishedAt: ctx.now(), error: null, publishClaimedAt: null },
      });
      return { ...outcomeOf(post, 'published', null), external_url: result.url ?? null };
    } catch (error) {
      if (error instanceof PublishError || error instanceof SecretsError || error instanceof AccountNotUsable || error instanceof TokenRefreshError) return recordFailure(ctx, post, error);
      // A fault of ours (database, bug): hand the post back for a later try, then let the job see the fault.
      await release(ctx, post, 'Publishing stopped on an error on our side; it will be tried again.').catch(() => {});
      throw error;
    }
  },
});

class AccountNotUsable extends Error {}

async function publish(ctx: ToolContext, post: PostRow, approvalId: string): Promise<PublishResult> {
  const account = post.socialAccountId ? await ctx.db.socialAccount.findFirst({ where: { id: post.socialAccountId } }) : null;
  if (!account) throw new AccountNotUsable('The post has no connected account any more: connect one (connect_social_account), set it with update_post and schedule the post again.');
  if (account.status !== 'CONNECTED') throw new AccountNotUsable(`${account.displayName} is ${account.status.toLowerCase()}: connect it again (connect_social_account), then schedule the post again.`);
  const { publishing } = contentServices();
  // A token about to lapse is renewed first, so a post due at the end of its life still goes out.
  const accessToken = await freshAccessToken(ctx, account);
  const client = publishing[fromPlatformColumn(post.platform)];
  return client.publish(publishablePost(post), { accessToken, accountId: account.externalAccountId }, { idempotencyKey: approvalId, checkpoints: rowCheckpoints(ctx, post.id) });
}

/** The connectors' checkpoints, kept on the post row (committed at once: no transaction is open here). */
function rowCheckpoints(ctx: ToolContext, postId: string): CheckpointStore {
  return {
    async read(key) {
      const row = await ctx.db.scheduledPost.findFirst({ where: { id: postId }, select: { publishCheckpoint: true } });
      const states = (row?.publishCheckpoint ?? {}) as Record<string, Record<string, unknown>>;
      return states[key];
    },
    async write(key, state) {
      await ctx.db.scheduledPost.update({ where: { id: postId }, data: { publishCheckpoint: { [key]: state } as object } });
    },
  };
}

async function recordFailure(ctx: ToolContext, post: PostRow, error: PublishError | SecretsError | AccountNotUsable | TokenRefreshError): Promise<Outcome> {
  const attempt = post.publishAttempts + 1;
  if (error instanceof PublishError && error.kind === 'transient' && !error.details.mayHavePublished && attempt < MAX_PUBLISH_ATTEMPTS) {
    const wait = Math.max(error.details.retryAfterMs ?? 0, RETRY_BASE_MS * 2 ** (attempt - 1));
    const nextAttemptAt = new Date(ctx.now().getTime() + wait);
    await release(ctx, post, error.message, nextAttemptAt);
    return { ...outcomeOf(post, 'retrying', error.message), next_attempt_at: nextAttemptAt.toISOString(), attempt };
  }
  let message = error.message;
  if (error instanceof PublishError && error.kind === 'transient' && !error.details.mayHavePublished) message = `Gave up after ${attempt} tries: ${message}`;
  if (error instanceof PublishError && error.kind === 'auth' && post.socialAccountId) {
    // The token is dead for every post of this account: say so once, on the account, for people to reconnect it.
    await ctx.db.socialAccount.update({ where: { id: post.socialAccountId }, data: { status: 'EXPIRED', lastError: error.message } });
    message = `${message} ${post.socialAccount?.displayName ?? 'The account'} is marked expired: connect it again (connect_social_account), then schedule the post again.`;
  }
  await ctx.db.scheduledPost.updateMany({ where: { id: post.id, status: 'PUBLISHING' }, data: { status: 'FAILED', error: message, publishAttempts: attempt, publishClaimedAt: null } });
  return { ...outcomeOf(post, 'failed', message), attempt };
}

/** Back to SCHEDULED for another try at `nextAttemptAt` (or at once), counting the attempt. */
async function release(ctx: ToolContext, post: PostRow, message: string, nextAttemptAt?: Date): Promise<void> {
  await ctx.db.scheduledPost.updateMany({
    where: { id: post.id, status: 'PUBLISHING' },
    data: { status: 'SCHEDULED', error: message, publishAttempts: { increment: 1 }, nextAttemptAt: nextAttemptAt ?? null, publishClaimedAt: null },
  });
}

function whyNotClaimed(post: PostRow, approvalId: string, now: Date): string {
  if (post.approvalRequestId !== approvalId) return 'Another approval (or an edit) replaced the one this job was for.';
  if (post.status === 'PUBLISHED') return 'Already published.';
  if (post.status === 'PUBLISHING') return 'Another worker is publishing it.';
  if (post.status !== 'SCHEDULED') return `The post is ${post.status.toLowerCase()}.`;
  if (post.nextAttemptAt && post.nextAttemptAt > now) return `Next try at ${post.nextAttemptAt.toISOString()}.`;
  return 'Not due yet.';
}

function outcomeOf(post: PostRow, outcome: Outcome['outcome'], error: string | null): Outcome {
  return {
    post_id: post.id,
    outcome,
    platform: PLATFORM_LABELS[fromPlatformColumn(post.platform)],
    account: post.socialAccount?.displayName ?? null,
    external_url: post.externalUrl,
    error,
    next_attempt_at: null,
    attempt: post.publishAttempts,
  };
}
