import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiRoutes } from './ui-routes.ts';

describe('serving the built UI', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'crescendo-ui-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Crescendo</title>');
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    const app = express();
    app.use(uiRoutes(dir)!);
    app.use((_request, response) => { response.status(404).json({ error: { code: 'not_found' } }); });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every page path with index.html, uncached, under a strict Content-Security-Policy', async () => {
    for (const page of ['/', '/campaigns', '/campaigns/01a2-b', '/vendors', '/attribution', '/approvals', '/approvals/x', '/chat', '/campaigns/']) {
      const response = await fetch(base + page, { headers: { accept: '*/*' } });
      expect(response.status, page).toBe(200);
      expect(await response.text()).toContain('<title>Crescendo</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    }
  });

  it('leaves any other path to the API, which answers 404', async () => {
    for (const other of ['/webhooks/x', '/track/event', '/mcpx', '/.env', '/campaigns/a/b', '/campaigns/%zz']) {
      const response = await fetch(base + other, { headers: { accept: 'text/html' } });
      expect(response.status, other).toBe(404);
      expect(await response.json()).toEqual({ error: { code: 'not_found' } });
    }
  });

  it('caches hashed assets for a year and says plainly when one is gone', async () => {
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const missing = await fetch(`${base}/assets/index-old999.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Reload the page');
  });

  it('serves nothing when the UI is not built', () => {
    expect(uiRoutes(path.join(dir, 'nowhere'))).toBeNull();
  });
});
