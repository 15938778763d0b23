import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import type { EmbeddedApp } from './embedded-app.ts';
import { callTool, signedInPage as openSignedInPage } from './signed-in.ts';
import { closeBrowserWorld, openBrowserWorld, SHOTS } from './browser-world.ts';


const PHONE = { width: 390, height: 844 };

interface CampaignAnswer {
  campaign: { id: string; name: string; client: { id: string } };
  songs: Array<{ song_name: string | null; placements: Array<{ id: string; vendor_name: string; goal: number; daily: number; price: number }> }>;
}

/**
 * The forms generated from the tools' schemas, used as a marketer would: a client, a vendor with a
 * playlist and a two-song campaign created with no API call by hand, a field error from the tool
 * shown beside its field, and a placement edited. `crescendo start` with the demo data, in Chromium.
 */
describe.skipIf(!hasChromium)('forms in Chromium against the embedded app', () => {
  let app: EmbeddedApp;
  let browser: Browser;
  const pageErrors: string[] = [];
  const stamp = Date.now().toString(36);
  const clientName = `Northwind Records ${stamp}`;
  const vendorName = `Lighthouse Playlists ${stamp}`;
  const campaignName = `Northwind winter push ${stamp}`;

  beforeAll(async () => {
    ({ app, browser } = await openBrowserWorld());
  }, 300_000);
  afterAll(() => closeBrowserWorld({ app, browser }));

  const signedInPage = (path = '/', viewport?: { width: number; height: number }) => openSignedInPage(browser, app, pageErrors, path, viewport);
  const api = <Output>(tool: string, input: unknown) => callTool<Output>(app, tool, input);
  const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });

  it('creates a client from the Clients page and opens it', async () => {
    const page = await signedInPage('/clients');
    await page.getByRole('link', { name: 'New client' }).click();
    await page.getByRole('heading', { name: 'Create a client' }).waitFor();
    await field(page, 'Name').fill(clientName);
    await field(page, 'Emails').fill('ana@northwind.example, ops@northwind.example');
    await field(page, 'Contact person').fill('Ana Ortiz');
    await page.screenshot({ path: `${SHOTS}form-create-client-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'Create a client' }).click();

    await page.getByRole('heading', { name: `Created: ${clientName}` }).waitFor();
    await page.getByRole('link', { name: 'Open the client' }).click();
    await page.getByRole('heading', { name: clientName, level: 1 }).waitFor();
    expect(await page.locator('.page-header').textContent()).toContain('Ana Ortiz · ana@northwind.example · ops@northwind.example');
    await page.screenshot({ path: `${SHOTS}client-new-1280.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('creates a vendor, then registers a playlist to it chosen by name', async () => {
    const page = await signedInPage('/vendors');
    await page.getByRole('link', { name: 'New vendor' }).click();
    await field(page, 'Name').fill(vendorName);
    await field(page, 'Cost per 1k streams').fill('2.4');
    await page.getByRole('button', { name: 'Create a vendor' }).click();
    await page.getByRole('heading', { name: `Created: ${vendorName}` }).waitFor();

    await page.getByRole('link', { name: 'Playlists', exact: true }).click();
    await page.getByRole('link', { name: 'Add a playlist' }).click();
    await field(page, 'Vendor').selectOption({ label: vendorName });
    await field(page, 'Name').fill(`Night Swim ${stamp}`);
    await field(page, 'URL').fill('https://open.spotify.com/playlist/37i9dQZF1DX4sWSpwq3LiO');
    await field(page, 'Genres').fill('Dance, House');
    await field(page, 'Follower count').fill('12,400');
    await page.screenshot({ path: `${SHOTS}form-add-playlist-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'Register a vendor playlist' }).click();
    await page.getByRole('heading', { name: `Created: Night Swim ${stamp}` }).waitFor();

    await page.getByRole('link', { name: 'See the playlists' }).click();
    const row = page.getByRole('row').filter({ hasText: `Night Swim ${stamp}` });
    await row.waitFor();
    expect(await row.textContent()).toContain(vendorName);
    expect(await row.textContent()).toContain('dance, house');
    expect(await row.textContent()).toContain('12,400');
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('creates a two-song campaign in steps; the tool\'s error on one song\'s link shows beside that field', async () => {
    const clients = await api<{ rows: Array<{ id: string; name: string }> }>('list_clients', { search: clientName });
    const page = await signedInPage(`/clients/${clients.rows[0]!.id}`);
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByRole('heading', { name: 'Step 1 of 3: Campaign' }).waitFor();
    // Opened from the client, the client is already chosen.
    await expect.poll(() => field(page, 'Client').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe(clientName);
    await field(page, 'Name').fill(campaignName);
    await field(page, 'Artist name').fill('Mara Vale');
    await field(page, 'Start date').fill('2026-11-20');
    await field(page, 'Total budget').fill('1,800');
    await page.screenshot({ path: `${SHOTS}form-campaign-step1-390.png`, fullPage: true });
    await page.getByRole('button', { name: 'Next: Songs and vendors' }).click();

    const firstSong = page.getByRole('group', { name: 'Song 1' });
    await field(firstSong, 'Track URL').fill('https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC');
    await field(firstSong, 'Song name').fill('Low Tide');
    const placement = (song: Locator, number: number) => song.getByRole('group', { name: `Vendor placement ${number}` });
    await field(placement(firstSong, 1), 'Vendor').selectOption({ label: vendorName });
    await field(placement(firstSong, 1), 'Goal').fill('20000');
    await field(placement(firstSong, 1), 'Daily').fill('1000');
    await field(placement(firstSong, 1), 'Price').fill('300');
    await firstSong.getByRole('button', { name: 'Add another vendor placement' }).click();
    const secondVendor = field(placement(firstSong, 2), 'Vendor');
    await expect.poll(() => secondVendor.isEnabled()).toBe(true);
    const choices = (await secondVendor.locator('option').allTextContents()).slice(1);
    const otherVendor = choices.find((label) => label !== vendorName && !label.endsWith('(retired)'))!;
    await secondVendor.selectOption({ label: otherVendor });
    await field(placement(firstSong, 2), 'Goal').fill('10000');
    await field(placement(firstSong, 2), 'Daily').fill('500');
    await field(placement(firstSong, 2), 'Price').fill('150');

    await page.getByRole('button', { name: 'Add another song' }).click();
    const secondSong = page.getByRole('group', { name: 'Song 2' });
    await field(secondSong, 'Track URL').fill('not a spotify link');
    await field(secondSong, 'Song name').fill('High Water');
    await field(placement(secondSong, 1), 'Vendor').selectOption({ label: vendorName });
    await field(placement(secondSong, 1), 'Goal').fill('15000');
    await field(placement(secondSong, 1), 'Daily').fill('750');
    await field(placement(secondSong, 1), 'Price').fill('225');
    await page.screenshot({ path: `${SHOTS}form-campaign-step2-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'Next: Review' }).click();
    const review = page.locator('.review');
    await expect.poll(() => review.textContent()).toContain(`${vendorName}: 20,000 streams, 1,000 a day, price 300`);
    expect(await review.textContent()).toContain(`${campaignName} for ${clientName}: Mara Vale, starting Nov 20, 2026.`);
    expect(await review.textContent()).toContain('2 songs, 3 vendor placements: 45,000 streams promised in total, 2,250 a day');
    await page.screenshot({ path: `${SHOTS}form-campaign-review-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'Create a playlist campaign' }).click();

    // The tool refuses songs[2].track_url: the form goes back to the songs and marks song 2's link.
    await page.getByRole('heading', { name: 'Step 2 of 3: Songs and vendors' }).waitFor();
    const badLink = field(secondSong, 'Track URL');
    await expect.poll(() => badLink.getAttribute('aria-invalid')).toBe('true');
    const error = secondSong.locator('[data-field="songs.1.track_url"] .field-error');
    expect(await error.textContent()).toMatch(/must be a Spotify track link/);
    expect(await field(firstSong, 'Track URL').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('.form-failure').textContent()).toContain('one field needs a change');
    await page.screenshot({ path: `${SHOTS}form-campaign-field-error-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await badLink.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}form-campaign-field-error-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });

    await badLink.fill('https://open.spotify.com/track/0VjIjW4GlUZAMYd2vXMi3b');
    expect(await badLink.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Next: Review' }).click();
    await page.getByRole('button', { name: 'Create a playlist campaign' }).click();
    await page.getByRole('heading', { name: `Created: ${campaignName}` }).waitFor();
    await page.getByRole('link', { name: 'Open the campaign' }).click();
    await page.getByRole('heading', { name: campaignName, level: 1 }).waitFor();

    const campaignId = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await api<CampaignAnswer>('get_campaign', { campaign_id: campaignId });
    expect(stored.campaign.client.id).toBe(clients.rows[0]!.id);
    expect(stored.songs.map((song) => [song.song_name, song.placements.map((placement) => [placement.goal, placement.daily, placement.price])])).toEqual(expect.arrayContaining([
      ['Low Tide', expect.arrayContaining([[20000, 1000, 300], [10000, 500, 150]])],
      ['High Water', [[15000, 750, 225]]],
    ]));
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('edits one placement from its campaign page; its other figures and the other placements stay as they were', async () => {
    const campaigns = await api<{ rows: Array<{ id: string; name: string }> }>('list_campaigns', { search: campaignName, status: 'any' });
    const campaignId = campaigns.rows[0]!.id;
    const page = await signedInPage(`/campaigns/${campaignId}`);
    await page.getByRole('link', { name: 'Edit a placement' }).click();
    await field(page, 'Placement').selectOption({ label: `High Water · ${vendorName}` });
    await page.getByRole('heading', { name: 'Update a placement' }).waitFor();
    const daily = field(page, 'Daily');
    await expect.poll(() => daily.inputValue()).toBe('750');
    expect(await field(page, 'Goal').inputValue()).toBe('15000');
    await daily.fill('900');
    await page.screenshot({ path: `${SHOTS}form-update-placement-1280.png`, fullPage: true });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: /^Saved/ }).waitFor();

    const stored = await api<CampaignAnswer>('get_campaign', { campaign_id: campaignId });
    const placements = stored.songs.flatMap((song) => song.placements.map((placement) => ({ song: song.song_name, ...placement })));
    expect(placements.find((placement) => placement.song === 'High Water')).toMatchObject({ goal: 15000, daily: 900, price: 225 });
    expect(placements.filter((placement) => placement.song === 'Low Tide').map((placement) => placement.daily).sort()).toEqual([1000, 500]);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('the Playlists page sorts by a column and filters by vendor, readable on a phone', async () => {
    const page = await signedInPage('/playlists', PHONE);
    await page.getByRole('button', { name: /Followers/ }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: /Followers/ }).getAttribute('aria-sort')).toBe('descending');
    const followers = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    const figures = followers.map((text) => Number(text.replace(/[^\d]/g, ''))).filter((value) => value > 0);
    expect(figures).toEqual([...figures].sort((a, b) => b - a));
    await page.screenshot({ path: `${SHOTS}playlists-sorted-390.png`, fullPage: true });
    // The first column stays in place while the table scrolls sideways.
    expect(await page.locator('tbody tr th').first().evaluate((cell) => getComputedStyle(cell).position)).toBe('sticky');
    await page.getByLabel('Vendor', { exact: true }).selectOption({ label: vendorName });
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('vendor')).toBeTruthy();
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
