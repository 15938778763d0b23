import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { reportRequest, type ReportRequest } from '../report-request.ts';
import { chartSpec, loadVisibleReport, storedDefinition } from '../saved/report-fields.ts';
import { runReport } from '../engine/run-report.ts';
import { EXPORT_FORMATS, renderReportExport, type ReportExportOptions } from './export/render-report-export.ts';

/** A saved report (as the caller may see it) or an inline request, ready to render. */
async function exportSource(ctx: ToolContext, input: { report_id?: string; report?: ReportRequest; title?: string }) {
  if (input.report_id) {
    const row = await loadVisibleReport(ctx, input.report_id);
    const chart = chartSpec.safeParse(row.chart);
    return { request: storedDefinition(row), title: input.title ?? row.name, subtitle: row.description ?? undefined, chart: chart.success ? chart.data : undefined };
  }
  const request = input.report!;
  const split = request.dimensions.length ? ` by ${request.dimensions.join(', ')}` : '';
  return { request, title: input.title ?? `Report: ${request.metrics.join(', ')}${split}`, subtitle: undefined, chart: undefined };
}

/** A report as a CSV or PDF file: a saved report by id, or an inline run_report request. */
export const exportReport = defineTool({
  name: 'export_report',
  title: 'Export a report as CSV or PDF',
  description:
    'Runs a saved report (report_id) or an inline run_report request (report) and returns it as a file: CSV (UTF-8 text with a byte order mark, totals last) or PDF (A4 landscape with chart, table and notes, base64). For downloads and attachments; to read figures use run_report.',
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({
    report_id: z.string().uuid().optional().describe('A saved report (list_reports); give this or report.'),
    report: reportRequest.optional().describe('An inline run_report request; give this or report_id.'),
    format: z.enum(EXPORT_FORMATS).describe('csv (spreadsheets) or pdf (reading and printing).'),
    title: z.string().trim().min(1).max(200).optional().describe("The file's title (default: the saved report's name, else its metrics)."),
  }),
  output: z.object({
    filename: z.string().describe('A safe file name, e.g. spend-by-channel_2026-11-01_2026-11-30.csv.'),
    content_type: z.string(),
    bytes: z.int().describe('File size in bytes.'),
    rows: z.int().describe('Table rows in the file (totals line not counted).'),
    total_rows: z.int().describe('Rows the report has before its limit (the totals cover all of them).'),
    content: z.string().optional().describe('CSV: the file as text (it starts with a byte order mark).'),
    content_base64: z.string().optional().describe('PDF: the file, base64.'),
  }),
  keywords: ['download report', 'csv export', 'pdf report', 'excel', 'spreadsheet', 'print report'],
  example: { report_id: '00000000-0000-7000-8000-000000000000', format: 'csv' },
  async handler(ctx, input) {
    if (!input.report_id === !input.report) throw invalidInput(input.report_id ? 'report' : 'report_id', 'give either report_id (a saved report) or report (a run_report request), one of the two');
    const source = await exportSource(ctx, input);
    const result = await runReport(ctx, source.request);
    const options: ReportExportOptions = { format: input.format, title: source.title, subtitle: source.subtitle, chart: source.chart };
    const file = await renderReportExport(result, options);
    return {
      filename: file.filename,
      content_type: file.contentType,
      bytes: file.bytes.length,
      rows: result.rows.length,
      total_rows: result.total_rows,
      ...(input.format === 'csv' ? { content: file.bytes.toString('utf8') } : { content_base64: file.bytes.toString('base64') }),
    };
  },
});
