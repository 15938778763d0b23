import type { AnyTool } from '../../registry/define-tool.ts';
import { setBigQuerySource } from './set-bigquery-source.ts';
import { syncBigquery } from './sync-bigquery.ts';

export const BIGQUERY_TOOLS: AnyTool[] = [setBigQuerySource, syncBigquery];
