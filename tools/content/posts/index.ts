import type { AnyTool } from '../../registry/define-tool.ts';
import { cancelPost } from './cancel-post.ts';
import { connectSocialAccount } from './connect-social-account.ts';
import { createPost } from './create-post.ts';
import { getPost } from './get-post.ts';
import { listPosts } from './list-posts.ts';
import { postEngagement } from './post-engagement.ts';
import { listSocialAccounts } from './list-social-accounts.ts';
import { postSuggestions } from './post-suggestions.ts';
import { publishNow } from './publish-now.ts';
import { publishScheduledPost } from './publish-scheduled-post.ts';
import { refreshSocialTokens } from './refresh-social-tokens.ts';
import { reschedulePost } from './reschedule-post.ts';
import { schedulePost } from './schedule-post.ts';
import { startSocialConnection } from './start-social-connection.ts';
import { updatePost } from './update-post.ts';

export { configureContentServices, contentServices, type ContentServices } from './content-services.ts';
export { PUBLISH_POST_JOB, publishJobKey, publishJobPayload } from './post-approval.ts';
export { PUBLISH_LEASE_MS, MAX_PUBLISH_ATTEMPTS, RETRY_BASE_MS } from './publish-scheduled-post.ts';
export { configureOAuthConnections, type OAuthConnectionSettings } from '../connectors/oauth-settings.ts';
export { configureTokenRefreshClients, PUBLISH_REFRESH_WINDOW_MS, REFRESH_WINDOW_MS } from './refresh-social-tokens.ts';

/** The content calendar and publishing tools (toolset `content`). */
export const POST_TOOLS: readonly AnyTool[] = [
  createPost,
  updatePost,
  schedulePost,
  reschedulePost,
  cancelPost,
  publishNow,
  listPosts,
  getPost,
  postEngagement,
  postSuggestions,
  listSocialAccounts,
  connectSocialAccount,
  startSocialConnection,
  publishScheduledPost,
  refreshSocialTokens,
];
