import type { AnyTool } from '../../registry/define-tool.ts';
import { importRecords } from './import-records.ts';
import { importRecordsCsv } from './import-records-csv.ts';
import { listDataSources } from './list-data-sources.ts';

/** Unified records: importing any source's records (JSON or CSV) and seeing which sources and payload fields exist. */
export const RECORDS_TOOLS: AnyTool[] = [importRecords, importRecordsCsv, listDataSources];
