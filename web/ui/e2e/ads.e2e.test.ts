import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import type { EmbeddedApp } from './embedded-app.ts';
import { signedInPage as openSignedInPage } from './signed-in.ts';
import { closeBrowserWorld, openBrowserWorld, SHOTS } from './browser-world.ts';

const PHONE = { width: 390, height: 844 };

/**
 * The ads pages against `crescendo start` with the demo data (three stand-in accounts, a Google
 * manager above one, 120 days of metrics, an over-budget alert): each page at 1280 and 390 px,
 * nothing wider than the screen, no page errors.
 */
describe.skipIf(!hasChromium)('ads pages in Chromium against the embedded app', () => {
  let app: EmbeddedApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  const signedInPage = async (path: string, viewport?: { width: number; height: number }) => {
    const page = await openSignedInPage(browser, app, pageErrors, path, viewport);
    await page.locator('main h1').waitFor();
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  beforeAll(async () => {
    ({ app, browser } = await openBrowserWorld());
  }, 240_000);
  afterAll(async () => {
    await closeBrowserWorld({ app, browser });
  });

  it('lists the accounts with their manager, sync and spend, and offers to connect each platform', async () => {
    for (const [viewport, label] of [[undefined, 'desktop'], [PHONE, 'phone']] as const) {
      const page = await signedInPage('/ads', viewport);
      const table = page.getByRole('table');
      await table.waitFor();
      const names = await page.getByRole('rowheader').allTextContents();
      expect(names).toHaveLength(4);
      const manager = names.findIndex((name) => name.includes('manager'));
      expect(names[manager + 1]).toContain('under');
      for (const platform of ['Meta', 'Google Ads', 'TikTok']) expect(await page.getByRole('button', { name: `Connect ${platform}` }).count()).toBe(1);
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, `ads-accounts-${label}`);
      await page.close();
    }
  });

  it('shows performance across platforms, switches platform, and the alerts and sync history', async () => {
    for (const [viewport, label] of [[undefined, 'desktop'], [PHONE, 'phone']] as const) {
      const page = await signedInPage('/ads/performance', viewport);
      await page.getByText('Spend over time').waitFor();
      await page.locator('[data-chart]').first().waitFor();
      const platforms = page.locator('.table-wrap[aria-label="Performance by platform"]').getByRole('rowheader');
      expect((await platforms.allTextContents()).map((text) => text.trim()).sort()).toEqual(['Google Ads', 'Meta', 'TikTok']);
      await page.getByRole('button', { name: 'TikTok', exact: true }).click();
      await page.waitForFunction(() => document.querySelector('[aria-label="Performance by platform"] tbody')?.querySelectorAll('tr').length === 1);
      await page.locator('.table-wrap[aria-label="Campaigns by spend"] tbody tr').first().waitFor();
      expect(await page.locator('.table-wrap[aria-label="Campaigns by spend"] .cell-sub').first().textContent()).toContain('TikTok');
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, `ads-performance-${label}`);

      await page.getByRole('link', { name: 'Alerts' }).click();
      await page.locator('.ad-alert').first().waitFor();
      expect(await page.locator('.ad-alert').first().textContent()).toContain('over its daily limit');
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, `ads-alerts-${label}`);

      await page.getByRole('link', { name: 'Sync history' }).click();
      await page.locator('.table-wrap[aria-label="Sync runs"]').waitFor();
      expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
      await shot(page, `ads-syncs-${label}`);
      await page.close();
    }
    expect(pageErrors).toEqual([]);
  });
});
