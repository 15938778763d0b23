import PDFDocument from 'pdfkit';
import { renderChartPng } from '../../../../bots/charts/render-chart.ts';
import type { ReportResult } from '../../report-result.ts';
import { columnHeading, columnKinds, displayCell, displayDateRange, displayNumber, isFigureColumn } from './cell-format.ts';
import { totalLabel } from './csv-export.ts';
import { drawTable } from './pdf-table.ts';
import { PDF_COLORS, PDF_FONTS, PDF_PAGE } from './pdf-style.ts';
import { chartFor, type ExportChart } from './report-chart.ts';

type Doc = InstanceType<typeof PDFDocument>;

export interface PdfOptions {
  title: string;
  subtitle?: string;
  chart?: ExportChart;
}

/**
 * The chart's height on the first page. Charts are drawn 800 px wide with 12 px labels, so their
 * labels print at about 6.5 pt at the least height, 8 pt at the usual one; beside a long table it
 * takes the usual height, and it may grow to the whole page when the table goes to the next one.
 */
const CHART_HEIGHT = { least: 225, leastBesideNotes: 200, usual: 290, most: 360 } as const;
/** One table row's height at 9 pt (a line of Inter and its padding), to tell whether a short table fits under the chart. */
const ROW_HEIGHT = 19;
const KPI_TILES = 8;

/**
 * The report on A4 landscape pages: title, what the figures cover (dates, time zone, currency),
 * its chart, the table (heading repeated on every page, figures right-aligned, totals last), then
 * its notes; every page numbered. Inter is embedded; the creation date is the range's last day,
 * so the same result gives the same bytes.
 */
export async function renderPdf(result: ReportResult, options: PdfOptions): Promise<Buffer> {
  const chart = chartFor(result, options.chart);
  // The PDF sets the chart's title itself, in the page's font and ink; ECharts' own would crowd a legend.
  const chartPng = chart ? await renderChartPng({ ...chart, title: '' }) : null;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: PDF_PAGE.margin, left: PDF_PAGE.margin, right: PDF_PAGE.margin, bottom: PDF_PAGE.bottomMargin },
    bufferPages: true,
    font: PDF_FONTS.regular.file,
    lang: 'en',
    displayTitle: true,
    info: { Title: options.title, Subject: options.subtitle ?? `Report for ${displayDateRange(result.date_range)}`, Author: 'Crescendo', Creator: 'Crescendo', Producer: 'Crescendo', CreationDate: creationDate(result) },
  });
  const bytes = collect(doc);
  doc.registerFont(PDF_FONTS.regular.name, PDF_FONTS.regular.file);
  doc.registerFont(PDF_FONTS.bold.name, PDF_FONTS.bold.file);

  drawHeading(doc, result, options);
  const kpis = !chartPng && (options.chart?.type === 'kpi' || (!options.chart && result.columns.every(isFigureColumn)));
  if (chart && chartPng) drawChart(doc, chart.title, chartPng, (result.rows.length + 2) * ROW_HEIGHT + 14, notesHeight(doc, notesOf(result)));
  else if (kpis) drawKpis(doc, result);
  // A one-line table of figures repeats what the tiles say.
  if (!(kpis && result.rows.length === 1 && result.columns.every(isFigureColumn))) drawRows(doc, result);
  drawNotes(doc, result);
  drawFooters(doc, options.title, result);
  doc.end();
  return bytes;
}

function drawHeading(doc: Doc, result: ReportResult, options: PdfOptions): void {
  const width = doc.page.width - PDF_PAGE.margin * 2;
  doc.font(PDF_FONTS.bold.name).fontSize(20).fillColor(PDF_COLORS.ink).text(options.title, { width });
  if (options.subtitle) doc.moveDown(0.15).font(PDF_FONTS.regular.name).fontSize(11).fillColor(PDF_COLORS.secondary).text(options.subtitle, { width });
  const facts = [
    displayDateRange(result.date_range),
    `Time zone ${result.time_zone}`,
    `Amounts in ${result.currency}`,
    ...(result.time_grain ? [`By ${result.time_grain.replace('_', ' ')}`] : []),
    ...(result.attribution_model ? [`Attribution: ${result.attribution_model.replace('_', ' ')}`] : []),
  ];
  doc.moveDown(0.3).font(PDF_FONTS.regular.name).fontSize(10).fillColor(PDF_COLORS.secondary).text(facts.join('   ·   '), { width });
  const y = doc.y + 8;
  doc.save().moveTo(PDF_PAGE.margin, y).lineTo(PDF_PAGE.margin + width, y).lineWidth(0.75).strokeColor(PDF_COLORS.rule).stroke().restore();
  doc.y = y + 12;
}

function drawChart(doc: Doc, title: string, png: Buffer, tableHeight: number, notesHeight: number): void {
  const width = doc.page.width - PDF_PAGE.margin * 2;
  doc.font(PDF_FONTS.bold.name).fontSize(12).fillColor(PDF_COLORS.ink).text(title, PDF_PAGE.margin, doc.y, { width });
  doc.y += 2;
  const room = doc.page.height - doc.page.margins.bottom - doc.y - 14;
  const pageRoom = doc.page.height - doc.page.margins.bottom - doc.page.margins.top;
  // A short table (and its notes, if they fit too) stays on this page under a smaller chart; one
  // that would only spill a few rows over starts on the next page instead, under a larger chart.
  const withNotes = room - tableHeight - notesHeight;
  const fits = withNotes >= CHART_HEIGHT.leastBesideNotes ? withNotes : room - tableHeight >= CHART_HEIGHT.least ? room - tableHeight : undefined;
  const tableMoves = fits === undefined && tableHeight <= pageRoom;
  const height = fits !== undefined ? Math.min(CHART_HEIGHT.most, fits) : tableMoves ? room : CHART_HEIGHT.usual;
  // A PNG's IHDR chunk holds its size at bytes 16-23.
  const [pixelsWide, pixelsHigh] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const scale = Math.min(width / pixelsWide, height / pixelsHigh);
  const [drawnWidth, drawnHeight] = [pixelsWide * scale, pixelsHigh * scale];
  doc.image(png, PDF_PAGE.margin + (width - drawnWidth) / 2, doc.y, { width: drawnWidth, height: drawnHeight });
  doc.y += drawnHeight + 14;
  doc.x = PDF_PAGE.margin;
  if (tableMoves) doc.addPage();
}

/** Headline figures for a KPI view: each metric's total in a tile, four to a line. */
function drawKpis(doc: Doc, result: ReportResult): void {
  const metrics = result.columns.filter((column) => column.role === 'metric').slice(0, KPI_TILES);
  if (!metrics.length) return;
  const kinds = columnKinds(result);
  const perLine = Math.min(4, metrics.length);
  const gap = 12;
  const width = (doc.page.width - PDF_PAGE.margin * 2 - gap * (perLine - 1)) / perLine;
  const height = 58;
  const top = doc.y;
  metrics.forEach((column, index) => {
    const x = PDF_PAGE.margin + (index % perLine) * (width + gap);
    const y = top + Math.floor(index / perLine) * (height + gap);
    const value = result.totals[column.key] ?? (result.rows.length === 1 && typeof result.rows[0]![column.key] === 'number' ? (result.rows[0]![column.key] as number) : null);
    doc.save().roundedRect(x, y, width, height, 4).lineWidth(0.75).strokeColor(PDF_COLORS.rule).stroke().restore();
    doc.font(PDF_FONTS.regular.name).fontSize(9).fillColor(PDF_COLORS.secondary).text(columnHeading(column, result.currency), x + 10, y + 9, { width: width - 20, lineBreak: false, ellipsis: true });
    doc.font(PDF_FONTS.bold.name).fontSize(18).fillColor(PDF_COLORS.ink).text(value === null ? '–' : displayNumber(value, kinds.get(column.key) ?? 'number'), x + 10, y + 25, { width: width - 20, lineBreak: false, ellipsis: true });
  });
  doc.x = PDF_PAGE.margin;
  doc.y = top + Math.ceil(metrics.length / perLine) * (height + gap) + 6;
}

function drawRows(doc: Doc, result: ReportResult): void {
  if (result.rows.length === 0) {
    doc.font(PDF_FONTS.regular.name).fontSize(11).fillColor(PDF_COLORS.ink).text('No rows for this date range and these filters.');
    doc.moveDown(1);
    return;
  }
  const labelColumn = result.columns.find((column) => !isFigureColumn(column));
  const kinds = columnKinds(result);
  const kindOf = (key: string) => kinds.get(key) ?? 'number';
  drawTable(doc, {
    headings: result.columns.map((column) => columnHeading(column, result.currency)),
    numeric: result.columns.map(isFigureColumn),
    body: result.rows.map((row) => result.columns.map((column) => displayCell(row[column.key], column, kindOf(column.key), result.time_grain))),
    totals: labelColumn
      ? result.columns.map((column) => {
          if (column === labelColumn) return totalLabel(result, (count) => displayNumber(count, 'integer'));
          const value = result.totals[column.key];
          return isFigureColumn(column) && value !== null && value !== undefined ? displayNumber(value, kindOf(column.key)) : '';
        })
      : null,
  });
}

function notesOf(result: ReportResult): string[] {
  const notes = [...result.notes];
  if (result.total_rows > result.rows.length) notes.unshift(`Showing the first ${displayNumber(result.rows.length, 'integer')} of ${displayNumber(result.total_rows, 'integer')} rows; totals cover all of them.`);
  return notes;
}

/** How tall the notes are: the heading and each note, wrapped to the page's width. */
function notesHeight(doc: Doc, notes: string[], upTo = notes.length): number {
  if (!notes.length) return 0;
  const width = doc.page.width - PDF_PAGE.margin * 2 - NOTE_INDENT;
  doc.font(PDF_FONTS.regular.name).fontSize(9);
  const lines = notes.slice(0, upTo).reduce((sum, note) => sum + doc.heightOfString(note, { width }) + 2, 0);
  return 24 + lines;
}

const NOTE_INDENT = 10;

function drawNotes(doc: Doc, result: ReportResult): void {
  const notes = notesOf(result);
  if (!notes.length) return;
  const width = doc.page.width - PDF_PAGE.margin * 2;
  // The heading keeps at least its first note with it.
  if (doc.y + notesHeight(doc, notes, 1) > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.x = PDF_PAGE.margin;
  doc.font(PDF_FONTS.bold.name).fontSize(11).fillColor(PDF_COLORS.ink).text('Notes', { width });
  doc.moveDown(0.3).font(PDF_FONTS.regular.name).fontSize(9).fillColor(PDF_COLORS.secondary);
  doc.list(notes, { width, bulletRadius: 1.5, textIndent: NOTE_INDENT, paragraphGap: 2 });
}

/** "Title · dates" on the left and "Page n of m" on the right of every page, inside the bottom margin. */
function drawFooters(doc: Doc, title: string, result: ReportResult): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // text below the bottom margin would otherwise open a new page
    const y = doc.page.height - PDF_PAGE.footerOffset;
    const width = doc.page.width - PDF_PAGE.margin * 2;
    doc.font(PDF_FONTS.regular.name).fontSize(8).fillColor(PDF_COLORS.secondary);
    doc.text(`${title}  ·  ${displayDateRange(result.date_range)}`, PDF_PAGE.margin, y, { width: width * 0.75, lineBreak: false, ellipsis: true });
    doc.text(`Page ${index + 1} of ${count}`, PDF_PAGE.margin, y, { width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}

/** The range's last day (UTC midnight): fixed for a given result, so two exports compare equal. */
function creationDate(result: ReportResult): Date {
  const date = new Date(`${result.date_range.to}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
