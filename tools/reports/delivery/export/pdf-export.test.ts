import { describe, expect, it } from 'vitest';
import { renderReportExport } from './render-report-export.ts';
import { inspectPdf } from './testing/pdf-inspect.ts';
import { channelResult, dailyResult } from './testing/sample-results.ts';

describe('PDF export', () => {
  it('is a one-page A4 PDF with the title, what the figures cover, the chart as an image, the table, totals and notes', async () => {
    const file = await renderReportExport(channelResult(), { format: 'pdf', title: 'Spend by channel', subtitle: 'Northside Records · Café tour' });
    expect(file.contentType).toBe('application/pdf');
    expect(file.filename).toBe('spend-by-channel_2026-11-01_2026-11-30.pdf');
    const pdf = inspectPdf(file.bytes);
    expect(pdf.header).toBe('%PDF-1.3');
    expect(file.bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\n?$/);
    expect(pdf.pageCount).toBe(1);
    expect(pdf.imageCount).toBeGreaterThan(0);
    expect(pdf.embeddedFontCount).toBe(2);
    expect(file.bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const lines = pdf.pages[0]!.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Spend by channel', 'Northside Records · Café tour', '1 Nov 2026 – 30 Nov 2026   ·   Time zone Europe/Berlin   ·   Amounts in EUR']);
    expect(lines).toEqual(expect.arrayContaining(['Spend (EUR)', 'CTR (%)', 'Café "Radio"', '1,234.50', '3.42%', '(none)', 'Total', '1,339.80', '3.43%', 'Notes']));
    expect(lines).toContain('Spend converted to EUR at the latest rate on or before each day.');
    expect(lines.at(-1)).toBe('Page 1 of 1');
  });

  it('runs 200 rows over several pages, repeating the heading row on each and ending with the totals and notes', async () => {
    const file = await renderReportExport(dailyResult(40), { format: 'pdf', title: 'Spend and streams per day' });
    const pdf = inspectPdf(file.bytes);
    expect(pdf.pageCount).toBeGreaterThan(3);
    pdf.pages.forEach((page, index) => {
      expect(page.split('\n'), `page ${index + 1}`).toEqual(expect.arrayContaining(['Day', 'Channel', 'Spend (USD)', 'Cost per stream (USD)', `Page ${index + 1} of ${pdf.pageCount}`]));
    });
    const body = pdf.pages.join('\n').split('\n');
    expect(body.filter((line) => line === 'Meta Ads')).toHaveLength(40);
    const last = pdf.pages.at(-1)!.split('\n');
    expect(last).toEqual(expect.arrayContaining(['Total', '23,090.00', '773,300', '0.0299', 'Notes']));
    // The totals line never stands alone: the last day's rows come with it.
    expect(last).toContain('9 Nov 2026');
  });

  it('gives the same bytes for the same result (fixed creation date, no random ids)', async () => {
    const first = await renderReportExport(channelResult(), { format: 'pdf', title: 'Spend by channel' });
    const second = await renderReportExport(channelResult(), { format: 'pdf', title: 'Spend by channel' });
    expect(second.bytes.equals(first.bytes)).toBe(true);
  });

  it('shows a KPI view as tiles of the totals, and an empty report says so', async () => {
    const kpis = { ...channelResult(), columns: channelResult().columns.slice(1), rows: [{ spend: 1339.8, clicks: 4231, ctr: 0.0342857 }], total_rows: 1 };
    const tiles = inspectPdf((await renderReportExport(kpis, { format: 'pdf', title: 'November at a glance', chart: { type: 'kpi' } })).bytes);
    expect(tiles.imageCount).toBe(0);
    expect(tiles.pages[0]!.split('\n')).toEqual(expect.arrayContaining(['Spend (EUR)', '1,339.80', 'CTR (%)', '3.43%']));
    const empty = inspectPdf((await renderReportExport({ ...channelResult(), rows: [], total_rows: 0 }, { format: 'pdf', title: 'Nothing yet', chart: { type: 'bar' } })).bytes);
    expect(empty.pageCount).toBe(1);
    expect(empty.pages[0]).toContain('No rows for this date range and these filters.');
  });
});

describe('PDF export of a table wider than the page', () => {
  it('draws it in parts, each repeating the text columns with the figures that fit', async () => {
    const result = channelResult();
    for (let index = 0; index < 24; index += 1) result.columns.push({ key: `m${index}`, label: `Metric ${index}`, role: 'metric', type: 'currency', unit: 'EUR' });
    result.rows = result.rows.map((row) => ({ ...row, ...Object.fromEntries(Array.from({ length: 24 }, (_, index) => [`m${index}`, 1_234_567.89 * index])) }));
    const text = inspectPdf((await renderReportExport(result, { format: 'pdf', title: 'Wide', chart: { type: 'table' } })).bytes).pages.join('\n').split('\n');
    const parts = text.filter((line) => /^Part \d of \d: /.test(line));
    expect(parts.length).toBeGreaterThan(1);
    expect(text.filter((line) => line === 'Meta, Instagram')).toHaveLength(parts.length);
    expect(text).toEqual(expect.arrayContaining(['28,395,061.47', 'Metric 23 (EUR)']));
  });
});
