import type { AnyTool } from '../registry/define-tool.ts';
import { modelUsage } from './model-usage.ts';
import { setModelBudget } from './set-model-budget.ts';

/** The assistant's own consumption: what it used, and the daily limits on it. */
export const USAGE_TOOLS: readonly AnyTool[] = [modelUsage, setModelBudget];
