import { describe, expect, it } from 'vitest';
import { renderCsv } from './csv-export.ts';
import { exportFilename, renderReportExport } from './render-report-export.ts';
import { channelResult } from './testing/sample-results.ts';

describe('CSV export', () => {
  it('writes RFC 4180 text with a BOM, unit headings, cents, 4-place ratios, a totals line and defused formulas', () => {
    expect(renderCsv(channelResult())).toBe(
      '\uFEFFChannel,Spend (EUR),Clicks,CTR\r\n' +
        '"Meta, Instagram",1234.50,4210,0.0342\r\n' +
        '"Café ""Radio""",100.00,17,\r\n' +
        '"\'=HYPERLINK(""http://evil.example"")",0.30,3,0.5\r\n' +
        "'-2+3,-5.00,0,0\r\n" +
        ',10.00,1,0.1\r\n' +
        'Total,1339.80,4231,0.0343\r\n',
    );
  });

  it('defuses every formula start (= + - @ tab) and quotes line breaks', () => {
    const result = channelResult();
    result.rows = ['+1', '@SUM(A1)', '\tx', 'two\nlines', 'plain'].map((channel) => ({ channel, spend: 1, clicks: 1, ctr: 0 }));
    result.total_rows = 5;
    const lines = renderCsv(result).split('\r\n').slice(1, 6).map((line) => line.split(',')[0]);
    expect(lines).toEqual(["'+1", "'@SUM(A1)", "'\tx", '"two\nlines"', 'plain']);
  });

  it('keeps unit amounts to 4 places, says when totals cover more rows than shown, and drops totals when every column is a figure', () => {
    const result = channelResult();
    result.columns.push({ key: 'cost_per_click', label: 'Cost per click', role: 'metric', type: 'currency', unit: 'EUR' });
    result.rows = [{ channel: 'Meta', spend: 10, clicks: 400, ctr: 0.02, cost_per_click: 0.025 }];
    result.totals = { spend: 30, clicks: 1000, ctr: 0.03, cost_per_click: 0.03 };
    result.total_rows = 3;
    expect(renderCsv(result).split('\r\n').slice(1, 3)).toEqual(['Meta,10.00,400,0.02,0.0250', 'Total (all 3 rows),30.00,1000,0.03,0.0300']);
    const figuresOnly = { ...channelResult(), columns: channelResult().columns.slice(1), rows: [{ spend: 5, clicks: 2, ctr: 0.4 }], total_rows: 1 };
    expect(renderCsv(figuresOnly)).toBe('\uFEFFSpend (EUR),Clicks,CTR\r\n5.00,2,0.4\r\n');
  });

  it('answers a file: name from the title and dates, CSV content type, UTF-8 bytes', async () => {
    const file = await renderReportExport(channelResult(), { format: 'csv', title: 'Dépenses par canal / Novembre' });
    expect(file.filename).toBe('depenses-par-canal-novembre_2026-11-01_2026-11-30.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.bytes.toString('utf8')).toContain('Café');
    expect(exportFilename('!!!', { from: '2026-11-01', to: '2026-11-01' }, 'pdf')).toBe('report_2026-11-01.pdf');
  });
});
