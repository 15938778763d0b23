import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import { createApiToken } from '../tools/access/api-tokens.ts';
import { silentLogger } from '../tools/registry/context.ts';
import { inspectPdf } from '../tools/reports/delivery/export/testing/pdf-inspect.ts';
import { createTestOrganization, createTestRunner } from '../tools/testing/fixtures.ts';
import { buildWebApp } from './app.ts';

const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

describe('GET/POST /api/reports/export', () => {
  let database: Database;
  let server: Server;
  let base: string;
  let viewerToken: string;
  let otherOrgToken: string;
  let reportId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    const { runner } = createTestRunner(database, [], () => new Date('2026-11-20T12:00:00Z'));
    const org = await createTestOrganization(database, 'export-http');
    const other = await createTestOrganization(database, 'export-http-other');
    viewerToken = (await createApiToken(database.prisma, { organizationId: org.id, email: 'viewer@export-http.test', role: 'VIEWER' })).token;
    otherOrgToken = (await createApiToken(database.prisma, { organizationId: other.id, email: 'owner@export-http-other.test', role: 'OWNER' })).token;
    const spend = await runner.call('record_spend', { date: '2026-10-02', channel: 'meta', amount: 50, currency: 'USD', impressions: 9000, clicks: 270 }, org.as('OWNER'));
    expect(spend.ok).toBe(true);
    reportId = (await database.prisma.reportView.create({
      data: {
        organizationId: org.id, name: 'Spend by channel', category: 'CAMPAIGN_PERFORMANCE', visibility: 'ORGANIZATION', ownerId: org.ownerId,
        definition: { metrics: ['spend', 'clicks'], dimensions: ['channel'], date_range: OCTOBER }, chart: { type: 'bar' },
      },
    })).id;
    server = buildWebApp({ database, runner, log: silentLogger, version: 'test', uiDir: false }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  const get = (query: string, token: string | null) => fetch(`${base}/api/reports/export?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('downloads a saved report as a CSV attachment', async () => {
    const response = await get(`report_id=${reportId}&format=csv`, viewerToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="spend-by-channel_2026-10-01_2026-10-31.csv"');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.toString('utf8')).toBe('\uFEFFChannel,Spend (USD),Clicks\r\nmeta,50.00,270\r\nTotal,50.00,270\r\n');
  });

  it('downloads an inline report posted as JSON as a PDF attachment', async () => {
    const response = await fetch(`${base}/api/reports/export`, {
      method: 'POST',
      headers: { authorization: `Bearer ${viewerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ report: { metrics: ['spend'], dimensions: ['channel'], date_range: OCTOBER }, format: 'pdf', title: 'Meta in October' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="meta-in-october_2026-10-01_2026-10-31.pdf"');
    const pdf = inspectPdf(Buffer.from(await response.arrayBuffer()));
    expect(pdf.header).toBe('%PDF-1.3');
    expect(pdf.pages[0]!.split('\n')[0]).toBe('Meta in October');
  });

  it('answers JSON errors as the tool API does: 401 without a token, 404 for another organisation, 400 for a bad format', async () => {
    const anonymous = await get(`report_id=${reportId}&format=csv`, null);
    expect(anonymous.status).toBe(401);
    const foreign = await get(`report_id=${reportId}&format=csv`, otherOrgToken);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ error: { code: 'not_found' } });
    const badFormat = await get(`report_id=${reportId}&format=xlsx`, viewerToken);
    expect(badFormat.status).toBe(400);
    expect(await badFormat.json()).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'format' }] } });
  });
});
