import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropicServer, type MessagesRequest } from '../../../agent/testing/fake-anthropic-server.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { buildUi } from './build-ui.ts';
import { startEmbeddedApp, type EmbeddedApp } from './embedded-app.ts';
import { callTool, signedInPage as openSignedInPage } from './signed-in.ts';

/** Screenshots a person looks at before calling the page done (kept out of git in .scratch). */
const SHOTS = fileURLToPath(new URL('../../../.scratch/shots/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const systemText = (request: MessagesRequest) => (typeof request.system === 'string' ? request.system : (request.system ?? []).map((part) => part.text).join('\n'));
const answeredTool = (request: MessagesRequest) => request.messages.some((message) => Array.isArray(message.content) && message.content.some((part) => part.type === 'tool_result'));

/**
 * "How is this campaign doing?" asked from a campaign's page: the chat opens from the page's link,
 * says what it asks about, and the model (a loopback fake of Anthropic that reads the prompt
 * like a model would) finds the campaign's id there and looks it up without asking which one.
 */
describe.skipIf(!hasChromium)('the chat asks about the page it was opened from, in Chromium', () => {
  let app: EmbeddedApp;
  let fake: FakeAnthropicServer;
  let browser: Browser;
  let campaign: { id: string; name: string };
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await buildUi();
    fake = await startFakeAnthropic((request) => {
      const id = /The page shows the campaign with id ([\w-]+)/.exec(systemText(request))?.[1];
      if (!id) return { kind: 'text', text: 'Which campaign do you mean?' };
      return answeredTool(request) ? { kind: 'text', text: 'This campaign is running; I read it with get_campaign.' } : { kind: 'tool_use', name: 'get_campaign', input: { campaign_id: id } };
    });
    app = await startEmbeddedApp({ ANTHROPIC_API_KEY: 'e2e-key', ANTHROPIC_BASE_URL: fake.url });
    browser = await launchChromium();
    await mkdir(SHOTS, { recursive: true });
    const rows = (await callTool<{ rows: Array<{ id: string; name: string }> }>(app, 'list_campaigns', { limit: 1 })).rows;
    campaign = rows[0]!;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await fake?.close();
  });

  async function openChatFromCampaign(viewport: { width: number; height: number }, name: string): Promise<Page> {
    const page = await openSignedInPage(browser, app, pageErrors, `/campaigns/${campaign.id}`, viewport);
    await page.getByRole('heading', { name: campaign.name, level: 1 }).waitFor();
    await page.screenshot({ path: `${SHOTS}chat-context-campaign-${name}.png` });
    await page.getByRole('link', { name: 'Ask about this campaign' }).click();
    await page.getByText('Asking about').waitFor();
    return page;
  }

  it('at 1280 px: the campaign page opens the chat about it, and "this campaign" is looked up without a question back', async () => {
    const page = await openChatFromCampaign(DESKTOP, '1280');
    expect(await page.locator('.chat-context').textContent()).toContain(`Asking about campaign ${campaign.name}: “this campaign” means it.`);
    await page.getByLabel('Message').fill('how is this campaign doing?');
    await page.keyboard.press('Enter');
    const answer = page.locator('.message-assistant').last();
    await expect.poll(() => answer.textContent(), { timeout: 20_000 }).toContain('This campaign is running; I read it with get_campaign.');
    await page.screenshot({ path: `${SHOTS}chat-context-chat-1280.png` });

    const asked = fake.requests.filter((request) => request.path === '/v1/messages').at(-1)!.body;
    expect(systemText(asked)).toContain(`The page shows the campaign with id ${campaign.id}`);
    expect(systemText(asked)).toContain(JSON.stringify(campaign.name));
    const call = asked.messages.flatMap((message) => (Array.isArray(message.content) ? message.content : [])).find((part) => part.type === 'tool_use');
    expect(call).toMatchObject({ name: 'get_campaign', input: { campaign_id: campaign.id } });

    // Without the page, the same question gets the clarifying question back.
    await page.getByRole('button', { name: 'Ask without it' }).click();
    await page.getByRole('button', { name: 'New conversation' }).click();
    await page.getByLabel('Message').fill('how is this campaign doing?');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.message-assistant').last().textContent(), { timeout: 20_000 }).toContain('Which campaign do you mean?');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('at 390 px: the link and the note fit the screen', async () => {
    const page = await openChatFromCampaign(PHONE, '390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const note = (await page.locator('.chat-context').boundingBox())!;
    expect(note.x + note.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `${SHOTS}chat-context-chat-390.png` });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
