import type { AnyTool } from '../../registry/define-tool.ts';
import { getTimeline } from './get-timeline.ts';

/** The CRM timeline reader (recordActivity in record-activity.ts writes it). */
export const TIMELINE_TOOLS: AnyTool[] = [getTimeline];
