import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict } from '../../registry/errors.ts';
import type { ToolContext } from '../../registry/context.ts';
import { approvalFacts, approvalPreview, approvalSummary, approvedOutcome, approvedPostOutput, approvePost, enterPendingApproval, postForApproval, returnToDraft } from './post-approval.ts';
import { resolveScheduledAt, scheduledAtInput, timeZoneInput } from './post-fields.ts';
import { loadPost } from './post-view.ts';

const input = z.object({
  post_id: z.string().uuid().describe('Post to schedule (list_posts, create_post).'),
  scheduled_at: scheduledAtInput.optional().describe("When to publish (2026-12-12T18:00 in time_zone, or ISO with offset); default the post's time."),
  time_zone: timeZoneInput.optional(),
});

export const schedulePost = defineTool({
  name: 'schedule_post',
  title: 'Schedule a post',
  description:
    'Asks for approval to publish a post at its time: the approver sees the post as it will appear, its account, platform and time. Nothing is published until another person approves; then it goes out once, at that time. Returns the pending approval.',
  area: 'content',
  access: 'approval',
  permission: 'content:write',
  hints: { openWorld: true },
  input,
  output: approvedPostOutput,
  keywords: ['queue for approval', 'post at', 'content calendar'],
  example: { post_id: '00000000-0000-7000-8000-000000000000', scheduled_at: '2026-12-12T18:00', time_zone: 'Europe/London' },
  // Runs in the filing transaction: the post enters pending_approval with its request.
  async preview(ctx, request) {
    return approvalPreview(await filedPost(ctx, request), 'schedule', ctx.org.timeZone);
  },
  async fingerprint(ctx, request) {
    return approvalFacts(await loadPost(ctx, request.post_id), 'schedule', ctx.org.timeZone);
  },
  async summarize(ctx, request) {
    return approvalSummary(ctx, await loadPost(ctx, request.post_id), 'schedule');
  },
  outcome: approvedOutcome,
  onRejected: (ctx, request, comment) => returnToDraft(ctx, request.post_id, comment),
  handler: (ctx, request) => approvePost(ctx, request.post_id, 'schedule'),
});

async function filedPost(ctx: ToolContext, request: z.output<typeof input>) {
  const post = await postForApproval(ctx, request.post_id);
  // Called again while an approval executes when its facts changed: the post's current time stands then.
  if (ctx.approvalId) return enterPendingApproval(ctx, post);
  if (post.status === 'SCHEDULED') throw conflict('This post is already approved and scheduled: reschedule_post moves it (no new approval), update_post changes its content (which needs one).');
  const timeZone = request.time_zone ?? post.timeZone ?? ctx.org.timeZone;
  const time = request.scheduled_at ? { at: resolveScheduledAt(request.scheduled_at, timeZone), timeZone } : undefined;
  if (!time && !post.scheduledAt) throw conflict('The post has no time: give scheduled_at (or use publish_now).');
  return enterPendingApproval(ctx, post, time);
}
