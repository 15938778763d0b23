import type { AnyTool } from '../../registry/define-tool.ts';
import { vendorPerformance } from './vendor-performance.ts';

/** Vendor scorecards, recommendations, budget plans and alerts. */
export const PERFORMANCE_TOOLS: AnyTool[] = [vendorPerformance];
