import type { Browser, Page } from 'playwright-core';
import type { EmbeddedApp } from './embedded-app.ts';

/** A new page signed in with the app's token at `path`, recording page errors into `errors`. */
export async function signedInPage(browser: Browser, app: EmbeddedApp, errors: string[], path = '/', viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${app.base}${path}`);
  await page.getByLabel('API token').fill(app.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return page;
}

/** Calls a tool over the HTTP API with the app's token, as the page does. */
export async function callTool<Output>(app: EmbeddedApp, tool: string, input: unknown): Promise<Output> {
  const response = await fetch(`${app.base}/api/tools/${tool}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return response.json() as Promise<Output>;
}
