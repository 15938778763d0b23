import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import type { EmbeddedApp } from './embedded-app.ts';
import { callTool, signedInPage as openSignedInPage } from './signed-in.ts';
import { closeBrowserWorld, openBrowserWorld } from './browser-world.ts';

/** A kebab-case key (`mirage-club-wild-mirage`), a tool or model key (`plan_budget_allocation`), or a rate as a fraction. */
const RAW_KEY = /\b[A-Za-z]+(?:-[a-z]+){2,}\b|\b[a-z]+_[a-z_]+\b/;
const FRACTION_RATE = /\brate 0\.\d|\b0\.\d{3,}\b/;

/**
 * What a marketer reads on each page, on the demo data of `crescendo start` with no language
 * model configured: names instead of keys, rates as percentages, counts in words, tables that
 * can be read on a phone.
 */
describe.skipIf(!hasChromium)('words and numbers in Chromium against the embedded app', () => {
  let app: EmbeddedApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ app, browser } = await openBrowserWorld());
  }, 300_000);
  afterAll(() => closeBrowserWorld({ app, browser }));

  const signedInPage = (path = '/', viewport?: { width: number; height: number }) => openSignedInPage(browser, app, pageErrors, path, viewport);
  const textOf = (page: Page, selector: string) => page.locator(selector).innerText();

  it('alerts say which campaign, song and vendor in words, as percentages, and link to the song on its campaign', async () => {
    const page = await signedInPage('/');
    const alerts = page.getByRole('list', { name: 'Alerts' });
    await alerts.waitFor();
    const text = await alerts.innerText();
    expect(text).toMatch(/is delivering \d+% of the streams promised so far for "/);
    expect(text).not.toMatch(FRACTION_RATE);
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
    const first = alerts.getByRole('listitem').first();
    const songLink = first.getByRole('link').nth(1);
    const href = (await songLink.getAttribute('href'))!;
    expect(href).toMatch(/^\/campaigns\/[^#]+#song-\w+$/);
    await songLink.click();
    const song = page.locator(`[id="${href.split('#')[1]}"]`);
    await song.waitFor();
    await expect.poll(() => song.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight;
    })).toBe(true);
    await page.close();
  });

  it('attribution by campaign shows campaign names, a top campaign, and the smaller rows on request', async () => {
    const page = await signedInPage('/attribution');
    await page.getByRole('button', { name: 'Campaign', exact: true }).click();
    const table = page.getByRole('table');
    await table.getByRole('columnheader', { name: 'Campaign' }).waitFor();
    const names = await table.getByRole('rowheader').allInnerTexts();
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect(name).not.toMatch(RAW_KEY);
    // A campaign the demo names in its marketing data links to the campaign.
    expect(await table.getByRole('rowheader').getByRole('link').count()).toBeGreaterThan(0);
    const top = await page.locator('.stat-card', { hasText: 'Top campaign by model' }).innerText();
    expect(top).not.toMatch(/No campaign|Direct:|\(none\)/);
    expect(await textOf(page, 'main')).not.toMatch(/\(none\)|first_touch|last_touch/);

    const hidden = page.getByText(/\d+ smaller campaigns? not shown\./);
    const count = Number((await hidden.innerText()).match(/^(\d+)/)![1]);
    await page.getByRole('button', { name: /^Show (all \d+|it|\d+ more)$/ }).click();
    // Every model runs again over the longer list: on a busy machine that takes seconds.
    await expect.poll(() => table.getByRole('rowheader').count(), { timeout: 30_000 }).toBe(names.length + count);
    expect(await hidden.count()).toBe(0);
    await page.close();
  });

  it('the vendors filter shows exactly the vendors with an active campaign, in words', async () => {
    const page = await signedInPage('/vendors');
    const filter = page.getByLabel('Only vendors with an active campaign');
    expect(await filter.isChecked()).toBe(true);
    const cards = page.getByRole('list', { name: 'Vendor scorecards' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
    await cards.first().waitFor();
    const running = await cards.allInnerTexts();
    for (const card of running) expect(card).toMatch(/\b[1-9]\d* active campaigns?\b/);
    const vendors = await callTool<{ rows: Array<{ active_campaigns: number }> }>(app, 'vendor_performance', {});
    expect(running).toHaveLength(vendors.rows.filter((vendor) => vendor.active_campaigns > 0).length);
    expect(await page.getByText(/^\d+ of \d+ vendors (have|has) an active campaign/).count()).toBe(1);
    await filter.uncheck();
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(vendors.rows.length);
    expect((await cards.allInnerTexts()).join('\n')).not.toMatch(/\b1 (placements|active campaigns)\b/);
    await page.close();
  });

  it('chat without a model tells the person to ask an admin on arrival, with the setup for admins folded away', async () => {
    const page = await signedInPage('/chat');
    // Before anyone types: the notice, and a composer that says why it is off.
    const notice = page.locator('.setup-notice');
    await notice.waitFor();
    expect(await page.getByLabel('Message').isDisabled()).toBe(true);
    expect(await page.getByText('Sending is off until an admin sets up the assistant.').isVisible()).toBe(true);
    expect(await notice.innerText()).toMatch(/^The assistant isn't set up yet; ask your admin\./);
    expect(await notice.getByText(/ANTHROPIC_API_KEY/).isVisible()).toBe(false);
    await notice.getByText('For admins').click();
    expect(await notice.getByText(/ANTHROPIC_API_KEY/).isVisible()).toBe(true);
    await page.close();
  });

  it('at 390 px every page fits the screen and every table keeps its first column in view', async () => {
    const page = await signedInPage('/', { width: 390, height: 844 });
    const campaign = (await callTool<{ rows: Array<{ id: string }> }>(app, 'list_campaigns', { status: 'active', limit: 1 })).rows[0]!.id;
    for (const path of ['/', '/campaigns', `/campaigns/${campaign}`, '/vendors', '/attribution', '/approvals', '/chat']) {
      await page.goto(`${app.base}${path}`);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      for (const wrap of await page.locator('.table-wrap').all()) {
        const fits = await wrap.evaluate((element) => {
          const first = element.querySelector('tr > :first-child');
          return first !== null && getComputedStyle(first).position === 'sticky' && first.getBoundingClientRect().width >= 80;
        });
        expect(fits, `${path}: a table's first column is held in view and wide enough to read`).toBe(true);
      }
    }
    await page.close();
  });

  it('the campaign list shows each campaign\'s status once: in its own column, or under the name on a phone', async () => {
    for (const width of [1280, 390]) {
      const page = await signedInPage('/campaigns', { width, height: 900 });
      const rows = page.getByRole('region', { name: 'Campaigns' }).locator('tbody tr');
      await rows.first().waitFor();
      const badges = await rows.evaluateAll((all) => all.map((row) => [...row.querySelectorAll('.badge')].filter((badge) => badge.checkVisibility()).length));
      expect(new Set(badges), `${width} px`).toEqual(new Set([1]));
      await page.close();
    }
  });

  it('logged no browser errors on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
