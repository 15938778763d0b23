import type { AnyTool } from '../registry/define-tool.ts';

/** Marketing spend, streams, FX and stream rates, estimated earnings, payouts and their reconciliation, weekly artist stats, campaign lift. */
export const SPEND_TOOLS: AnyTool[] = [];
