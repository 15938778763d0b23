import { z } from 'zod';
import { defineTool } from '../registry/define-tool.ts';
import { notFound } from '../registry/errors.ts';
import { csvImportOutput } from './csv-import.ts';

const STATUSES = ['queued', 'checking', 'storing', 'done', 'failed'] as const;
type Status = (typeof STATUSES)[number];

/** Follows a big import that an import tool queued: its progress while it runs, then its outcome. */
export const getImport = defineTool({
  name: 'get_import',
  title: 'Queued import: progress and outcome',
  description:
    'Where a queued (big) CSV import stands: queued, checking, storing, done or failed, rows processed out of the total (each row counts when read, ' +
    'checked and stored), and once done the import tool\'s own result (counts and problems by file and line).',
  area: 'attribution',
  access: 'read',
  permission: 'attribution:read',
  input: z.object({ import_id: z.string().min(1).max(100).describe('The import_id an import tool returned.') }),
  output: z.object({
    import_id: z.string(),
    tool: z.string().describe('The import tool that queued it.'),
    status: z.enum(STATUSES).describe('failed: a fault stopped it (see error); run_import resumes it.'),
    dry_run: z.boolean(),
    progress: z.int().min(0),
    total: z.int().min(0).nullable().describe('Known once the files are read.'),
    message: z.string().nullable(),
    rows_stored_so_far: z.int().min(0).describe('Rows of the accepted files applied so far (stored or found unchanged).'),
    created_at: z.string(),
    finished_at: z.string().nullable(),
    error: z.string().nullable(),
    result: csvImportOutput.nullable().describe('The outcome, once done.'),
  }),
  example: { import_id: '0194c1f0-0000-7000-8000-000000000000' },
  async handler(ctx, input) {
    const record = await ctx.db.dataImport.findUnique({ where: { id: input.import_id }, omit: { files: true } });
    if (!record) throw notFound('import', input.import_id);
    return {
      import_id: record.id,
      tool: record.tool,
      status: record.status.toLowerCase() as Status,
      dry_run: record.dryRun,
      progress: record.progress,
      total: record.progressTotal,
      message: record.message,
      rows_stored_so_far: record.rowsApplied,
      created_at: record.createdAt.toISOString(),
      finished_at: record.finishedAt?.toISOString() ?? null,
      error: record.error,
      result: record.result === null ? null : csvImportOutput.parse(record.result),
    };
  },
});
