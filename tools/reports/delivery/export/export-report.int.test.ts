import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/database.ts';
import type { ToolRunner } from '../../../registry/runner.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../../testing/fixtures.ts';
import { inspectPdf } from './testing/pdf-inspect.ts';

const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

describe('export_report', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let other: TestOrganization;
  let sharedId: string;
  let privateId: string;
  let otherOrgsId: string;

  const saveView = async (who: TestOrganization, name: string, visibility: 'ORGANIZATION' | 'PRIVATE', ownerId: string | null) =>
    (await database.prisma.reportView.create({
      data: {
        organizationId: who.id, name, description: 'Paid channels, October', category: 'CAMPAIGN_PERFORMANCE', visibility, ownerId,
        definition: { metrics: ['spend', 'clicks', 'ctr'], dimensions: ['channel'], date_range: OCTOBER }, chart: { type: 'bar', y: ['spend'] },
      },
    })).id;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('exports', { now: () => new Date('2026-11-20T12:00:00Z') }));
    const spend = async (input: Record<string, unknown>) => {
      const result = await runner.call('record_spend', input, org.as('OWNER'));
      if (!result.ok) throw new Error(result.error.message);
    };
    await spend({ date: '2026-10-01', channel: 'meta', amount: 100, currency: 'USD', impressions: 1000, clicks: 10 });
    await spend({ date: '2026-10-02', channel: 'meta', amount: 50, currency: 'USD', impressions: 9000, clicks: 270 });
    await spend({ date: '2026-10-02', channel: 'tiktok', amount: 30.5, currency: 'USD', impressions: 3000, clicks: 30 });
    other = await createTestOrganization(database, 'exports-other');
    sharedId = await saveView(org, 'Spend by channel', 'ORGANIZATION', org.ownerId);
    privateId = await saveView(org, 'My draft', 'PRIVATE', org.ownerId);
    otherOrgsId = await saveView(other, 'Theirs', 'ORGANIZATION', other.ownerId);
  });
  afterAll(async () => {
    await database.close();
  });

  it('exports a saved report as CSV for a viewer: its name for the file, figures computed by hand, totals last', async () => {
    const result = await runner.call('export_report', { report_id: sharedId, format: 'csv' }, await org.member('viewer@exports.test', 'VIEWER'));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const output = (result as { output: Record<string, unknown> }).output;
    expect(output).toMatchObject({ filename: 'spend-by-channel_2026-10-01_2026-10-31.csv', content_type: 'text/csv; charset=utf-8', rows: 2, total_rows: 2 });
    expect(output.content_base64).toBeUndefined();
    const content = output.content as string;
    expect(Buffer.byteLength(content)).toBe(output.bytes);
    // meta: 150 USD, 280 clicks of 10,000 impressions; tiktok: 30.50 USD, 30 of 3,000; totals 180.50, 310 of 13,000.
    expect(content).toBe('\uFEFFChannel,Spend (USD),Clicks,CTR\r\nmeta,150.00,280,0.028\r\ntiktok,30.50,30,0.01\r\nTotal,180.50,310,0.0238\r\n');
  });

  it('exports an inline request as a PDF with the given title, its chart and table', async () => {
    const result = await runner.call('export_report', { report: { metrics: ['spend', 'clicks'], dimensions: ['channel'], date_range: OCTOBER, time_grain: 'day' }, format: 'pdf', title: 'October paid media' }, org.as('ANALYST'));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const output = (result as { output: { filename: string; content_type: string; content_base64: string; bytes: number; content?: string } }).output;
    expect(output.filename).toBe('october-paid-media_2026-10-01_2026-10-31.pdf');
    expect(output.content_type).toBe('application/pdf');
    expect(output.content).toBeUndefined();
    const bytes = Buffer.from(output.content_base64, 'base64');
    expect(bytes.length).toBe(output.bytes);
    const pdf = inspectPdf(bytes);
    expect(pdf.pageCount).toBeGreaterThan(0);
    expect(pdf.imageCount).toBeGreaterThan(0);
    const text = pdf.pages.join('\n').split('\n');
    expect(text[0]).toBe('October paid media');
    expect(text).toEqual(expect.arrayContaining(['2 Oct 2026', 'tiktok', '30.50', 'Total', '180.50']));
  });

  it('answers not_found for a report the caller may not see or of another organisation, and asks for exactly one source', async () => {
    const viewer = await org.member('viewer2@exports.test', 'VIEWER');
    for (const [reportId, who] of [[privateId, viewer], [otherOrgsId, org.as('OWNER')]] as const) {
      const result = await runner.call('export_report', { report_id: reportId, format: 'csv' }, who);
      expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
    }
    const neither = await runner.call('export_report', { format: 'csv' }, org.as('OWNER'));
    expect(neither.ok ? 'ok' : neither.error.code).toBe('invalid_input');
    const both = await runner.call('export_report', { report_id: sharedId, report: { metrics: ['spend'], date_range: OCTOBER }, format: 'pdf' }, org.as('OWNER'));
    expect(both.ok ? 'ok' : both.error.code).toBe('invalid_input');
  });
});
