import type { z } from 'zod';
import type { whoami } from '../../../../tools/access/whoami.ts';
import type { decideApproval } from '../../../../tools/approvals/decide-approval.ts';
import type { listApprovals } from '../../../../tools/approvals/list-approvals.ts';
import type { compareAttributionModels } from '../../../../tools/attribution/compare-attribution-models.ts';
import type { roasSummary } from '../../../../tools/attribution/roas-summary.ts';
import type { allocationOutcome } from '../../../../tools/campaigns/performance/allocation-outcome.ts';
import type { campaignAlerts } from '../../../../tools/campaigns/performance/campaign-alerts.ts';
import type { vendorPerformance } from '../../../../tools/campaigns/performance/vendor-performance.ts';
import type { exportTable } from '../../../../tools/campaigns/records/export-table.ts';
import type { getClient } from '../../../../tools/campaigns/records/get-client.ts';
import type { listClients } from '../../../../tools/campaigns/records/list-clients.ts';
import type { listVendors } from '../../../../tools/campaigns/records/list-vendors.ts';
import type { getCampaign } from '../../../../tools/campaigns/records/get-campaign.ts';
import type { listCampaigns } from '../../../../tools/campaigns/records/list-campaigns.ts';
import type { listPlaylists } from '../../../../tools/campaigns/records/list-playlists.ts';
import type { generatePosts } from '../../../../tools/content/generate/generate-posts.ts';
import type { cancelPost } from '../../../../tools/content/posts/cancel-post.ts';
import type { createPost } from '../../../../tools/content/posts/create-post.ts';
import type { getPost } from '../../../../tools/content/posts/get-post.ts';
import type { listPosts } from '../../../../tools/content/posts/list-posts.ts';
import type { listSocialAccounts } from '../../../../tools/content/posts/list-social-accounts.ts';
import type { reschedulePost } from '../../../../tools/content/posts/reschedule-post.ts';
import type { schedulePost } from '../../../../tools/content/posts/schedule-post.ts';
import type { startSocialConnection } from '../../../../tools/content/posts/start-social-connection.ts';
import type { updatePost } from '../../../../tools/content/posts/update-post.ts';
import type { listReleases } from '../../../../tools/content/releases/list-releases.ts';
import type { dailyDigest } from '../../../../tools/insights/daily-digest.ts';
import type { performanceTimeline } from '../../../../tools/insights/performance-timeline.ts';
import type { ToolDefinition } from '../../../../tools/registry/define-tool.ts';
import type { modelUsage } from '../../../../tools/usage/model-usage.ts';

/**
 * The tools the UI calls, typed by the registry's own schemas (type-only imports: no server code
 * reaches the bundle). A renamed field breaks `npm run typecheck`, not a page in production.
 */
interface UiTools {
  whoami: typeof whoami;
  list_campaigns: typeof listCampaigns;
  get_campaign: typeof getCampaign;
  list_playlists: typeof listPlaylists;
  list_clients: typeof listClients;
  get_client: typeof getClient;
  list_vendors: typeof listVendors;
  export_table: typeof exportTable;
  vendor_performance: typeof vendorPerformance;
  campaign_alerts: typeof campaignAlerts;
  allocation_outcome: typeof allocationOutcome;
  roas_summary: typeof roasSummary;
  compare_attribution_models: typeof compareAttributionModels;
  list_approvals: typeof listApprovals;
  decide_approval: typeof decideApproval;
  daily_digest: typeof dailyDigest;
  performance_timeline: typeof performanceTimeline;
  model_usage: typeof modelUsage;
  list_releases: typeof listReleases;
  generate_posts: typeof generatePosts;
  list_posts: typeof listPosts;
  get_post: typeof getPost;
  create_post: typeof createPost;
  update_post: typeof updatePost;
  schedule_post: typeof schedulePost;
  reschedule_post: typeof reschedulePost;
  cancel_post: typeof cancelPost;
  list_social_accounts: typeof listSocialAccounts;
  start_social_connection: typeof startSocialConnection;
}

export type ToolName = keyof UiTools;
export type ToolInput<Name extends ToolName> = UiTools[Name] extends ToolDefinition<infer Input, z.ZodType> ? z.input<Input> : never;
export type ToolOutput<Name extends ToolName> = UiTools[Name] extends ToolDefinition<z.ZodObject, infer Output> ? z.output<Output> : never;
