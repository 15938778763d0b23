import type { AnyTool } from '../../registry/define-tool.ts';
import { ingestScrapedData } from './ingest-scraped-data.ts';

/** The scraper-file importer. */
export const INGEST_TOOLS: AnyTool[] = [ingestScrapedData];
