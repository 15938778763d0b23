import type { AnyTool } from '../../registry/define-tool.ts';

/** The scraper-file importer. */
export const INGEST_TOOLS: AnyTool[] = [];
