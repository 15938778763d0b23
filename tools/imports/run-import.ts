import { z } from 'zod';
import type { ToolContext } from '../registry/context.ts';
import { defineTool } from '../registry/define-tool.ts';
import { conflict, notFound, ToolError } from '../registry/errors.ts';
import { csvImportDefinition } from './csv-import-definitions.ts';
import { checkCsvFiles, csvImportOutput, importOutcome, storedMessage, type CheckedFiles, type CsvImportDefinition, type CsvImportOptions, type CsvImportOutput } from './csv-import.ts';
import { unpackArchive } from './file-archive.ts';
import { ImportProgress } from './import-progress.ts';
import { ImportRecordProgress } from './import-record.ts';

/**
 * Rows stored per transaction: the embedded database runs on this thread, and 2,000 rows held it
 * for about 250 ms on a busy two-core machine; 500 keep each stretch well under 100 ms.
 */
const STORE_BATCH = 500;
const ERROR_LIMIT = 2_000;

/**
 * Runs a queued (big) CSV import: the imports.run job calls it, and a person may call it to resume
 * one. It opens no long transaction: every file is read and checked first, in slices that yield,
 * so a file with any bad row is still rejected whole; then the accepted rows are stored in short
 * batches. Each batch commits together with the count of rows applied, so a run that stops half
 * way is resumed after its last committed batch, and since rows are stored by key a repeated batch
 * changes nothing. While it stores, readers may see the rows stored so far.
 */
export const runImport = defineTool({
  name: 'run_import',
  title: 'Run a queued import',
  description:
    'Checks and stores a big CSV import that an import tool queued (status "queued"): every row is checked before any is stored, then rows are ' +
    'stored in batches. Running it again resumes an interrupted import; once done it returns the outcome and changes nothing. Normally its job runs it; follow it with get_import.',
  area: 'attribution',
  access: 'write',
  permission: 'attribution:write',
  ownTransactions: true,
  hints: { idempotent: true, destructive: true },
  input: z.object({ import_id: z.string().min(1).max(100).describe('The import_id an import tool returned.') }),
  output: csvImportOutput,
  example: { import_id: '0194c1f0-0000-7000-8000-000000000000' },
  handler: (ctx, input) => runQueuedImport(ctx, input.import_id),
});

async function runQueuedImport(ctx: ToolContext, importId: string): Promise<CsvImportOutput> {
  const record = await ctx.db.dataImport.findUnique({ where: { id: importId } });
  if (!record) throw notFound('import', importId);
  if (record.status === 'DONE') return csvImportOutput.parse(record.result);
  const definition = csvImportDefinition(record.tool);
  if (!definition) throw new Error(`Import ${importId} names ${record.tool}, which is not a CSV import tool`);
  if (record.files === null) throw new Error(`Import ${importId} has no files left to import`);
  const { files, options } = await unpackArchive(record.files);
  await ctx.db.dataImport.updateMany({ where: { id: importId }, data: { status: 'CHECKING', error: null, message: 'Checking the files' } });
  const recorded = new ImportRecordProgress(ctx.db, importId, ctx.log, ctx.progress);
  const reporting: ToolContext = { ...ctx, progress: recorded.report };
  const progress = new ImportProgress(reporting, record.dryRun);
  try {
    const checked = await checkCsvFiles(reporting, files, definition, progress, options);
    if (!record.dryRun) await storeInBatches(reporting, importId, record.rowsApplied, checked, definition, progress, options);
    await recorded.flush();
    const totals = await ctx.db.dataImport.findUniqueOrThrow({ where: { id: importId }, select: { rowsInserted: true, rowsReplaced: true } });
    const output: CsvImportOutput = { ...importOutcome({ files, dry_run: record.dryRun }, checked, { inserted: totals.rowsInserted, replaced: totals.rowsReplaced }), import_id: importId };
    await ctx.db.dataImport.updateMany({
      where: { id: importId },
      data: { status: 'DONE', result: output, files: null, finishedAt: ctx.now(), message: doneMessage(output) },
    });
    return output;
  } catch (error) {
    await recorded.flush();
    // Another run storing the same import is not a failure of the import.
    if (!(error instanceof ToolError && error.code === 'conflict')) {
      await ctx.db.dataImport.updateMany({ where: { id: importId }, data: { status: 'FAILED', error: describe(error) } });
    }
    throw error;
  }
}

async function storeInBatches<Row>(
  ctx: ToolContext,
  importId: string,
  alreadyApplied: number,
  checked: CheckedFiles<Row>,
  definition: CsvImportDefinition<Row>,
  progress: ImportProgress,
  options: CsvImportOptions,
): Promise<void> {
  // Accepted files apply in order, so a later file in the call corrects an earlier one.
  const rows = checked.accepted.flat();
  if (alreadyApplied > 0) progress.stored(Math.min(alreadyApplied, rows.length), storedMessage(alreadyApplied, rows.length));
  for (let start = alreadyApplied; start < rows.length; start += STORE_BATCH) {
    const batch = rows.slice(start, start + STORE_BATCH);
    const end = start + batch.length;
    await ctx.inTransaction(async (db) => {
      const outcome = await definition.store({ ...ctx, db }, batch, options);
      const claimed = await db.dataImport.updateMany({
        where: { id: importId, rowsApplied: start },
        data: { status: 'STORING', rowsApplied: end, rowsInserted: { increment: outcome.inserted }, rowsReplaced: { increment: outcome.replaced } },
      });
      if (claimed.count !== 1) throw conflict(`Import ${importId} is being stored by another run; follow it with get_import.`);
    });
    progress.stored(batch.length, storedMessage(end, rows.length));
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function doneMessage(output: CsvImportOutput): string {
  if (output.files_rejected === output.files) return `Rejected: ${output.files_rejected === 1 ? 'the file has' : 'every file has'} bad rows; nothing was stored`;
  const verb = output.dry_run ? 'Checked' : 'Stored';
  return `${verb} ${output.rows.toLocaleString('en')} rows from ${output.files_loaded} file${output.files_loaded === 1 ? '' : 's'}` +
    (output.files_rejected ? `; ${output.files_rejected} rejected` : '');
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > ERROR_LIMIT ? `${text.slice(0, ERROR_LIMIT - 1)}…` : text;
}
