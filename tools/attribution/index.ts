import type { AnyTool } from '../registry/define-tool.ts';

/** Touchpoints, conversions, attribution models, customer journeys and ROAS. */
export const ATTRIBUTION_TOOLS: AnyTool[] = [];
