import type { AnyTool } from '../../registry/define-tool.ts';
import { archiveDeal } from './archive-deal.ts';
import { createDeal } from './create-deal.ts';
import { getDeal } from './get-deal.ts';
import { listDeals } from './list-deals.ts';
import { moveDealStage } from './move-deal-stage.ts';
import { pipelineSummary } from './pipeline-summary.ts';
import { setDealProbabilities } from './set-deal-probabilities.ts';
import { updateDeal } from './update-deal.ts';

/** CRM deals and the pipeline: deals, their stage moves, stage probabilities and the pipeline summary. */
export const DEAL_TOOLS: AnyTool[] = [createDeal, updateDeal, archiveDeal, listDeals, getDeal, moveDealStage, setDealProbabilities, pipelineSummary];
