import type PDFDocument from 'pdfkit';
import { PDF_COLORS, PDF_FONTS } from './pdf-style.ts';

type Doc = InstanceType<typeof PDFDocument>;

export interface TableSpec {
  headings: string[];
  /** Right-aligned (figures) or left-aligned (text) per column. */
  numeric: boolean[];
  body: string[][];
  /** The totals line, drawn in bold under a rule; null for none. */
  totals: string[] | null;
}

interface Layout {
  widths: number[];
  fontSize: number;
}

const PAD_X = 5;
const PAD_Y = 4;
const FONT_SIZES = [9, 8, 7, 6.5];
/** A text column may grow this wide before it wraps. */
const WIDEST_TEXT = 240;
/** Text cells wrap to at most this many lines, then end with an ellipsis. */
const MOST_LINES = 3;
const HEADING_STYLE = { font: PDF_FONTS.bold.name, fill: PDF_COLORS.headerFill, maxLines: 3 };

/**
 * Draws the table from the current y across the page's width, starting a new page (and repeating
 * the heading row) whenever the next row would cross the bottom margin. Figures never wrap; text
 * wraps between words; the font shrinks (down to 6.5 pt) before anything is cut. A table too wide
 * even then is drawn in parts, each with the text columns and as many figure columns as fit.
 */
export function drawTable(doc: Doc, table: TableSpec): void {
  const available = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const parts = fitLayout(doc, table, available) ? [table] : splitColumns(doc, table, available);
  parts.forEach((part, index) => {
    if (parts.length > 1) {
      const figures = part.headings.filter((_, column) => part.numeric[column]);
      doc.font(PDF_FONTS.bold.name).fontSize(9).fillColor(PDF_COLORS.ink);
      if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      doc.text(`Part ${index + 1} of ${parts.length}: ${figures[0]} to ${figures.at(-1)}`, doc.page.margins.left, doc.y, { width: available });
      doc.y += 4;
    }
    drawPart(doc, part, fitLayout(doc, part, available) ?? squeezed(doc, part, available));
  });
}

/** The text columns, each time, with runs of figure columns that fit beside them at 8 pt (smaller would be many parts at hard-to-read sizes). */
function splitColumns(doc: Doc, table: TableSpec, available: number): TableSpec[] {
  const fontSize = 8;
  const natural = naturalWidths(doc, table, fontSize);
  const labels = table.numeric.flatMap((numeric, index) => (numeric ? [] : [index]));
  const labelsWidth = labels.reduce((sum, index) => sum + Math.min(natural[index]!, WIDEST_TEXT / 2), 0);
  const room = Math.max(available - labelsWidth, available / 3);
  const groups: number[][] = [];
  let current: number[] = [];
  let used = 0;
  table.numeric.forEach((numeric, index) => {
    if (!numeric) return;
    if (current.length && used + natural[index]! > room) {
      groups.push(current);
      [current, used] = [[], 0];
    }
    current.push(index);
    used += natural[index]!;
  });
  if (current.length) groups.push(current);
  const pick = <T>(values: T[], columns: number[]) => columns.map((index) => values[index]!);
  return groups.map((group) => {
    const columns = [...labels, ...group];
    return { headings: pick(table.headings, columns), numeric: pick(table.numeric, columns), body: table.body.map((row) => pick(row, columns)), totals: table.totals ? pick(table.totals, columns) : null };
  });
}

function drawPart(doc: Doc, table: TableSpec, layout: Layout): void {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const headingHeight = rowHeight(doc, table.headings, layout, HEADING_STYLE.font, HEADING_STYLE.maxLines);
  // A heading alone at the foot of a page helps nobody.
  if (doc.y + headingHeight + rowHeight(doc, table.body[0] ?? table.headings, layout, PDF_FONTS.regular.name) > bottom()) doc.addPage();
  let y = drawRow(doc, table.headings, table, layout, doc.y, HEADING_STYLE);
  const totalsHeight = table.totals ? rowHeight(doc, table.totals, layout, PDF_FONTS.bold.name) : 0;
  table.body.forEach((cells, index) => {
    const height = rowHeight(doc, cells, layout, PDF_FONTS.regular.name);
    // The totals line never starts a page alone: the last row goes over with it.
    const last = index === table.body.length - 1;
    if (y + height + (last ? totalsHeight : 0) > bottom() && (index > 0 || y + height > bottom())) {
      doc.addPage();
      y = drawRow(doc, table.headings, table, layout, doc.page.margins.top, HEADING_STYLE);
    }
    y = drawRow(doc, cells, table, layout, y, { font: PDF_FONTS.regular.name, fill: index % 2 === 1 ? PDF_COLORS.stripeFill : null });
  });
  if (table.totals) {
    if (y + rowHeight(doc, table.totals, layout, PDF_FONTS.bold.name) > bottom()) {
      doc.addPage();
      y = drawRow(doc, table.headings, table, layout, doc.page.margins.top, HEADING_STYLE);
    }
    const width = layout.widths.reduce((sum, each) => sum + each, 0);
    doc.save().moveTo(left, y).lineTo(left + width, y).lineWidth(1).strokeColor(PDF_COLORS.ink).stroke().restore();
    y = drawRow(doc, table.totals, table, layout, y, { font: PDF_FONTS.bold.name, fill: PDF_COLORS.headerFill });
  }
  doc.x = left;
  doc.y = y + 14;
}

function drawRow(doc: Doc, cells: string[], table: TableSpec, layout: Layout, top: number, style: { font: string; fill: string | null; maxLines?: number }): number {
  const height = rowHeight(doc, cells, layout, style.font, style.maxLines);
  const left = doc.page.margins.left;
  const width = layout.widths.reduce((sum, each) => sum + each, 0);
  if (style.fill) doc.save().rect(left, top, width, height).fill(style.fill).restore();
  doc.save().moveTo(left, top + height).lineTo(left + width, top + height).lineWidth(0.5).strokeColor(PDF_COLORS.rule).stroke().restore();
  doc.font(style.font).fontSize(layout.fontSize).fillColor(PDF_COLORS.ink);
  let x = left;
  cells.forEach((text, index) => {
    const cellWidth = layout.widths[index]! - 2 * PAD_X;
    const numeric = table.numeric[index]!;
    doc.text(text, x + PAD_X, top + PAD_Y, { width: cellWidth, height: height - 2 * PAD_Y + 1, align: numeric ? 'right' : 'left', lineBreak: !numeric, ellipsis: true });
    x += layout.widths[index]!;
  });
  return top + height;
}

function rowHeight(doc: Doc, cells: string[], layout: Layout, font: string, maxLines = MOST_LINES): number {
  doc.font(font).fontSize(layout.fontSize);
  const lineHeight = doc.currentLineHeight(true);
  let lines = 1;
  cells.forEach((text, index) => {
    const height = doc.heightOfString(text, { width: layout.widths[index]! - 2 * PAD_X });
    lines = Math.max(lines, Math.min(maxLines, Math.round(height / lineHeight)));
  });
  return lines * lineHeight + 2 * PAD_Y;
}

/** Column widths at the largest font size at which every figure fits whole and text wraps at most a little; null when none does. */
function fitLayout(doc: Doc, table: TableSpec, available: number): Layout | null {
  for (const fontSize of FONT_SIZES) {
    const natural = naturalWidths(doc, table, fontSize);
    const widths = natural.map((width, index) => (table.numeric[index] ? width : Math.min(width, WIDEST_TEXT)));
    let total = widths.reduce((sum, each) => sum + each, 0);
    const textColumns = widths.map((_, index) => index).filter((index) => !table.numeric[index]);
    // Shrink the text columns toward their longest word before giving up a font size.
    if (total > available) {
      const floors = textColumns.map((index) => Math.max(longestWord(doc, table, index, fontSize), 60));
      const slack = textColumns.reduce((sum, index, at) => sum + Math.max(0, widths[index]! - floors[at]!), 0);
      const excess = total - available;
      if (slack >= excess) {
        textColumns.forEach((index, at) => (widths[index] = widths[index]! - (Math.max(0, widths[index]! - floors[at]!) * excess) / slack));
        return { widths, fontSize };
      }
      continue;
    }
    // Spare room goes first to text columns up to their natural width (less wrapping), then to
    // headings that wrap, then evenly: the table spans the page like the rule above it.
    for (const index of textColumns) {
      const grow = Math.max(0, Math.min(natural[index]! - widths[index]!, available - total));
      widths[index] = widths[index]! + grow;
      total += grow;
    }
    doc.font(PDF_FONTS.bold.name).fontSize(fontSize);
    table.headings.forEach((heading, index) => {
      const grow = Math.max(0, Math.min(doc.widthOfString(heading) + 2 * PAD_X + 1 - widths[index]!, available - total));
      widths[index] = widths[index]! + grow;
      total += grow;
    });
    return { widths: widths.map((width) => width + (available - total) / widths.length), fontSize };
  }
  return null;
}

/** Last resort (text columns alone too wide for the page): every column narrowed in proportion. */
function squeezed(doc: Doc, table: TableSpec, available: number): Layout {
  const fontSize = FONT_SIZES.at(-1)!;
  const natural = naturalWidths(doc, table, fontSize);
  const total = natural.reduce((sum, each) => sum + each, 0);
  return { widths: natural.map((width) => (width * available) / total), fontSize };
}

function naturalWidths(doc: Doc, table: TableSpec, fontSize: number): number[] {
  return table.headings.map((heading, index) => {
    doc.font(PDF_FONTS.bold.name).fontSize(fontSize);
    // Headings may take two lines: half the heading, at a word break, is enough room.
    let widest = Math.max(doc.widthOfString(heading) / 2, longestWord(doc, table, index, fontSize, true));
    doc.font(PDF_FONTS.bold.name).fontSize(fontSize);
    if (table.totals) widest = Math.max(widest, doc.widthOfString(table.totals[index] ?? ''));
    doc.font(PDF_FONTS.regular.name).fontSize(fontSize);
    for (const row of table.body) widest = Math.max(widest, doc.widthOfString(row[index] ?? ''));
    return Math.ceil(widest) + 2 * PAD_X + 1;
  });
}

function longestWord(doc: Doc, table: TableSpec, index: number, fontSize: number, headingOnly = false): number {
  doc.font(PDF_FONTS.bold.name).fontSize(fontSize);
  let widest = Math.max(0, ...table.headings[index]!.split(/\s+/).map((word) => doc.widthOfString(word)));
  if (headingOnly) return widest;
  doc.font(PDF_FONTS.regular.name).fontSize(fontSize);
  for (const row of table.body) for (const word of (row[index] ?? '').split(/\s+/)) widest = Math.max(widest, doc.widthOfString(word));
  return widest + 2 * PAD_X + 1;
}
