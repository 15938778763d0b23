import { cp, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropicServer } from '../../../agent/testing/fake-anthropic-server.ts';
import { uiRoutes } from '../../ui-routes.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { buildUi } from './build-ui.ts';
import { startEmbeddedApp, type EmbeddedApp } from './embedded-app.ts';
import { callTool, signedInPage as openSignedInPage } from './signed-in.ts';

/**
 * The whole product as a new user meets it: `crescendo start` on a fresh data directory (demo
 * data, jobs in-process, the agent on a loopback fake of Anthropic), driven in headless Chromium.
 */
describe.skipIf(!hasChromium)('web UI in Chromium against the embedded app', () => {
  let app: EmbeddedApp;
  let fake: FakeAnthropicServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildUi();
    fake = await startFakeAnthropic((request) => {
      const last = request.messages.at(-1)!;
      const answeredTool = Array.isArray(last.content) && last.content.some((part) => part.type === 'tool_result');
      return answeredTool
        ? { kind: 'text', text: 'Golden Hour Sounds gives the cheapest real streams in dance.' }
        : { kind: 'tool_use', name: 'vendor_performance', input: { genre: 'dance' } };
    });
    app = await startEmbeddedApp({ ANTHROPIC_API_KEY: 'e2e-key', ANTHROPIC_BASE_URL: fake.url });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  const signedInPage = (path = '/', viewport?: { width: number; height: number }) => openSignedInPage(browser, app, pageErrors, path, viewport);

  const api = (tool: string, input: unknown) => callTool<{ rows: Array<Record<string, unknown>> }>(app, tool, input);

  it('refuses a wrong token with a message, and never puts the token in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(app.base);
    await page.getByLabel('API token').fill('cre_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('unknown, revoked or expired');
    await page.getByLabel('API token').fill(app.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    expect(page.url()).not.toContain(app.token);
    await page.close();
  });

  it('renders the overview charts from the demo data', async () => {
    const page = await signedInPage('/');
    await page.locator('[data-chart="spend-streams"][data-drawn] .chart-bar').first().waitFor({ state: 'attached' });
    await page.locator('[data-chart="roas-by-channel"][data-drawn] .chart-bar').first().waitFor({ state: 'attached' });
    expect(await page.locator('[data-chart="spend-streams"][data-drawn] .chart-bar').count()).toBeGreaterThan(30);
    // The charts can be drawn before the digest answers: wait for its list rather than count at once.
    await page.getByRole('region', { name: 'Top campaigns' }).getByRole('link').first().waitFor();
    await page.getByLabel('Attribution model').selectOption('first_touch');
    await page.locator('[data-chart="roas-by-channel"][data-drawn] .chart-bar').first().waitFor({ state: 'attached' });
    await page.close();
  });

  it('draws the charts legibly at 390 px: inside the screen, labels apart, legend in the order of the series', async () => {
    const page = await signedInPage('/', { width: 390, height: 844 });
    const legible = async (chart: string) => {
      const frame = page.locator(`[data-chart="${chart}"][data-drawn]`);
      await frame.locator('.chart-bar').first().waitFor({ state: 'attached' });
      const svg = (await frame.locator('svg').boundingBox())!;
      expect(svg.x, chart).toBeGreaterThanOrEqual(0);
      expect(svg.x + svg.width, chart).toBeLessThanOrEqual(390);
      const boxes = await frame.locator('.chart-axis-labels text').evaluateAll((labels) => labels.map((label) => {
        const { left, right, top, bottom } = label.getBoundingClientRect();
        return { left, right, top, bottom };
      }));
      expect(boxes.length, chart).toBeGreaterThan(1);
      const apart = boxes.every((box, index) => boxes.slice(index + 1).every((other) =>
        box.right <= other.left || other.right <= box.left || box.bottom <= other.top || other.bottom <= box.top));
      expect(apart, `${chart} axis labels overlap`).toBe(true);
      expect(Math.min(...boxes.map((box) => box.left)), chart).toBeGreaterThanOrEqual(0);
      expect(Math.max(...boxes.map((box) => box.right)), chart).toBeLessThanOrEqual(390);
    };
    await page.getByRole('button', { name: '180 days' }).click();
    await legible('spend-streams');
    await legible('roas-by-channel');
    // Per week, the week in progress is marked, and the legend follows the drawing order.
    const timeline = page.locator('[data-chart="spend-streams"]');
    expect(await timeline.locator('.chart-bar-partial').count()).toBeGreaterThanOrEqual(1);
    const legend = await page.locator('[data-chart="spend-streams"] + .chart-legend li').allTextContents();
    expect(legend.slice(0, 3)).toEqual(['Spend', 'Revenue', 'Streams']);
    // 180 days is not a whole number of weeks, so the first or the last week is cut; the note names the last one when it is.
    const lastIsPartial = await timeline.locator('.chart-bar').last().evaluate((bar) => bar.classList.contains('chart-bar-partial'));
    expect(await page.getByText(/The last week, .+, is partial/).count()).toBe(lastIsPartial ? 1 : 0);

    // Eight campaigns by six models: too many bars to stand upright on a phone, so they lie down beside the names.
    await page.goto(`${app.base}/attribution`);
    await page.getByRole('button', { name: 'Campaign' }).click();
    await legible('model-comparison');
    const legendOrder = await page.locator('[data-chart="model-comparison"] + .chart-legend li').allTextContents();
    const firstGroup = await page.locator('[data-chart="model-comparison"] .chart-bar').evaluateAll((bars, models) =>
      bars.slice(0, models).map((bar) => bar.getAttribute('data-series')), legendOrder.length);
    expect(legendOrder).toEqual(firstGroup);
    await page.close();
  });

  it('opens a campaign from the list and shows its playlists', async () => {
    const page = await signedInPage('/campaigns?status=active');
    const first = page.getByRole('table').getByRole('link').first();
    const name = await first.textContent();
    await first.click();
    await page.getByRole('heading', { name: name!, level: 1 }).waitFor();
    const playlists = page.getByRole('table', { name: /^Playlists of / }).first();
    await playlists.waitFor();
    expect(await playlists.locator('tbody tr').count()).toBeGreaterThan(0);
    await page.locator('[data-chart="real-vs-promised"][data-drawn] .chart-bar').first().waitFor({ state: 'attached' });
    await page.close();
  });

  it('streams a chat answer and shows which tools ran', async () => {
    const page = await signedInPage('/chat');
    await page.getByLabel('Message').fill('Which vendor gives us the cheapest real streams in dance?');
    await page.keyboard.press('Enter');
    const answer = page.locator('.message-assistant').last();
    await expect.poll(() => answer.textContent(), { timeout: 20_000 }).toContain('Golden Hour Sounds gives the cheapest real streams in dance.');
    const tool = answer.getByRole('list', { name: 'Tools used' }).getByRole('listitem').first();
    // The tool by its title for people; its name stays in the tooltip.
    expect(await tool.textContent()).toBe('Vendor performance scorecard ✓');
    expect(await tool.getAttribute('title')).toBe('vendor_performance');
    await page.close();
  });

  it('fits a phone screen and can be used from the keyboard', async () => {
    const page = await signedInPage('/campaigns', { width: 390, height: 844 });
    // A returning visitor: already signed in, the page loaded afresh.
    await page.reload();
    await page.getByRole('table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('shows only the current search\'s campaigns however fast the queries change', async () => {
    const page = await signedInPage('/campaigns');
    await page.getByRole('table').waitFor();
    const search = page.getByLabel('Search');
    // The demo data is generated for today: take two artists it has, rather than fixed names.
    const artists = [...new Set((await api('list_campaigns', { limit: 100 })).rows.map((row) => String(row.artist_name)))];
    expect(artists.length).toBeGreaterThanOrEqual(2);
    const [earlier, wanted] = artists as [string, string];
    // Each query settles (debounce) long enough to send its request, then is overtaken by the next.
    for (const query of [earlier, earlier.slice(0, 3), `${wanted} Summer`, wanted]) {
      await search.fill(query);
      await page.waitForTimeout(300);
    }
    const rows = page.getByRole('region', { name: 'Campaigns' }).locator('tbody tr');
    const allWanted = async () => {
      const texts = await rows.allTextContents();
      return texts.length > 0 && texts.every((text) => text.includes(wanted));
    };
    await expect.poll(allWanted, { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(1_000);
    expect(await allWanted()).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe(wanted);
    await page.close();
  });

  it('answers an unknown page with the UI\'s own "page not found", and /api paths with JSON', async () => {
    const page = await signedInPage('/');
    const response = await page.goto(`${app.base}/no/such/page`);
    expect(response!.status()).toBe(404);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to the overview' }).click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    const api = await fetch(`${app.base}/api/no-such-endpoint`, { headers: { accept: 'text/html' } });
    expect(api.headers.get('content-type')).toContain('application/json');
    await page.close();
  });

  it('loads no chart code on the sign-in page, and compressed assets', async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    const encodings: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.js')) {
        scripts.push(response.url());
        encodings.push(response.headers()['content-encoding'] ?? 'none');
      }
    });
    await page.goto(app.base);
    await page.getByLabel('API token').waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.some((url) => /chart/.test(url))).toBe(false);
    expect(new Set(encodings)).toEqual(new Set(['br']));
    await page.close();
  });

  it('keeps every page readable at 390 px: nothing wider than the screen, tables scroll with the first column fixed', async () => {
    const page = await signedInPage('/', { width: 390, height: 844 });
    const campaignId = String((await api('list_campaigns', { status: 'active', limit: 1 })).rows[0]!.id);
    for (const path of ['/', '/campaigns', `/campaigns/${campaignId}`, '/vendors', '/attribution', '/chat']) {
      await page.goto(`${app.base}${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      const stickyFirstColumns = await page.locator('.table-wrap tr > :first-child').evaluateAll((cells) =>
        cells.every((cell) => getComputedStyle(cell).position === 'sticky'));
      expect(stickyFirstColumns, path).toBe(true);
    }
    await page.close();
  });

  it('loads from an install under a dot-folder (~/.apps, an npx cache)', async () => {
    const installRoot = await mkdtemp(path.join(tmpdir(), 'crescendo-dot-install-'));
    const uiDir = path.join(installRoot, '.apps', 'crescendo', 'web', 'ui', 'dist');
    await cp(fileURLToPath(new URL('../dist', import.meta.url)), uiDir, { recursive: true });
    const server = express().use(uiRoutes(uiDir)!).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const page = await browser.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const response = await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/campaigns`);
      expect(response!.status()).toBe(200);
      await page.getByLabel('API token').waitFor();
      await page.close();
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await rm(installRoot, { recursive: true, force: true });
    }
  });

  it('logged no browser errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
