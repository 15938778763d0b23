import { z } from 'zod';
import type { ToolContext } from '../registry/context.ts';
import { defineTool } from '../registry/define-tool.ts';
import type { Area, Permission } from '../registry/roles.ts';
import { CsvSyntaxError } from './csv-reader.ts';
import { parseCsvYielding } from './csv-slices.ts';
import { ImportProgress } from './import-progress.ts';
import { EventLoopPacer } from './event-loop-pacer.ts';
import { CsvRow, RowError } from './csv-row.ts';
import { importFilesInput, type ImportFiles } from './import-kinds.ts';
import { BIG_IMPORT_CHARS, BIG_IMPORT_ROWS, isBigImport, queueBigImport } from './big-import.ts';
import { registerCsvImport } from './csv-import-definitions.ts';

const LISTED_ERRORS = 100;

export const csvImportInput = importFilesInput.extend({
  dry_run: z.boolean().default(false).describe('Check every row and report what an import would do, storing nothing.'),
});
export type CsvImportInput = z.output<typeof csvImportInput>;

const count = z.int().min(0);
export const csvImportOutput = z.object({
  files: count.describe('Files received.'),
  files_loaded: count.describe('Files whose every row was valid (stored unless dry_run).'),
  files_rejected: count.describe('Files with at least one bad row: nothing from them was stored.'),
  rows: count.describe('Data rows read from the loaded files.'),
  rows_stored: count.describe('Rows stored now.'),
  rows_unchanged: count.describe('Rows already stored (same dedupe key): importing a file twice changes nothing.'),
  rows_replaced: count.describe('Of rows_stored, rows that overwrote a stored row with the same key but other values (a corrected file); 0 for kinds that only add.'),
  errors: z
    .array(z.object({ file: z.string(), line: z.int().describe('1 is the header row.'), reason: z.string() }))
    .describe(`The first ${LISTED_ERRORS} problems, by file then line.`),
  errors_not_shown: count,
  warnings: z.array(z.string()).default([]).describe('What was accepted but deserves a look (each kind says what it checks).'),
  dry_run: z.boolean(),
  status: z
    .enum(['done', 'queued'])
    .describe(`queued: the files are big (over ${BIG_IMPORT_ROWS.toLocaleString('en')} rows or ${BIG_IMPORT_CHARS / 1_000_000} MB), so a background job checks and stores them; counts stay 0 here, get_import {import_id} shows progress and the outcome.`),
  import_id: z.string().nullable().describe('The background import, when queued.'),
});
export type CsvImportOutput = z.infer<typeof csvImportOutput>;

export interface CsvColumns {
  required: readonly string[];
  optional?: readonly string[];
  /** Groups of alternative names of which the header must have at least one (`id` or `source_record_id`). */
  oneOf?: ReadonlyArray<readonly string[]>;
  /** Kinds that take any other column say what becomes of it here (listed in the description); without it an unknown column is a header error. */
  others?: string;
}

/** Per-call settings an import kind takes besides its files (a data source's name), kept with a queued import. */
export type CsvImportOptions = Record<string, unknown>;

export interface CsvImportDefinition<Row, Options extends CsvImportOptions = CsvImportOptions> {
  name: string;
  title: string;
  /** What the rows are and how duplicates are recognised; the shared behaviour is appended. */
  description: string;
  area: Area;
  permission: Permission;
  columns: CsvColumns;
  /** An example file's text, for documentation and the registry-wide tests. */
  exampleCsv: string;
  /** Extra input fields of the tool (beyond files and dry_run); their values reach every hook as `options`. */
  options?: z.ZodObject;
  /** Values of those fields for the example input. */
  exampleOptions?: Partial<Options>;
  /** Turns one record into a row to store; throws RowError for a bad cell. */
  read(row: CsvRow, ctx: ToolContext, options: Options): Row;
  /**
   * Kinds whose rows depend on the whole file (a column's type, a rate per day): called once a
   * file's rows all read well, it may complete each row in place and returns the file's problems
   * by line (any makes the file rejected like a bad row).
   */
  prepareFile?(ctx: ToolContext, rows: ReadonlyArray<LinedRow<Row>>, options: Options, header: readonly string[]): Promise<Array<{ line: number; reason: string }>>;
  /**
   * Kinds whose rows have a natural key (an order, a day's spend, a payout period): the same key
   * twice in one file is a bad row, since which value is right cannot be guessed (`of` returns
   * null for a row without one). With `replacesStored` files may be corrected: `store` replaces
   * stored rows with that key.
   */
  naturalKey?: { of(row: Row): string | null; describe(row: Row): string; replacesStored: boolean };
  /**
   * For kinds whose stored rows may not change (an order is a fact): the rows of a file that
   * contradict what is stored, each with the reason. Any makes the file rejected like a bad row.
   */
  conflictsWithStored?(ctx: ToolContext, rows: ReadonlyArray<LinedRow<Row>>): Promise<Array<{ line: number; reason: string }>>;
  /** What the accepted rows (of every file) do that is allowed but likely a mistake, each said once; nothing is refused for it. */
  warnAbout?(ctx: ToolContext, rows: ReadonlyArray<Row>): Promise<string[]>;
  /** Stores one accepted file's rows: skipping rows already stored, or replacing them for kinds with a natural key. */
  store(ctx: ToolContext, rows: Row[], options: Options): Promise<StoreOutcome>;
}

export interface LinedRow<Row> {
  row: Row;
  line: number;
}

export interface StoreOutcome {
  /** Rows that did not exist. */
  inserted: number;
  /** Rows that existed with other values and were overwritten. */
  replaced: number;
}

/**
 * A CSV import tool: every file is parsed and every row checked before anything is stored, a file
 * with any bad row is rejected whole (its problems listed with line numbers), and the accepted
 * files are stored in the tool's one transaction. Big files (see big-import.ts) are queued instead:
 * the imports.run job checks them outside any transaction and stores them in short batches.
 */
export function defineCsvImport<Row, Options extends CsvImportOptions = CsvImportOptions>(definition: CsvImportDefinition<Row, Options>) {
  registerCsvImport(definition as CsvImportDefinition<Row>);
  const columnList = [
    ...definition.columns.required,
    ...(definition.columns.oneOf ?? []).map((names) => names.join('|')),
    ...(definition.columns.optional ?? []).map((name) => `${name}?`),
  ].join(',') + (definition.columns.others ? `, any other column (${definition.columns.others})` : '');
  // Typed as the shared input: the kind's own fields reach it through csvImportOptions.
  const input = (definition.options ? csvImportInput.extend(definition.options.shape) : csvImportInput) as typeof csvImportInput;
  return defineTool({
    name: definition.name,
    title: definition.title,
    description:
      `${definition.description} CSV columns: ${columnList} (header row, UTF-8, ISO dates, "." decimals). ` +
      'A file with a bad row is rejected whole and its problems are listed with line numbers; the other files still load. ' +
      (definition.naturalKey?.replacesStored
        ? 'Re-importing a file changes nothing; a row whose key is already stored with other values replaces it (rows_replaced); files apply in order.'
        : 'Re-importing a file changes nothing.') +
      ` Over ${BIG_IMPORT_ROWS.toLocaleString('en')} rows or ${BIG_IMPORT_CHARS / 1_000_000} MB the import is queued (status "queued", import_id): follow it with get_import.`,
    area: definition.area,
    access: 'write',
    permission: definition.permission,
    input,
    output: csvImportOutput,
    hints: { idempotent: true, destructive: Boolean(definition.naturalKey?.replacesStored) },
    transactionTimeoutMs: 15 * 60_000,
    example: { files: [{ name: `${definition.name.replace(/^import_/, '')}.csv`, content: definition.exampleCsv }], ...definition.exampleOptions },
    handler: (ctx, input: CsvImportInput) => {
      const options = csvImportOptions(definition, input);
      return isBigImport(input.files) ? queueBigImport(ctx, definition.name, input, options) : importCsvFiles(ctx, input, definition, options);
    },
  });
}

/** The call's values of the kind's own input fields. */
export function csvImportOptions<Options extends CsvImportOptions>(definition: { options?: z.ZodObject }, input: Record<string, unknown>): Options {
  const names = Object.keys(definition.options?.shape ?? {});
  return Object.fromEntries(names.filter((name) => input[name] !== undefined).map((name) => [name, input[name]])) as Options;
}

export async function importCsvFiles<Row, Options extends CsvImportOptions>(
  ctx: ToolContext,
  input: ImportFiles & { dry_run: boolean },
  definition: CsvImportDefinition<Row, Options>,
  options: Options,
): Promise<CsvImportOutput> {
  const progress = new ImportProgress(ctx, input.dry_run);
  const checked = await checkCsvFiles(ctx, input.files, definition, progress, options);
  const stored: StoreOutcome = { inserted: 0, replaced: 0 };
  if (!input.dry_run) {
    // Accepted files are stored in order, so a later file in the call corrects an earlier one.
    const total = checked.accepted.reduce((sum, fileRows) => sum + fileRows.length, 0);
    let done = 0;
    for (const fileRows of checked.accepted) {
      const outcome = await definition.store(ctx, fileRows, options);
      done += fileRows.length;
      progress.stored(fileRows.length, storedMessage(done, total));
      stored.inserted += outcome.inserted;
      stored.replaced += outcome.replaced;
    }
  }
  return importOutcome(input, checked, stored);
}

/** What checking a call's files found: the accepted files' rows, in order, and every problem. */
export interface CheckedFiles<Row> {
  accepted: Row[][];
  filesLoaded: number;
  rows: number;
  errors: CsvImportOutput['errors'];
  warnings: string[];
}

/** Reads and checks every file (yielding between slices) and stores nothing. */
export async function checkCsvFiles<Row, Options extends CsvImportOptions>(
  ctx: ToolContext,
  files: ImportFiles['files'],
  definition: CsvImportDefinition<Row, Options>,
  progress: ImportProgress,
  options: Options,
): Promise<CheckedFiles<Row>> {
  const checked: CheckedFiles<Row> = { accepted: [], filesLoaded: 0, rows: 0, errors: [], warnings: [] };
  for (const file of files) {
    const before = checked.errors.length;
    const { rows: fileRows, header } = await readFile(ctx, file, definition, checked.errors, progress, options);
    if (checked.errors.length === before && definition.prepareFile) {
      for (const problem of await definition.prepareFile(ctx, fileRows, options, header)) checked.errors.push({ file: file.name, ...problem });
    }
    if (checked.errors.length === before && definition.conflictsWithStored) {
      for (const conflict of await definition.conflictsWithStored(ctx, fileRows)) checked.errors.push({ file: file.name, ...conflict });
    }
    if (checked.errors.length > before) continue;
    checked.filesLoaded++;
    checked.rows += fileRows.length;
    checked.accepted.push(fileRows.map((lined) => lined.row));
  }
  if (definition.warnAbout && checked.rows > 0) checked.warnings = await definition.warnAbout(ctx, checked.accepted.flat());
  return checked;
}

export function storedMessage(done: number, total: number): string {
  return `Stored ${done.toLocaleString('en')} of ${total.toLocaleString('en')} rows`;
}

/** The tool's answer for checked (and, unless a dry run, stored) files. */
export function importOutcome(input: { files: readonly unknown[]; dry_run: boolean }, checked: CheckedFiles<unknown>, stored: StoreOutcome): CsvImportOutput {
  const { errors, rows } = checked;
  return {
    files: input.files.length,
    files_loaded: checked.filesLoaded,
    files_rejected: input.files.length - checked.filesLoaded,
    rows,
    rows_stored: stored.inserted + stored.replaced,
    rows_unchanged: input.dry_run ? 0 : rows - stored.inserted - stored.replaced,
    rows_replaced: stored.replaced,
    errors: errors.slice(0, LISTED_ERRORS),
    errors_not_shown: Math.max(0, errors.length - LISTED_ERRORS),
    warnings: checked.warnings,
    dry_run: input.dry_run,
    status: 'done',
    import_id: null,
  };
}

/** Rows checked between two progress reports. */
const ROWS_PER_PROGRESS = 2_000;

async function readFile<Row, Options extends CsvImportOptions>(
  ctx: ToolContext,
  file: { name: string; content: string },
  definition: CsvImportDefinition<Row, Options>,
  errors: CsvImportOutput['errors'],
  progress: ImportProgress,
  options: Options,
): Promise<{ rows: LinedRow<Row>[]; header: string[] }> {
  const reject = (line: number, reason: string) => {
    errors.push({ file: file.name, line, reason });
  };
  let parsed;
  try {
    let read = 0;
    parsed = await parseCsvYielding(file.content, (records) => {
      progress.read(records - read, `Read ${records.toLocaleString('en')} rows of ${file.name}`);
      read = records;
    });
    progress.fileRead(parsed.records.length);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      reject(error.line, error.message);
      return { rows: [], header: [] };
    }
    throw error;
  }
  const headerProblem = checkHeader(parsed.header, definition.columns);
  if (headerProblem) {
    reject(1, headerProblem);
    return { rows: [], header: parsed.header };
  }
  if (parsed.records.length === 0) {
    reject(1, 'the file has a header but no rows');
    return { rows: [], header: parsed.header };
  }
  const rows: LinedRow<Row>[] = [];
  const firstLineOfKey = new Map<string, number>();
  const pacer = new EventLoopPacer();
  for (const [index, record] of parsed.records.entries()) {
    if (index % ROWS_PER_PROGRESS === 0 && index > 0) {
      progress.checked(ROWS_PER_PROGRESS, `Checked ${index.toLocaleString('en')} of ${parsed.records.length.toLocaleString('en')} rows of ${file.name}`);
    }
    await pacer.yieldIfDue();
    if (record.cells.length !== parsed.header.length) {
      reject(record.line, `expected ${parsed.header.length} fields like the header, found ${record.cells.length}`);
      continue;
    }
    const cells = new Map(parsed.header.map((name, index) => [name, record.cells[index]!]));
    try {
      const row = definition.read(new CsvRow(record.line, cells, ctx.org.timeZone), ctx, options);
      if (definition.naturalKey) {
        const key = definition.naturalKey.of(row);
        const first = key === null ? undefined : firstLineOfKey.get(key);
        if (first !== undefined) throw new RowError(`repeats line ${first} (${definition.naturalKey.describe(row)}); each one may appear once per file`);
        if (key !== null) firstLineOfKey.set(key, record.line);
      }
      rows.push({ row, line: record.line });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      reject(record.line, error.message);
    }
  }
  progress.checked(parsed.records.length % ROWS_PER_PROGRESS || (parsed.records.length ? ROWS_PER_PROGRESS : 0), `Checked ${parsed.records.length.toLocaleString('en')} rows of ${file.name}`);
  return { rows, header: parsed.header };
}

function checkHeader(header: string[], columns: CsvColumns): string | null {
  const known = new Set([...columns.required, ...(columns.oneOf ?? []).flat(), ...(columns.optional ?? [])]);
  const expected = `expected columns: ${[...columns.required, ...(columns.oneOf ?? []).map((names) => names.join(' or ')), ...(columns.optional ?? [])].join(', ')}`;
  const missing = [...columns.required.filter((name) => !header.includes(name)), ...(columns.oneOf ?? []).filter((names) => !names.some((name) => header.includes(name))).map((names) => names.join(' or '))];
  if (missing.length) return `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (${expected})`;
  const unknown = columns.others ? [] : header.filter((name) => !known.has(name));
  if (unknown.length) return `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `"${name}"`).join(', ')} (${expected})`;
  const repeated = header.filter((name, index) => header.indexOf(name) !== index);
  if (repeated.length) return `column ${repeated[0]} appears twice`;
  return null;
}
