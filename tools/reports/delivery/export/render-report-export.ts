import type { ReportResult } from '../../report-result.ts';
import { renderCsv } from './csv-export.ts';
import type { ExportChart } from './report-chart.ts';

export const EXPORT_FORMATS = ['csv', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ReportExportOptions {
  format: ExportFormat;
  title: string;
  subtitle?: string;
  /** How the PDF draws it (a saved report's chart); default: a line over periods, else bars by the first dimension. */
  chart?: ExportChart;
}

export interface ReportExport {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

const CONTENT_TYPES: Record<ExportFormat, string> = { csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' };

/** A run report as a file: CSV for spreadsheets, PDF for reading and printing. */
export async function renderReportExport(result: ReportResult, options: ReportExportOptions): Promise<ReportExport> {
  // PDFKit, ECharts and resvg load on the first PDF, not with the tool catalogue (every CLI start).
  const bytes = options.format === 'csv' ? Buffer.from(renderCsv(result), 'utf8') : await (await import('./pdf-export.ts')).renderPdf(result, options);
  return { filename: exportFilename(options.title, result.date_range, options.format), contentType: CONTENT_TYPES[options.format], bytes };
}

/** "Spend by channel" over November -> spend-by-channel_2026-11-01_2026-11-30.csv (ASCII, safe in any header). */
export function exportFilename(title: string, range: { from: string; to: string }, format: ExportFormat): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'report';
  const dates = [range.from, range.to].filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day));
  return `${[slug, ...new Set(dates)].join('_')}.${format}`;
}
