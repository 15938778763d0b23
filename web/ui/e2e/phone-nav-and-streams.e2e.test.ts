import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import type { EmbeddedApp } from './embedded-app.ts';
import { callTool, signedInPage as openSignedInPage } from './signed-in.ts';
import { closeBrowserWorld, openBrowserWorld, SHOTS } from './browser-world.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/**
 * The top navigation on a phone (one row that scrolls sideways, every link reachable by keyboard),
 * and the pages that show streams saying which ones: the songs' own plays or what the vendors
 * delivered. `crescendo start` with the demo data, in Chromium.
 */
describe.skipIf(!hasChromium)('phone navigation and stream labels in Chromium', () => {
  let app: EmbeddedApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ app, browser } = await openBrowserWorld());
  }, 300_000);
  afterAll(() => closeBrowserWorld({ app, browser }));

  const signedInPage = async (path = '/', viewport = DESKTOP) => {
    const page = await openSignedInPage(browser, app, pageErrors, path, viewport);
    // The shell draws again once the session's permissions are known: measure after the page is in.
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle');
    return page;
  };
  const navLinks = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link');

  it('keeps the navigation on one row at 390 px that scrolls sideways, each link reachable with Tab and shown when focused', async () => {
    const page = await signedInPage('/', PHONE);
    const links = await navLinks(page).all();
    expect(links.length).toBe(14);
    const tops = new Set(await Promise.all(links.map(async (link) => Math.round((await link.boundingBox())!.y))));
    expect(tops.size, 'every link on the same row').toBe(1);
    const bar = (await page.locator('header.topbar').boundingBox())!;
    expect(bar.height, 'the bar is two short rows: brand and account, then the links').toBeLessThan(120);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await nav.getAttribute('data-more-after')).not.toBeNull();

    // Tab from the brand through every link: the focused one scrolls into view inside the screen.
    await page.getByRole('link', { name: 'Crescendo overview' }).focus();
    for (const link of links) {
      await page.keyboard.press('Tab');
      expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
      const name = (await link.textContent())!;
      await expect.poll(async () => (await link.boundingBox())!.x, { message: `${name} starts on screen` }).toBeGreaterThanOrEqual(0);
      await expect.poll(async () => { const box = (await link.boundingBox())!; return box.x + box.width; }, { message: `${name} ends on screen` }).toBeLessThanOrEqual(390);
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/usage');
    await page.close();
  }, 90_000);

  it('opens a page far along the row with its link in view and marked current', async () => {
    const page = await signedInPage('/usage', PHONE);
    const usage = navLinks(page).filter({ hasText: 'Usage' });
    expect(await usage.getAttribute('aria-current')).toBe('page');
    const box = (await usage.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.getByRole('navigation', { name: 'Main' }).getAttribute('data-more-before')).not.toBeNull();
    await page.screenshot({ path: `${SHOTS}nav-usage-390.png` });
    await page.close();
  });

  it('keeps the navigation on one row at 1280 px without scrolling', async () => {
    const page = await signedInPage('/', DESKTOP);
    const tops = new Set(await Promise.all((await navLinks(page).all()).map(async (link) => Math.round((await link.boundingBox())!.y))));
    expect(tops.size).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Main' }).evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await page.close();
  });

  it('the Playlists page sorts by what each playlist delivered its vendor and says its export is of every playlist', async () => {
    const page = await signedInPage('/playlists', DESKTOP);
    await page.getByRole('button', { name: /Delivered by vendor/ }).click();
    const header = page.getByRole('columnheader', { name: /Delivered by vendor/ });
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    const column = await header.evaluate((cell) => [...cell.parentElement!.children].indexOf(cell) + 1);
    const delivered = (await page.locator(`tbody tr > :nth-child(${column})`).allTextContents()).map((text) => Number(text.replace(/[^\d]/g, '')));
    expect(delivered.length).toBeGreaterThan(1);
    expect(delivered).toEqual([...delivered].sort((a, b) => b - a));
    expect(delivered[0]).toBeGreaterThan(0);
    const top = await callTool<{ rows: Array<{ name: string; delivered_streams: number }> }>(app, 'list_playlists', { sort: 'delivered_streams', limit: 1 });
    expect(await page.locator('tbody tr th').first().textContent()).toContain(top.rows[0]!.name);
    await page.getByRole('button', { name: 'Export all' }).waitFor();
    await page.screenshot({ path: `${SHOTS}playlists-1280.png` });
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}playlists-390.png` });
    await page.close();
  }, 90_000);

  it('campaigns, a campaign, clients and a client say which streams are the songs\' own plays and which the vendors delivered', async () => {
    const campaign = (await callTool<{ rows: Array<{ id: string }> }>(app, 'list_campaigns', { status: 'active', limit: 1 })).rows[0]!.id;
    const client = (await callTool<{ rows: Array<{ id: string }> }>(app, 'list_clients', { limit: 1 })).rows[0]!.id;
    const pages: Array<[string, string, RegExp[]]> = [
      ['campaigns', '/campaigns', [/Song plays, 28 days/, /Delivered by vendors/, /Vendors' progress/]],
      ['campaign', `/campaigns/${campaign}`, [/Delivered by vendors/, /Song plays, 28 days/, /Song plays, 12 months/, /Saves/, /Delivered by vendors, 28 days/]],
      ['clients', '/clients', [/Song plays, 28 days/, /Delivered by vendors/]],
      ['client', `/clients/${client}`, [/Song plays, 28 days/, /Delivered by vendors/]],
      ['overview', '/', [/delivered by vendors in 7 days/]],
    ];
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await signedInPage('/', viewport);
      for (const [name, path, labels] of pages) {
        await page.goto(`${app.base}${path}`);
        await page.locator('main h1').waitFor();
        await page.waitForLoadState('networkidle');
        // textContent, not innerText: table headers are upper-cased by CSS.
        await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toMatch(labels[0]!);
        const text = (await page.locator('main').textContent())!;
        // At 1280 px every label is on screen; on a phone some columns fold away, and the first label must still be seen.
        if (viewport === DESKTOP) for (const label of labels) expect(text, `${name} at 1280 px`).toMatch(label);
        else {
          const shown = await page.locator('main').innerText();
          expect(labels.filter((label) => new RegExp(label.source, 'i').test(shown)), `${name} at 390 px says which streams`).not.toEqual([]);
        }
        expect(text, `${name}: no bare "Streams, last 7 days"`).not.toMatch(/Streams, last 7 days/);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${viewport.width} px`).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: `${SHOTS}streams-${name}-${viewport.width}.png` });
        if (name === 'campaign') {
          const song = page.locator('.song-section').first();
          await song.getByText('Song plays, 7 days').waitFor();
          await song.screenshot({ path: `${SHOTS}streams-campaign-song-${viewport.width}.png` });
        }
      }
      await page.close();
    }
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
