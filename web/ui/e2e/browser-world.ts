import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { buildUi } from './build-ui.ts';
import { startEmbeddedApp, type EmbeddedApp } from './embedded-app.ts';

/** Screenshots a person looks at before calling a page done (kept out of git in .scratch). */
export const SHOTS = fileURLToPath(new URL('../../../.scratch/shots/', import.meta.url));

export interface BrowserWorld {
  app: EmbeddedApp;
  browser: Browser;
}

/** What a browser test file runs against: the built UI, `crescendo start` with the demo data (and `env`), and Chromium. */
export async function openBrowserWorld(env: Record<string, string> = {}): Promise<BrowserWorld> {
  await buildUi();
  const app = await startEmbeddedApp(env);
  const browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
  return { app, browser };
}

export async function closeBrowserWorld(world: Partial<BrowserWorld>): Promise<void> {
  await world.browser?.close();
  await world.app?.stop();
}
