import { z } from 'zod';
import { defineCsvImport, type LinedRow } from '../../imports/csv-import.ts';
import { EventLoopPacer } from '../../imports/event-loop-pacer.ts';
import { RowError, type CsvRow } from '../../imports/csv-row.ts';
import { ToolError } from '../../registry/errors.ts';
import type { ToolContext } from '../../registry/context.ts';
import { convertMoney, type PreparedRecord } from './convert-money.ts';
import { FIELD_NAME, moneyFieldsInput, moneyFieldTest, type Payload } from './record-fields.ts';
import { isProblem, readRecordHead } from './read-record.ts';
import { dataSourceName, resolveSourceCategory, sourceCategoryInput } from './record-source.ts';
import { storeRecords } from './store-records.ts';

const recordsCsvOptions = z.object({
  data_source: dataSourceName.describe('Where the rows come from, lower snake case: meta_ads, shopify, crm_hubspot, ...'),
  source_category: sourceCategoryInput.optional().describe('Default: what the source\'s stored records have, else inferred from well-known names.'),
  money_fields: moneyFieldsInput.optional(),
});
type RecordsCsvOptions = z.output<typeof recordsCsvOptions>;

const ID_COLUMNS = ['source_record_id', 'id'];
const TIME_COLUMNS = ['recorded_at', 'timestamp', 'date'];
const KEY_COLUMNS = ['campaign_key', 'customer_key', 'asset_key', 'currency'];
const NUMBER = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false)$/i;

/** The columns that are the record's own (the first of each alternative present), given a header. */
function ownColumns(columns: Iterable<string>): { id: string; time: string; own: Set<string> } {
  const names = [...columns];
  const id = ID_COLUMNS.find((name) => names.includes(name))!;
  const time = TIME_COLUMNS.find((name) => names.includes(name))!;
  return { id, time, own: new Set([id, time, ...KEY_COLUMNS]) };
}

/**
 * The CSV form of import_records, for `crescendo import records FILE --source S`: any columns, of
 * which an id, a time and the keys are the record's own and every other non-empty cell goes into
 * its payload, a number when its column is numeric on every row that fills it (true/false columns
 * become booleans). Checked whole, stored through the shared CSV import path (big files as a job).
 */
export const importRecordsCsv = defineCsvImport<PreparedRecord, RecordsCsvOptions>({
  name: 'import_records_csv',
  title: 'Import records from a CSV file',
  description:
    'Loads a CSV export of any data source as unified records, like import_records: one row per record, identified by data_source + source_record_id ' +
    '(a row whose id is stored with other values updates it); money columns in another currency are converted at each row\'s local date\'s rate.',
  area: 'reports',
  permission: 'reports:write',
  columns: {
    required: [],
    oneOf: [ID_COLUMNS, TIME_COLUMNS],
    optional: KEY_COLUMNS,
    others: 'payload fields: numbers where the column is numeric, empty cells left out',
  },
  options: recordsCsvOptions,
  exampleOptions: { data_source: 'meta_ads' },
  exampleCsv: 'source_record_id,recorded_at,campaign_key,currency,spend,clicks\nad-1-2026-10-01,2026-10-01,autumn,USD,120.50,340\n',
  read: (row, ctx) => readRow(row, ctx.org.timeZone),
  naturalKey: { of: (record) => record.sourceRecordId, describe: (record) => `source_record_id ${record.sourceRecordId}`, replacesStored: true },
  prepareFile,
  async store(ctx, rows, options) {
    const category = await resolveSourceCategory(ctx.db, options.data_source, options.source_category);
    const counts = await storeRecords(ctx, { dataSource: options.data_source, category }, rows);
    return { inserted: counts.inserted, replaced: counts.updated };
  },
});

function readRow(row: CsvRow, timeZone: string): PreparedRecord {
  const cells = row.cellsByColumn();
  const { id, time, own } = ownColumns(cells.keys());
  const optional = (column: string) => row.text(column, { optional: true });
  const head = {
    source_record_id: row.text(id),
    recorded_at: row.text(time),
    campaign_key: optional('campaign_key'),
    customer_key: optional('customer_key'),
    asset_key: optional('asset_key'),
    currency: optional('currency'),
  };
  // Cells stay text until the whole file is read: a column's type depends on every row.
  const payload: Payload = {};
  for (const [column, cell] of cells) {
    const value = cell.trim();
    if (value !== '' && !own.has(column)) payload[column] = value;
  }
  const record = readRecordHead(head, payload, timeZone);
  if (isProblem(record)) throw new RowError(`${record.field === 'source_record_id' ? id : record.field === 'recorded_at' ? time : record.field} ${record.message}`);
  return record;
}

/** Header names, the source's category, column types, then money conversion: problems by line. */
async function prepareFile(ctx: ToolContext, rows: ReadonlyArray<LinedRow<PreparedRecord>>, options: RecordsCsvOptions, header: readonly string[]) {
  const { own } = ownColumns(header);
  const fields = header.filter((column) => !own.has(column));
  const badName = fields.find((column) => !FIELD_NAME.test(column));
  if (badName !== undefined) return [{ line: 1, reason: `column "${badName}" is not a usable field name (letters, digits and _, not starting with a digit)` }];
  try {
    await resolveSourceCategory(ctx.db, options.data_source, options.source_category);
  } catch (error) {
    if (error instanceof ToolError) return [{ line: 1, reason: error.message }];
    throw error;
  }
  const pacer = new EventLoopPacer();
  for (const column of fields) await typeColumn(rows, column, pacer);
  const records = rows.map((lined) => lined.row);
  const { problems } = await convertMoney(ctx, records, moneyFieldTest(options.money_fields));
  return problems.map((problem) => ({ line: rows[problem.index]!.line, reason: `${problem.field} ${problem.message}` }));
}

/** Makes a column's cells numbers (or booleans) when every filled cell of it is one. */
async function typeColumn(rows: ReadonlyArray<LinedRow<PreparedRecord>>, column: string, pacer: EventLoopPacer): Promise<void> {
  let numeric = true;
  let boolean = true;
  for (const { row } of rows) {
    await pacer.yieldIfDue();
    const value = row.payload[column];
    if (value === undefined) continue;
    const text = value as string;
    numeric &&= isNumber(text);
    boolean &&= BOOLEAN.test(text);
    if (!numeric && !boolean) return;
  }
  for (const { row } of rows) {
    await pacer.yieldIfDue();
    const value = row.payload[column];
    if (value !== undefined) row.payload[column] = numeric ? Number(value) : (value as string).toLowerCase() === 'true';
  }
}

/** A number that reads back the same: no leading zeros (a postcode, a zero-padded id) and no integer past 2^53. */
function isNumber(text: string): boolean {
  if (!NUMBER.test(text) || /^[+-]?0\d/.test(text)) return false;
  return !/^[+-]?\d+$/.test(text) || Number.isSafeInteger(Number(text));
}
