import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import type { EmbeddedApp } from './embedded-app.ts';
import { callTool, signedInPage as openSignedInPage } from './signed-in.ts';
import { closeBrowserWorld, openBrowserWorld, SHOTS } from './browser-world.ts';


/**
 * The approvals inbox as an approver and a requester meet it: `crescendo start` with the demo
 * organisation (its pending payments and placements filed by the tools), driven in Chromium.
 */
describe.skipIf(!hasChromium)('approvals in Chromium against the embedded app', () => {
  let app: EmbeddedApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ app, browser } = await openBrowserWorld());
  }, 300_000);
  afterAll(() => closeBrowserWorld({ app, browser }));

  const signedInPage = (path = '/', viewport?: { width: number; height: number }) => openSignedInPage(browser, app, pageErrors, path, viewport);

  const api = <Output>(tool: string, input: unknown) => callTool<Output>(app, tool, input);

  const paymentCards = (page: Page) => page.getByRole('region', { name: 'Waiting for a decision' }).getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: /^Pay / }) });

  it('an approver sees the whole request and confirms the amount in a dialog before it runs', async () => {
    const page = await signedInPage('/approvals');
    const card = paymentCards(page).first();
    await card.waitFor();
    const headline = (await card.getByRole('heading').textContent())!;
    expect(headline).toMatch(/^Pay .+ [\d,]+\.\d\d [A-Z]{3}$/);
    const amount = (await card.locator('.approval-amount').textContent())!.trim();
    expect(headline.endsWith(amount)).toBe(true);
    expect(await card.getByRole('link').first().getAttribute('href')).toMatch(/^\/campaigns\//);
    expect(await card.locator('.approval-evidence').textContent()).toMatch(/Delivery rate\d+(\.\d)?%/);
    expect(await card.textContent()).toMatch(/Requested by Sam Rivera \(sam@demo\.example\) via the web app/);
    expect(await card.textContent()).not.toMatch(/pay_vendor|[0-9A-Za-z]{22}/);
    await page.screenshot({ path: `${SHOTS}approvals-1280.png`, fullPage: true });

    // Escape cancels: nothing is decided and focus is back on Approve.
    const approve = card.getByRole('button', { name: 'Approve' });
    await approve.click();
    const dialog = page.getByRole('dialog', { name: `Approve ${amount}?` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(headline);
    await page.screenshot({ path: `${SHOTS}approvals-confirm-1280.png` });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Approve');

    // From the keyboard, with a comment: Enter on Approve opens it again; Tab to the confirming button, Enter.
    const pendingBefore = await page.getByRole('button', { name: 'Approve' }).count();
    await card.getByLabel('Comment (optional)').fill('Invoice checked against the placements');
    await approve.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Approve ${amount}`);
    await page.keyboard.press('Enter');

    const historyRow = page.getByRole('region', { name: 'History' }).getByRole('row').filter({ hasText: headline }).first();
    await expect.poll(() => historyRow.getByText('Done').count(), { timeout: 20_000 }).toBe(1);
    expect(await historyRow.textContent()).toContain(`Payment of ${amount} recorded on`);
    const executed = await api<{ rows: Array<{ id: string; summary: { headline: string } | null; decided_by: string; comment: string | null }> }>('list_approvals', { status: 'executed', action: 'pay_vendor' });
    const decided = executed.rows.find((row) => row.summary?.headline === headline)!;
    expect(decided).toMatchObject({ decided_by: expect.stringMatching(/^owner@/), comment: 'Invoice checked against the placements' });
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(pendingBefore - 1);
    const payments = await api<{ rows: Array<{ approval_id: string }> }>('list_vendor_payments', {});
    expect(payments.rows.some((row) => row.approval_id === decided.id)).toBe(true);
    await page.close();
  });

  it("a requester sees their own request without Approve: another approver must decide", async () => {
    const campaigns = await api<{ rows: Array<{ id: string }> }>('list_campaigns', { limit: 1 });
    const campaign = await api<{ songs: Array<{ placements: Array<{ vendor_id: string }> }> }>('get_campaign', { campaign_id: campaigns.rows[0]!.id });
    const vendorId = campaign.songs[0]!.placements[0]!.vendor_id;
    const filed = await api<{ approval_id: string }>('pay_vendor', { vendor_id: vendorId, amount: 12.34, campaign_id: campaigns.rows[0]!.id });
    expect(filed.approval_id).toBeTruthy();

    const page = await signedInPage(`/approvals/${filed.approval_id}`, { width: 390, height: 844 });
    const own = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /12\.34/ }) });
    await own.waitFor();
    expect(await own.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await own.getByRole('note').textContent()).toBe('You asked for this: another approver must decide.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${SHOTS}approvals-390.png`, fullPage: true });

    // Someone else's request at 390 px: the confirmation fits the screen.
    await paymentCards(page).filter({ has: page.getByRole('button', { name: 'Approve' }) }).first().getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}approvals-confirm-390.png` });
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('logged no browser errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
