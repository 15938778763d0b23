import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/testing/test-database.ts';
import type { Logger } from '../tools/registry/context.ts';
import { createTestRunner } from '../tools/testing/fixtures.ts';
import { buildWebApp } from './app.ts';

/** The whole HTTP app serving a UI installed under a dot-folder, as `npx` or `~/.apps/` would. */
describe('the web app serving the UI from a dot-folder install', () => {
  let database: Database;
  let server: Server;
  let base: string;
  let installRoot: string;
  const logged: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    const { runner } = createTestRunner(database);
    installRoot = mkdtempSync(path.join(tmpdir(), 'crescendo-install-'));
    const uiDir = path.join(installRoot, '.npm', '_npx', 'crescendo', 'dist');
    mkdirSync(path.join(uiDir, 'assets'), { recursive: true });
    writeFileSync(path.join(uiDir, 'index.html'), '<!doctype html><title>Crescendo</title>');
    writeFileSync(path.join(uiDir, 'assets', 'index-abc.js'), 'console.log(1)');
    const log: Logger = { info: () => {}, warn: () => {}, error: (message) => { logged.push(message); } };
    server = buildWebApp({ database, runner, log, version: 'test', uiDir }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await database.close();
    rmSync(installRoot, { recursive: true, force: true });
  });

  it('loads every page, answers unknown paths as not found, and logs no fault', async () => {
    const page = await fetch(`${base}/campaigns`, { headers: { 'accept-encoding': 'identity' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Crescendo</title>');
    const unknown = await fetch(`${base}/no/such/page`, { headers: { 'accept-encoding': 'identity' } });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('<title>Crescendo</title>');
    const asset = await fetch(`${base}/assets/index-gone.js`);
    expect(asset.status).toBe(404);
    const api = await fetch(`${base}/api-docs/x`, { method: 'POST' });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(logged).toEqual([]);
  });
});
