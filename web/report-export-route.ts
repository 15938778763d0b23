import { Router, type Response } from 'express';
import { ERROR_SURFACE_MAP } from '../tools/registry/errors.ts';
import type { ToolResult, ToolRunner } from '../tools/registry/runner.ts';
import type { AuthenticatedLocals } from './auth.ts';

interface ExportOutput {
  filename: string;
  content_type: string;
  content?: string;
  content_base64?: string;
}

/** Query parameters passed on to export_report (a repeated one is ignored rather than guessed at). */
const QUERY_FIELDS = ['report_id', 'format', 'title'] as const;

/**
 * GET /api/reports/export?report_id=..&format=csv|pdf (a saved report) and POST with
 * `{report, format, title?}` (an inline run_report request): runs export_report through the
 * registry, as the token's user, and answers the file as a download. Mounted behind requireToken.
 */
export function reportExportRoute(runner: ToolRunner) {
  const router = Router();
  const principalOf = (response: Response) => (response.locals as AuthenticatedLocals).principal;

  router.get('/', async (request, response) => {
    const input = Object.fromEntries(QUERY_FIELDS.flatMap((field) => (typeof request.query[field] === 'string' ? [[field, request.query[field]]] : [])));
    sendFile(response, await runner.call('export_report', input, principalOf(response)));
  });

  router.post('/', async (request, response) => {
    sendFile(response, await runner.call('export_report', request.body ?? {}, principalOf(response)));
  });

  return router;
}

function sendFile(response: Response, result: ToolResult): void {
  if (!result.ok) {
    response.status(ERROR_SURFACE_MAP[result.error.code].httpStatus).json({ error: result.error });
    return;
  }
  const file = result.output as ExportOutput;
  const bytes = file.content_base64 !== undefined ? Buffer.from(file.content_base64, 'base64') : Buffer.from(file.content ?? '', 'utf8');
  response
    .status(200)
    .set({
      'Content-Type': file.content_type,
      // The file name is ASCII by construction; quotes and backslashes are dropped all the same.
      'Content-Disposition': `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '')}"`,
      'Content-Length': String(bytes.length),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    .end(bytes);
}
