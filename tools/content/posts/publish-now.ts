import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { approvalFacts, approvalPreview, approvalSummary, approvedOutcome, approvedPostOutput, approvePost, enterPendingApproval, postForApproval, returnToDraft } from './post-approval.ts';
import { loadPost } from './post-view.ts';

export const publishNow = defineTool({
  name: 'publish_now',
  title: 'Publish a post now',
  description:
    'Asks for approval to publish a post immediately: the approver sees it as it will appear and where. Once another person approves, it goes out once, right away. Returns the pending approval.',
  area: 'content',
  access: 'approval',
  permission: 'content:write',
  hints: { openWorld: true },
  input: z.object({ post_id: z.string().uuid().describe('Post to publish (list_posts).') }),
  output: approvedPostOutput,
  example: { post_id: '00000000-0000-7000-8000-000000000000' },
  async preview(ctx, request) {
    const post = await postForApproval(ctx, request.post_id);
    return approvalPreview(await enterPendingApproval(ctx, post), 'now', ctx.org.timeZone);
  },
  async fingerprint(ctx, request) {
    return approvalFacts(await loadPost(ctx, request.post_id), 'now', ctx.org.timeZone);
  },
  async summarize(ctx, request) {
    return approvalSummary(ctx, await loadPost(ctx, request.post_id), 'now');
  },
  outcome: approvedOutcome,
  onRejected: (ctx, request, comment) => returnToDraft(ctx, request.post_id, comment),
  handler: (ctx, request) => approvePost(ctx, request.post_id, 'now'),
});
