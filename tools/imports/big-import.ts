import type { ToolContext } from '../registry/context.ts';
import type { CsvImportInput, CsvImportOptions, CsvImportOutput } from './csv-import.ts';
import { packFiles } from './file-archive.ts';

/** Above this many data rows (in all the call's files) an import is queued as a job. */
export const BIG_IMPORT_ROWS = 20_000;
/** Or above this many characters of file text (about 2 MB). */
export const BIG_IMPORT_CHARS = 2_000_000;

export const RUN_IMPORT_JOB = 'imports.run';

/**
 * Whether a call's files are too big to check and store inside one request. A write tool runs in
 * one transaction, and the embedded database has a single session, so a 200,000-row import held
 * every other request for half a minute; big ones run as the imports.run job instead.
 */
export function isBigImport(files: ReadonlyArray<{ content: string }>): boolean {
  let characters = 0;
  let lines = 0;
  for (const file of files) {
    characters += file.content.length;
    if (characters > BIG_IMPORT_CHARS) return true;
    lines += countLines(file.content);
    if (lines - files.length > BIG_IMPORT_ROWS) return true;
  }
  return false;
}

function countLines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) count++;
  return text.endsWith('\n') ? count : count + 1;
}

/**
 * Keeps the files (and the kind's own options) in a DataImport record and queues the job that checks and stores them; the
 * record commits with this call, and the job is released only after that commit.
 */
export async function queueBigImport(ctx: ToolContext, tool: string, input: CsvImportInput, options: CsvImportOptions = {}): Promise<CsvImportOutput> {
  const record = await ctx.db.dataImport.create({
    data: { organizationId: ctx.orgId, tool, status: 'QUEUED', dryRun: input.dry_run, requestedById: ctx.actor.userId, files: await packFiles(input.files, options), message: 'Waiting for the import job to start' },
    select: { id: true },
  });
  ctx.jobs.enqueue({ name: RUN_IMPORT_JOB, payload: { organizationId: ctx.orgId, importId: record.id } });
  return {
    files: input.files.length,
    files_loaded: 0,
    files_rejected: 0,
    rows: 0,
    rows_stored: 0,
    rows_unchanged: 0,
    rows_replaced: 0,
    errors: [],
    errors_not_shown: 0,
    warnings: [],
    dry_run: input.dry_run,
    status: 'queued',
    import_id: record.id,
  };
}
