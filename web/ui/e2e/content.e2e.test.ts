import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropicServer, type MessagesRequest } from '../../../agent/testing/fake-anthropic-server.ts';
import { fakeGraphApi, GRAPH_VERSION_PATH } from '../../../tools/content/connectors/testing/fake-graph-api.ts';
import { startFakeSocialServer, type FakeSocialServer } from '../../../tools/content/connectors/testing/fake-social-server.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { buildUi } from './build-ui.ts';
import { startEmbeddedApp, type EmbeddedApp } from './embedded-app.ts';
import { callTool } from './signed-in.ts';

const SHOTS = fileURLToPath(new URL('../../../.scratch/shots/', import.meta.url));
const CLI = fileURLToPath(new URL('../../../bin/crescendo.js', import.meta.url));
const INSTAGRAM_TOKEN = 'ig-e2e-access-token';

/** The drafts the fake model writes, in each platform's shape. */
const X_THREAD = ['Lowtide is out now 🌊', 'Written on a grey morning by the sea.', 'Listen: https://lnk.to/lowtide'];
const DRAFTS: Record<string, unknown> = {
  instagram: { caption: 'Lowtide is out now. Written on a grey morning by the sea.', hashtags: ['newmusic', 'lowtide'], image_suggestion: 'The cover at dusk', best_time: 'Friday 18:00' },
  x: { posts: X_THREAD },
};

/** Which platform a generate_posts request is for, by a field only that platform's draft shape has (its JSON schema is in the request). */
function platformOf(request: MessagesRequest): string {
  const body = JSON.stringify(request);
  const marks: Array<[string, string]> = [['"posts"', 'x'], ['"video_ideas"', 'tiktok'], ['"link_preview"', 'facebook'], ['"board_suggestions"', 'pinterest'], ['"image_suggestion"', 'instagram']];
  return marks.find(([field]) => body.includes(field))?.[1] ?? 'unknown';
}

/** A second person, a manager: nobody approves their own request. */
function createApprover(app: EmbeddedApp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'token', 'create', '--org', 'demo', '--role', 'manager', '--user', 'approver@demo.example'], {
      env: { ...process.env, CRESCENDO_DATA_DIR: app.dataDir, DATABASE_URL: '', REDIS_URL: '', CRESCENDO_LOG_LEVEL: 'error' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (code) => (code === 0 ? resolve(JSON.parse(stdout).token as string) : reject(new Error(`token create failed: ${stderr}`))));
  });
}

async function signIn(browser: Browser, app: EmbeddedApp, token: string, errors: string[], path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${app.base}${path}`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}

/**
 * Issue 18's browser test: drafts for two platforms from the fake model, one edited and sent for
 * approval, approved by another person, published to the fake Instagram Graph API at its time,
 * and shown as published on the calendar.
 */
describe.skipIf(!hasChromium)('content studio in Chromium against the embedded app', () => {
  let app: EmbeddedApp;
  let model: FakeAnthropicServer;
  let social: FakeSocialServer;
  let graph: ReturnType<typeof fakeGraphApi>;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildUi();
    model = await startFakeAnthropic((request) => {
      const drafts = { drafts: [DRAFTS[platformOf(request)]] };
      const tool = request.tools?.length === 1 ? request.tools[0]!.name : null;
      return tool ? { kind: 'tool_use', name: tool, input: drafts } : { kind: 'text', text: JSON.stringify(drafts) };
    });
    graph = fakeGraphApi(INSTAGRAM_TOKEN);
    social = await startFakeSocialServer([graph.route]);
    app = await startEmbeddedApp({
      ANTHROPIC_API_KEY: 'e2e-key', ANTHROPIC_BASE_URL: model.url,
      CRESCENDO_ENCRYPTION_KEY: randomBytes(32).toString('base64'), INSTAGRAM_GRAPH_URL: social.url + GRAPH_VERSION_PATH,
    });
    browser = await launchChromium();
    await mkdir(SHOTS, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await social?.close();
    await model?.close();
  });

  it('generates for two platforms, edits one, sends it for approval, another person approves, and the calendar shows it published', async () => {
    const api = <Output>(tool: string, input: unknown) => callTool<Output>(app, tool, input);
    const release = await api<{ id: string }>('create_release', {
      title: 'Lowtide', artist: 'Luna Vega', kind: 'single', date: '2026-12-11', links: { smart_link: 'https://lnk.to/lowtide' },
      assets: [{ url: 'https://cdn.example/lowtide-cover.jpg', kind: 'image', alt_text: 'A wave at dusk' }],
    });
    expect(release.id).toBeTruthy();
    const account = await api<{ social_account_id: string }>('connect_social_account', { platform: 'instagram', external_account_id: '17841400000000001', display_name: 'Luna Vega', access_token: INSTAGRAM_TOKEN });
    expect(account.social_account_id).toBeTruthy();

    // Generate: Instagram and X.
    const page = await signIn(browser, app, app.token, pageErrors, '/content/generate');
    await page.locator('select').first().selectOption(release.id);
    await page.getByRole('checkbox', { name: 'TikTok' }).uncheck();
    await page.getByRole('checkbox', { name: 'X', exact: true }).check();
    await page.getByRole('button', { name: 'Generate drafts' }).click();
    const instagram = page.getByRole('article', { name: 'Instagram draft' });
    await instagram.waitFor({ timeout: 60_000 });
    const x = page.getByRole('article', { name: 'X draft' });
    expect(await x.getByRole('list', { name: 'X thread of 3 posts' }).getByRole('listitem').count()).toBe(3);
    const xEditor = await x.getByRole('link', { name: 'Open in the editor' }).getAttribute('href');

    // Edit: the counter and the phone follow the caption.
    const caption = instagram.getByLabel('Caption');
    await caption.fill('Lowtide is out now. Written on a grey morning by the sea; stream it tonight.');
    expect(await instagram.locator('.ig-caption').textContent()).toContain('stream it tonight.');
    expect(await instagram.locator('.limit-counter').first().textContent()).toContain('/ 2,200 characters');

    // Schedule: account and a time a minute ago, so it publishes as soon as it is approved.
    await instagram.getByLabel('Instagram account').selectOption(account.social_account_id);
    const zone = (await api<{ organization: { time_zone: string } }>('whoami', {})).organization.time_zone;
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(Date.now() - 60_000)).replace(' ', 'T');
    await instagram.getByLabel(/^Publish at/).fill(local);
    await page.screenshot({ path: `${SHOTS}content-e2e-generated-1280.png`, fullPage: true });
    await instagram.getByRole('button', { name: 'Send to calendar for approval' }).click();
    await instagram.getByText('On the calendar, waiting for approval.').waitFor();
    const requestLink = await instagram.getByRole('link', { name: 'See the request' }).getAttribute('href');
    expect(requestLink).toMatch(/^\/approvals\//);

    // Approve as someone else: the card shows the post as it will appear, and its time.
    const approverToken = await createApprover(app);
    const approver = await signIn(browser, app, approverToken, pageErrors, requestLink!);
    const card = approver.getByRole('listitem').filter({ has: approver.getByRole('heading', { name: /^Publish a post on Instagram/ }) });
    await card.waitFor();
    expect(await card.locator('.ig-caption').textContent()).toContain('stream it tonight.');
    expect(await card.locator('.preview-when').textContent()).toMatch(/^Publishes .+\(.+\)$/);
    await approver.screenshot({ path: `${SHOTS}content-e2e-approval-1280.png`, fullPage: true });
    await card.getByRole('button', { name: 'Approve' }).click();
    await approver.getByRole('dialog').getByRole('button', { name: /^Approve/ }).click();
    await expect.poll(() => graph.state.published.length, { timeout: 60_000 }).toBe(1);
    expect(graph.state.published[0]!.fields.caption).toContain('stream it tonight.');

    // The calendar: published, on today's date.
    await expect.poll(async () => {
      await page.goto(`${app.base}/content?view=list`);
      const chip = page.getByRole('listitem').filter({ hasText: 'stream it tonight.' });
      await chip.first().waitFor();
      return chip.first().locator('.badge').textContent();
    }, { timeout: 60_000 }).toBe('published');
    await page.goto(`${app.base}/content`);
    const published = page.getByRole('link', { name: /^Instagram post at \d\d:\d\d, published: Lowtide is out now/ });
    await published.waitFor();
    await page.screenshot({ path: `${SHOTS}content-e2e-calendar-1280.png`, fullPage: true });
    // The X draft waits under the calendar as a draft with no time, opening its editor.
    const undated = page.getByRole('region', { name: 'Drafts without a time (1)' });
    await undated.waitFor();
    expect(await undated.getByRole('link').getAttribute('href')).toBe(xEditor);

    // The X draft in the editor (read through get_post): all three posts of its thread, in the fields
    // and the preview, with the release's cover; a change to one post saves that thread.
    const opened = await page.goto(`${app.base}${xEditor}`);
    // Previews show the organisation's own media from its CDN: the page lets https images in.
    expect(opened!.headers()['content-security-policy']).toContain("img-src 'self' data: https:");
    const third = page.getByLabel('Post 3 of 3');
    await third.waitFor();
    expect(await Promise.all([1, 2, 3].map((n) => page.getByLabel(`Post ${n} of 3`).inputValue()))).toEqual(X_THREAD);
    const thread = page.getByRole('list', { name: 'X thread of 3 posts' });
    expect(await thread.locator('.x-text').allTextContents()).toEqual(X_THREAD);
    expect(await thread.getByRole('img', { name: /A wave at dusk/ }).count()).toBe(1);
    await third.fill('Listen tonight: https://lnk.to/lowtide');
    expect(await thread.locator('.x-text').nth(2).textContent()).toBe('Listen tonight: https://lnk.to/lowtide');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved.').waitFor();
    const saved = await api<{ thread: string[]; content_type: string }>('get_post', { post_id: xEditor!.split('/').pop() });
    expect(saved).toMatchObject({ content_type: 'thread', thread: [...X_THREAD.slice(0, 2), 'Listen tonight: https://lnk.to/lowtide'] });
    await page.screenshot({ path: `${SHOTS}content-e2e-thread-editor-1280.png`, fullPage: true });
    await approver.close();
    await page.close();
  }, 240_000);

  it('logged no browser errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
