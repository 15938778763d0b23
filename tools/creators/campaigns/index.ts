import type { AnyTool } from '../../registry/define-tool.ts';
import { listPayments } from '../../payments/list-payments.ts';
import { assignCreator } from './assign-creator.ts';
import { campaignCreators } from './campaign-creators.ts';
import { createCreatorCampaign } from './create-creator-campaign.ts';
import { creatorCampaignPerformance } from './creator-campaign-performance.ts';
import { getCreatorCampaign } from './get-creator-campaign.ts';
import { listCreatorCampaigns } from './list-creator-campaigns.ts';
import { payCreator } from './pay-creator.ts';
import { submitContent } from './submit-content.ts';
import { updateAssignment } from './update-assignment.ts';
import { updateCreatorCampaign } from './update-creator-campaign.ts';

/** Creator campaigns: campaigns, assignments and their workflow, content links, performance, paying creators, and the one payments ledger. */
export const CREATOR_CAMPAIGN_TOOLS: AnyTool[] = [
  createCreatorCampaign, updateCreatorCampaign, listCreatorCampaigns, getCreatorCampaign,
  assignCreator, updateAssignment, submitContent, campaignCreators, creatorCampaignPerformance,
  payCreator, listPayments,
];
