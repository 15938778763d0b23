import { listAuditLog } from './access/list-audit-log.ts';
import { whoami } from './access/whoami.ts';
import { decideApproval } from './approvals/decide-approval.ts';
import { listApprovals } from './approvals/list-approvals.ts';
import { CAMPAIGN_TOOLS } from './campaigns/index.ts';
import { ToolCatalogue } from './registry/catalogue.ts';
import type { AnyTool } from './registry/define-tool.ts';

/** Every tool Crescendo has. Each area adds its tools here; every surface is generated from this list. */
export const ALL_TOOLS: readonly AnyTool[] = [whoami, listAuditLog, listApprovals, decideApproval, ...CAMPAIGN_TOOLS];

export function createCatalogue(tools: readonly AnyTool[] = ALL_TOOLS): ToolCatalogue {
  return new ToolCatalogue(tools);
}
