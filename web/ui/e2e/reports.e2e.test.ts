import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { closeBrowserWorld, openBrowserWorld, SHOTS } from './browser-world.ts';
import type { EmbeddedApp } from './embedded-app.ts';
import { callTool, signedInPage as openSignedInPage } from './signed-in.ts';

const CLI = fileURLToPath(new URL('../../../bin/crescendo.js', import.meta.url));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** A token for another member of the demo organisation with `role`. */
function createToken(app: EmbeddedApp, role: string, user: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'token', 'create', '--org', 'demo', '--role', role, '--user', user], {
      env: { ...process.env, CRESCENDO_DATA_DIR: app.dataDir, DATABASE_URL: '', REDIS_URL: '', CRESCENDO_LOG_LEVEL: 'error' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (code) => (code === 0 ? resolve(JSON.parse(stdout).token as string) : reject(new Error(`token create failed: ${stderr}`))));
  });
}

/**
 * Issue 19's pages in Chromium against `crescendo start` with the demo data (spend, touchpoints,
 * conversions): a report built in the builder and found in the list, a formula error pointed at in
 * the metric builder, and a dashboard drawing a saved report's widget.
 */
describe.skipIf(!hasChromium)('reports in Chromium against the embedded app', () => {
  let app: EmbeddedApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ app, browser } = await openBrowserWorld());
  }, 300_000);
  afterAll(() => closeBrowserWorld({ app, browser }));

  const signedInPage = async (path: string, viewport = DESKTOP) => {
    const page = await openSignedInPage(browser, app, pageErrors, path, viewport);
    await page.locator('main h1').waitFor();
    return page;
  };
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it('builds spend and CTR by channel, previews it, saves it and finds it in the list', async () => {
    const page = await signedInPage('/reports/new');
    const metrics = page.getByRole('group', { name: 'Metrics' });
    await metrics.getByRole('searchbox', { name: 'Search metrics' }).fill('spend');
    await metrics.getByRole('checkbox', { name: /^Spend spend/ }).check();
    await metrics.getByRole('searchbox', { name: 'Search metrics' }).fill('click-through');
    await metrics.getByRole('checkbox', { name: /^CTR ctr/ }).check();
    await page.getByRole('group', { name: 'Dimensions' }).getByRole('checkbox', { name: /^Channel channel/ }).check();

    const table = page.getByRole('region', { name: 'Report rows' });
    await table.getByRole('rowheader', { name: 'Meta' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(['Channel', 'Spend', 'CTR']);
    const meta = (await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Meta' }) }).locator('td').allTextContents());
    expect(meta[0]).toMatch(/^\$[\d,]+\.\d\d$/);
    expect(meta[1]).toMatch(/^\d+(\.\d)?%$/);
    expect(await table.locator('tfoot th').textContent()).toBe('Total');
    await page.locator('.chart[data-drawn="true"]').waitFor();
    expect(await page.locator('.report-notes').textContent()).toMatch(/ctr = clicks \/ impressions/);
    await page.screenshot({ path: `${SHOTS}reports-builder-1280.png`, fullPage: true });

    // A filter the tool refuses says why beside that filter; corrected, it narrows the preview.
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByRole('button', { name: 'Add filter' }).click();
    await filters.getByLabel('Field', { exact: true }).fill('chanel');
    await filters.getByLabel('Value', { exact: true }).fill('meta');
    await filters.locator('.filter-row').getByRole('alert').filter({ hasText: /Unknown dimension "chanel"; did you mean channel/ }).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SHOTS}reports-builder-filter-error-1280.png` });
    await filters.getByLabel('Field', { exact: true }).fill('channel');
    await expect.poll(() => table.locator('tbody th').allTextContents(), { timeout: 20_000 }).toEqual(['Meta']);
    await filters.getByRole('button', { name: 'Remove filter 1' }).click();
    await expect.poll(() => table.locator('tbody th').count(), { timeout: 20_000 }).toBeGreaterThan(1);

    await page.getByLabel('Report name').fill('Spend and CTR by channel (browser test)');
    await page.getByRole('button', { name: 'Save report' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved “Spend and CTR by channel (browser test)”' }).waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/reports\/[0-9a-f-]{36}$/);
    // Export CSV: the export route answers the saved report as a file, fetched with the session's token.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toMatch(/^\uFEFF?Channel,Spend \(USD\),CTR\r?\nmeta,/);

    // Schedule: a refused address is named beside the emails; a good one makes a weekly PDF schedule, listed until unscheduled.
    const schedule = page.locator('.schedule-form');
    await schedule.getByLabel('Emails').fill('not-an-email');
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    await schedule.getByRole('alert').filter({ hasText: '"not-an-email" is not an email address' }).waitFor();
    await schedule.getByLabel('Emails').fill('ana@label.example');
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    await schedule.getByRole('status').filter({ hasText: /Scheduled every Monday at 09:00/ }).waitFor();
    const listedSchedule = page.locator('.schedule-list li').filter({ hasText: 'PDF to ana@label.example' });
    await listedSchedule.waitFor();
    await listedSchedule.getByRole('button', { name: 'Unschedule' }).click();
    await expect.poll(() => listedSchedule.count()).toBe(0);

    await page.setViewportSize(PHONE);
    await table.getByRole('rowheader', { name: 'Meta' }).waitFor();
    // Charts redraw at the new width once they have measured it.
    await expect.poll(() => pageWidth(page), { message: 'only the table scrolls sideways on a phone' }).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}reports-builder-390.png`, fullPage: true });

    await page.setViewportSize(DESKTOP);
    await page.getByRole('link', { name: '← Reports' }).click();
    const listed = page.getByRole('region', { name: 'Saved reports' }).getByRole('link', { name: 'Spend and CTR by channel (browser test)' });
    await listed.waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Spend and CTR by channel (browser test)' });
    expect(await row.textContent()).toMatch(/Campaign performance.*Private/);
    await page.getByLabel('Category').selectOption('asset_roi');
    await expect.poll(() => listed.count()).toBe(0);
    await page.getByLabel('Category').selectOption('campaign_performance');
    await listed.waitFor();
    await page.screenshot({ path: `${SHOTS}reports-list-1280.png`, fullPage: true });
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('points at a formula error with a caret under the formula, and shows what a valid one uses', async () => {
    const page = await signedInPage('/reports/metrics');
    const formula = page.getByLabel('Formula', { exact: true });
    await formula.fill('revenue / (spend +');
    const caret = page.locator('.formula-caret');
    await caret.waitFor();
    expect(await caret.textContent()).toBe(`revenue / (spend +\n${' '.repeat(18)}^`);
    await page.getByRole('alert').filter({ hasText: 'At character 19' }).waitFor();
    await page.screenshot({ path: `${SHOTS}reports-formula-error-1280.png` });

    await formula.fill('revenue / spnd');
    await expect.poll(() => caret.textContent()).toBe(`revenue / spnd\n${' '.repeat(10)}^`);
    expect(await page.locator('.formula-error').textContent()).toMatch(/did you mean spend/);

    await formula.fill('(revenue - spend) / conversions');
    const tree = page.getByRole('group', { name: 'What the formula uses' });
    await tree.waitFor();
    expect(await tree.textContent()).toMatch(/Revenue.*Spend.*Conversions/s);

    // Defined, it joins the catalogue as the organisation's own; its formula changes, it is switched off and on.
    await page.getByLabel('Key').fill('profit_per_conversion');
    await page.getByLabel('Label', { exact: true }).fill('Profit per conversion');
    await page.getByRole('button', { name: 'Define metric' }).click();
    await page.getByRole('status').filter({ hasText: 'Defined Profit per conversion' }).waitFor();
    const own = page.locator('.metric-list > li').filter({ hasText: 'profit_per_conversion' });
    await own.getByText('Yours').waitFor();
    await own.getByRole('button', { name: 'Edit the formula of Profit per conversion' }).click();
    await own.getByLabel('Formula', { exact: true }).fill('(revenue - spend) / customers');
    await own.getByRole('group', { name: 'What the formula uses' }).filter({ hasText: 'Customers' }).waitFor();
    await own.getByRole('button', { name: 'Save formula' }).click();
    await own.getByText('= (revenue - spend) / customers').waitFor();
    await own.getByRole('button', { name: 'Deactivate Profit per conversion' }).click();
    await own.getByText('Inactive').waitFor();
    await own.getByRole('button', { name: 'Reactivate Profit per conversion' }).click();
    await expect.poll(() => own.getByText('Inactive').count()).toBe(0);
    await page.setViewportSize(PHONE);
    await expect.poll(() => pageWidth(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}reports-metric-builder-390.png` });
    await page.close();
  }, 90_000);

  it('renders a dashboard: a saved report as a bar chart, KPI tiles, and a widget whose report is gone failing inside itself only', async () => {
    const saved = await callTool<{ report_id: string }>(app, 'save_report', {
      name: 'Spend by channel (dashboard test)', category: 'campaign_performance', visibility: 'team',
      definition: { metrics: ['spend', 'ctr'], dimensions: ['channel'], date_range: { last: 30, unit: 'day' } }, chart: { type: 'bar' },
    });
    const doomed = await callTool<{ report_id: string }>(app, 'save_report', { name: 'Deleted soon', category: 'asset_roi', definition: { metrics: ['spend'], date_range: { last: 7, unit: 'day' } } });
    const dashboard = await callTool<{ dashboard_id: string }>(app, 'create_dashboard', {
      name: 'Browser test dashboard', visibility: 'team',
      widgets: [
        { title: 'Last 30 days', report: { metrics: ['spend', 'revenue', 'roas'], date_range: { last: 30, unit: 'day' }, compare_to: 'previous_period' }, chart: 'kpi', x: 0, y: 0, w: 12, h: 2 },
        { title: 'Spend by channel', report_id: saved.report_id, chart: 'bar', x: 0, y: 2, w: 6, h: 4 },
        { title: 'Gone', report_id: doomed.report_id, chart: 'table', x: 6, y: 2, w: 6, h: 4 },
      ],
    });
    await callTool(app, 'delete_report', { report_id: doomed.report_id });

    const page = await signedInPage(`/reports/dashboards/${dashboard.dashboard_id}`);
    const bar = page.getByRole('region', { name: 'Spend by channel' });
    await bar.locator('.chart[data-drawn="true"]').waitFor({ timeout: 20_000 });
    expect(await bar.locator('rect.chart-bar').count()).toBeGreaterThan(1);
    expect(await bar.locator('.chart-axis-labels, svg text').allTextContents()).toContain('Meta');
    const kpi = page.getByRole('region', { name: 'Last 30 days' });
    expect(await kpi.locator('.stat-label').allTextContents()).toEqual(['Spend', 'Revenue', 'ROAS']);
    expect(await kpi.locator('.stat-detail').first().textContent()).toMatch(/vs previous period/);
    const gone = page.getByRole('region', { name: 'Gone' });
    expect(await gone.getByRole('alert').textContent()).toMatch(/could not be shown/);
    expect(await page.locator('main > [role="alert"], .state-error').count(), 'the error stays inside its widget').toBe(0);
    const box = (await bar.boundingBox())!;
    expect(box.width).toBeGreaterThan(450);
    expect(box.width).toBeLessThan(700);
    await page.screenshot({ path: `${SHOTS}reports-dashboard-1280.png`, fullPage: true });

    await page.getByRole('button', { name: 'Edit dashboard' }).click();
    await page.getByLabel('Add a saved report').selectOption({ label: 'Spend by channel (dashboard test)' });
    await page.getByRole('button', { name: 'Add widget' }).click();
    await page.locator('.editor-row').last().getByLabel('Chart type').selectOption('table');
    await page.getByRole('button', { name: 'Save dashboard' }).click();
    await expect.poll(() => page.locator('.widget').count(), { timeout: 20_000 }).toBe(4);
    const stored = await callTool<{ widgets: Array<{ chart: string; x: number; y: number; w: number }> }>(app, 'get_dashboard', { dashboard_id: dashboard.dashboard_id, run: false });
    expect(stored.widgets.map((widget) => widget.chart)).toEqual(['kpi', 'bar', 'table', 'table']);
    expect(stored.widgets.at(-1)).toMatchObject({ x: 0, y: 6, w: 6 });
    await page.getByRole('region', { name: 'Spend by channel (dashboard test)' }).getByRole('rowheader', { name: 'Meta' }).waitFor();

    await page.setViewportSize(PHONE);
    await expect.poll(() => pageWidth(page)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}reports-dashboard-390.png`, fullPage: true });
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('shows the metric catalogue read-only to an analyst: no metric builder, no deactivate', async () => {
    const token = await createToken(app, 'analyst', 'analyst@demo.example');
    const page = await browser.newPage({ viewport: DESKTOP });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.base}/reports/metrics`);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Platform metrics' }).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/Only admins and owners change them/);
    expect(await page.getByRole('heading', { name: 'Define a metric' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Deactivate|Reactivate)/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'How it is computed' }).first().click();
    await page.getByRole('group', { name: 'Uses' }).waitFor();
    await page.close();
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
