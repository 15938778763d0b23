import type { AnyTool } from '../../registry/define-tool.ts';
import { importCampaigns } from './import-campaigns.ts';

export { importCampaigns };

/** Campaigns from a salesperson's CSV sheet (`crescendo import campaigns FILE`). */
export const CAMPAIGN_IMPORT_TOOLS: AnyTool[] = [importCampaigns];
