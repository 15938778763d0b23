import type { AnyTool } from '../../registry/define-tool.ts';
import { allocationOutcome } from './allocation-outcome.ts';
import { campaignAlerts } from './campaign-alerts.ts';
import { commitAllocation } from './commit-allocation.ts';
import { planBudgetAllocation } from './plan-budget-allocation.ts';
import { recommendVendors } from './recommend-vendors.ts';
import { vendorPerformance } from './vendor-performance.ts';

/** Vendor scorecards, recommendations, budget plans and alerts. */
export const PERFORMANCE_TOOLS: AnyTool[] = [vendorPerformance, recommendVendors, planBudgetAllocation, commitAllocation, allocationOutcome, campaignAlerts];
