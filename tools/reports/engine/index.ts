import type { AnyTool } from '../../registry/define-tool.ts';
import { runReportTool } from './run-report-tool.ts';

export const ENGINE_TOOLS: AnyTool[] = [runReportTool];
