import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import type { EmbeddedApp } from './embedded-app.ts';
import { callTool, signedInPage as openSignedInPage } from './signed-in.ts';
import { closeBrowserWorld, openBrowserWorld, SHOTS } from './browser-world.ts';

const PHONE = { width: 390, height: 844 };

interface Created { id: string }
interface Campaign { creator_campaign_id: string }
interface Assigned { assignment: { assignment_id: string } }

/**
 * The creators pages against `crescendo start` with the demo data: a creator, their audience and a
 * creator campaign with two bookings made through the API first (the pages never write them
 * themselves), then the search with "why it matched", the creator page's platform cards and charts,
 * and the campaign's board: moving a booking along, and a payment filed for approval.
 */
describe.skipIf(!hasChromium)('creators pages in Chromium against the embedded app', () => {
  let app: EmbeddedApp;
  let browser: Browser;
  const pageErrors: string[] = [];
  const stamp = Date.now().toString(36);
  const name = `Marisol Vega ${stamp}`;
  const handle = `marisol.${stamp}`;
  const campaignName = `Cumbia Nights push ${stamp}`;
  let creator: Created;
  let campaign: Campaign;
  let published: Assigned;

  const api = async <Output>(tool: string, input: unknown): Promise<Output> => {
    const answer = await callTool<Output & { error?: { message: string } }>(app, tool, input);
    if ((answer as { error?: unknown }).error) throw new Error(`${tool}: ${JSON.stringify((answer as { error: unknown }).error)}`);
    return answer;
  };
  const signedInPage = async (path: string, viewport?: { width: number; height: number }) => {
    const page = await openSignedInPage(browser, app, pageErrors, path, viewport);
    await page.locator('main h1').waitFor();
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

  beforeAll(async () => {
    ({ app, browser } = await openBrowserWorld());
    creator = await api<Created>('create_creator', {
      name, handle, bio: 'Cumbia and salsa dance tutorials, one new step every week.', niches: ['dance tutorials'], genres: ['cumbia', 'salsa'], languages: ['es', 'en'], country: 'CO',
      fee_ranges: [{ format: 'video', min: 800, max: 1500, currency: 'USD' }],
      platforms: [{ network: 'tiktok', followers: 420_000, engagement_rate: 0.052, average_views: 96_000 }, { network: 'instagram', followers: 88_000, engagement_rate: 0.031 }],
    });
    await api('set_creator_platform', { creator_id: creator.id, network: 'tiktok', followers: 436_000 });
    await api('set_creator_audience', { creator_id: creator.id, network: 'tiktok', as_of: '2026-11-30', age: { '13-17': 0.12, '18-24': 0.46, '25-34': 0.3, '35-44': 0.12 }, gender: { female: 0.64, male: 0.36 }, countries: [{ code: 'CO', share: 0.38 }, { code: 'US', share: 0.22 }, { code: 'MX', share: 0.14 }], cities: [{ name: 'Bogotá', country: 'CO', share: 0.11 }] });
    campaign = await api<Campaign>('create_creator_campaign', { name: campaignName, objective: 'VIDEO_VIEWS', networks: ['tiktok', 'instagram'], budget: 4000, currency: 'USD', network_budgets: { tiktok: 3000, instagram: 1000 }, starts_on: '2026-11-01', ends_on: '2027-01-31', status: 'ACTIVE' });
    await api<Assigned>('assign_creator', { creator_campaign_id: campaign.creator_campaign_id, creator_id: creator.id, fee: 2400, currency: 'USD', deliverables: [{ network: 'tiktok', format: 'video', count: 2, due_on: '2026-11-20' }] });
    const other = await api<Created>('create_creator', { name: `Tomás Rey ${stamp}`, handle: `tomasrey.${stamp}`, genres: ['cumbia'], platforms: [{ network: 'instagram', followers: 51_000, engagement_rate: 0.044 }] });
    published = await api<Assigned>('assign_creator', { creator_campaign_id: campaign.creator_campaign_id, creator_id: other.id, fee: 700, currency: 'USD', deliverables: [{ network: 'instagram', format: 'reel', count: 1, due_on: '2026-12-01' }] });
    const id = published.assignment.assignment_id;
    await api('update_assignment', { assignment_id: id, status: 'ACCEPTED' });
    await api('submit_content', { assignment_id: id, links: [{ url: `https://www.instagram.com/reel/C${stamp}x/`, format: 'reel' }] });
    await api('update_assignment', { assignment_id: id, status: 'CONTENT_APPROVED' });
    await api('update_assignment', { assignment_id: id, status: 'PUBLISHED' });
  }, 300_000);
  afterAll(() => closeBrowserWorld({ app, browser }));

  it('finds the creator by what they make and says why: the words and where they came from, and the filters met', async () => {
    const page = await signedInPage('/creators');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Creators' }).getAttribute('aria-current')).toBe('page');
    await page.getByLabel('What are you looking for?').fill('salsa dance tutorials');
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('checkbox', { name: 'TikTok' }).check();
    await page.getByLabel('Followers at least').fill('100000');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const card = page.getByRole('article', { name, exact: true });
    await card.waitFor();
    expect(new URL(page.url()).search).toBe('?q=salsa+dance+tutorials&networks=tiktok&min_followers=100000');
    const why = await card.locator('.cr-why').textContent();
    expect(why).toContain('In bio');
    expect(why).toMatch(/salsa/);
    expect(why).toContain('TikTok 436,000 followers');
    expect(await page.locator('.cr-result-note').textContent()).toMatch(/best match first/);
    await shot(page, 'creators-search-1280');
    await page.setViewportSize(PHONE);
    // Charts redraw at the new width once they have measured it.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'nothing wider than the phone' }).toBeLessThanOrEqual(390);
    await shot(page, 'creators-search-390');
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it("shows the creator page: platform cards, the growth chart from the figures' history, the audience, campaigns", async () => {
    const page = await signedInPage(`/creators/${creator.id}`);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    const tiktok = page.getByRole('article', { name: 'tiktok account' });
    expect(await tiktok.textContent()).toContain('436K');
    expect(await tiktok.textContent()).toContain('5.2%');
    expect(await tiktok.getByRole('button', { name: 'Connect via Phyllo' }).count()).toBe(1);
    await page.locator('[data-chart="creator-growth"][data-drawn]').waitFor();
    // Both figures were typed today: the chart keeps each day's last one.
    expect(await page.locator('[data-chart="creator-growth"]').getAttribute('aria-label')).toContain('Instagram 88,000 to 88,000; TikTok 436,000 to 436,000');
    expect(await page.getByText('One reading so far').count()).toBe(1);
    await page.locator('[data-chart="audience-age"][data-drawn]').waitFor();
    expect(await page.locator('[data-chart="audience-country"]').getAttribute('aria-label')).toContain('Colombia 38%');
    expect(await page.getByRole('link', { name: campaignName }).getAttribute('href')).toBe(`/creators/campaigns/${campaign.creator_campaign_id}`);
    await shot(page, 'creator-page-1280');
    await page.setViewportSize(PHONE);
    // Charts redraw at the new width once they have measured it.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'nothing wider than the phone' }).toBeLessThanOrEqual(390);
    await shot(page, 'creator-page-390');
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows the campaign board with the overdue booking flagged, moves it along, and files a payment for approval', async () => {
    const page = await signedInPage(`/creators/campaigns/${campaign.creator_campaign_id}`);
    await page.getByRole('heading', { name: campaignName, level: 1 }).waitFor();
    const invited = page.getByRole('listitem', { name: 'Invited', exact: true }).getByRole('article', { name, exact: true });
    await invited.waitFor();
    expect(await invited.getAttribute('class')).toContain('cr-card-overdue');
    expect(await page.getByRole('note').first().textContent()).toContain(name);
    await invited.getByLabel(`Move ${name} to`).selectOption('ACCEPTED');
    const accepted = page.getByRole('listitem', { name: 'Accepted', exact: true }).getByRole('article', { name, exact: true });
    await accepted.getByText('Moved to Accepted.').waitFor();

    const tomas = page.getByRole('listitem', { name: 'Published', exact: true }).getByRole('article');
    await tomas.getByRole('button', { name: 'Request payment' }).click();
    await tomas.getByText(/Approval requested/).waitFor();
    expect(await tomas.textContent()).toContain('Nothing is paid until another person approves it');
    expect(await tomas.getByRole('link', { name: 'See the request' }).getAttribute('href')).toMatch(/^\/approvals\//);
    expect(await page.locator('.stat-card').first().textContent()).toContain('$4,000.00');
    await shot(page, 'creator-campaign-1280');
    await page.setViewportSize(PHONE);
    // Charts redraw at the new width once they have measured it.
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: 'nothing wider than the phone' }).toBeLessThanOrEqual(390);
    await shot(page, 'creator-campaign-390');

    await page.goto(`${app.base}/creators/campaigns`);
    await page.getByRole('link', { name: campaignName }).waitFor();
    await shot(page, 'creator-campaigns-390');
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
