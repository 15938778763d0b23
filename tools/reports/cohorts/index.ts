import type { AnyTool } from '../../registry/define-tool.ts';
import { cohortReport } from './cohort-report.ts';

export const COHORTS_TOOLS: AnyTool[] = [cohortReport];
