import { listAuditLog } from './access/list-audit-log.ts';
import { bindSlackChannel, unbindSlackChannel } from './access/slack-channels.ts';
import { whoami } from './access/whoami.ts';
import { decideApproval } from './approvals/decide-approval.ts';
import { listApprovals } from './approvals/list-approvals.ts';
import { AD_TOOLS } from './ads/index.ts';
import { ATTRIBUTION_TOOLS } from './attribution/index.ts';
import { CAMPAIGN_TOOLS } from './campaigns/index.ts';
import { CATALOGUE_TOOLS } from './catalogue/index.ts';
import { CONTENT_TOOLS } from './content/index.ts';
import { CREATOR_TOOLS } from './creators/index.ts';
import { CRM_TOOLS } from './crm/index.ts';
import { IMPORT_TOOLS } from './imports/index.ts';
import { INSIGHTS_TOOLS } from './insights/index.ts';
import { listJobs } from './jobs/list-jobs.ts';
import { setFxRate } from './money/set-fx-rate.ts';
import { ToolCatalogue } from './registry/catalogue.ts';
import type { AnyTool } from './registry/define-tool.ts';
import { REPORT_TOOLS } from './reports/index.ts';
import { SPEND_TOOLS } from './spend/index.ts';
import { USAGE_TOOLS } from './usage/index.ts';

/** Every tool Crescendo has. Each area adds its tools here; every surface is generated from this list. */
export const ALL_TOOLS: readonly AnyTool[] = [whoami, ...CATALOGUE_TOOLS, listAuditLog, listJobs, bindSlackChannel, unbindSlackChannel, listApprovals, decideApproval, ...CAMPAIGN_TOOLS, setFxRate, ...SPEND_TOOLS, ...ATTRIBUTION_TOOLS, ...IMPORT_TOOLS, ...INSIGHTS_TOOLS, ...USAGE_TOOLS, ...CONTENT_TOOLS, ...REPORT_TOOLS, ...CRM_TOOLS, ...CREATOR_TOOLS, ...AD_TOOLS];

export function createCatalogue(tools: readonly AnyTool[] = ALL_TOOLS): ToolCatalogue {
  return new ToolCatalogue(tools);
}
