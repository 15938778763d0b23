import type { AnyTool } from '../registry/define-tool.ts';
import { modelUsage } from './model-usage.ts';
import { setAgentSettings } from './set-agent-settings.ts';
import { setModelBudget } from './set-model-budget.ts';

/** The assistant's own consumption (what it used, the daily limits on it) and what it may change unasked. */
export const USAGE_TOOLS: readonly AnyTool[] = [modelUsage, setModelBudget, setAgentSettings];
