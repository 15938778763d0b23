import type { AnyTool } from '../registry/define-tool.ts';
import { CAMPAIGN_IMPORT_TOOLS } from './campaign-import/index.ts';
import { INGEST_TOOLS } from './ingest/index.ts';
import { PAYMENT_TOOLS } from './payments/index.ts';
import { PERFORMANCE_TOOLS } from './performance/index.ts';
import { RECORD_TOOLS } from './records/index.ts';

/** Playlist-promotion campaigns and vendor accountability. */
export const CAMPAIGN_TOOLS: AnyTool[] = [...RECORD_TOOLS, ...CAMPAIGN_IMPORT_TOOLS, ...INGEST_TOOLS, ...PERFORMANCE_TOOLS, ...PAYMENT_TOOLS];
