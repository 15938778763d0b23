import type { AnyTool } from '../../registry/define-tool.ts';
import { adPerformance } from './ad-performance.ts';

export const PERFORMANCE_TOOLS: AnyTool[] = [adPerformance];
