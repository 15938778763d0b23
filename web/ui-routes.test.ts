import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiRoutes } from './ui-routes.ts';

const INDEX = '<!doctype html><title>Crescendo</title>';
const SCRIPT = 'console.log("a hashed asset");'.repeat(20);

describe('serving the built UI', () => {
  let installRoot: string;
  let uiDir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    // Installed as `npx` or a `~/.apps/` clone would be: a dot-folder somewhere in the absolute path.
    installRoot = mkdtempSync(path.join(tmpdir(), 'crescendo-ui-'));
    const dir = uiDir = path.join(installRoot, '.apps', 'crescendo', 'dist');
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), INDEX);
    writeFileSync(path.join(dir, 'index.html.br'), brotliCompressSync(INDEX));
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), SCRIPT);
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(path.join(dir, 'assets', 'index-abc123.js.gz'), gzipSync(SCRIPT));
    writeFileSync(path.join(dir, 'assets', 'plain-def456.css'), 'body{}');
    const app = express();
    app.use(uiRoutes(dir)!);
    app.use((_request, response) => { response.status(404).json({ error: { code: 'not_found' } }); });
    app.use((_error: Error, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
      response.status(500).json({ error: { code: 'internal' } });
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(installRoot, { recursive: true, force: true });
  });

  it('answers every page path with index.html, uncached, under a strict Content-Security-Policy, from a dot-folder install', async () => {
    for (const page of ['/', '/campaigns', '/campaigns/01a2-b', '/vendors', '/attribution', '/approvals', '/approvals/x', '/chat', '/campaigns/']) {
      const response = await fetch(base + page, { headers: { accept: '*/*' } });
      expect(response.status, page).toBe(200);
      expect(await response.text()).toContain('<title>Crescendo</title>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      // Post previews show the organisation's media from its CDN.
      expect(response.headers.get('content-security-policy')).toContain("img-src 'self' data: https:;");
    }
  });

  it('answers an unknown page path with the UI (its own "page not found") and status 404', async () => {
    for (const other of ['/webhooks/x', '/track/event', '/mcpx', '/.env', '/campaigns/a/b', '/campaigns/%zz', '/apis']) {
      const response = await fetch(base + other, { headers: { accept: 'text/html' } });
      expect(response.status, other).toBe(404);
      expect(response.headers.get('content-type'), other).toContain('text/html');
      expect(await response.text(), other).toContain('<title>Crescendo</title>');
    }
  });

  it('leaves unknown machine paths (/api, /mcp, /slack, /admin) to their JSON 404', async () => {
    for (const machine of ['/api/nope', '/mcp/x', '/slack/commands', '/admin/queues/x', '/api']) {
      const response = await fetch(base + machine, { headers: { accept: 'text/html' } });
      expect(response.status, machine).toBe(404);
      expect(await response.json(), machine).toEqual({ error: { code: 'not_found' } });
    }
  });

  it('caches hashed assets for a year and says plainly when one is gone', async () => {
    const asset = await fetch(`${base}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(await asset.text()).toBe(SCRIPT);
    for (const missing of ['/assets/index-old999.js', '/assets/..%2Findex.html', '/assets/.hidden']) {
      const response = await fetch(base + missing);
      expect(response.status, missing).toBe(404);
      expect(await response.text()).toContain('Reload the page');
    }
  });

  it('sends the brotli or gzip file built beside an asset when the browser accepts it', async () => {
    const raw = (encoding: string) => fetch(`${base}/assets/index-abc123.js`, { headers: { 'accept-encoding': encoding } });
    const brotli = await raw('gzip, deflate, br');
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toContain('javascript');
    expect(brotli.headers.get('vary')).toContain('Accept-Encoding');
    // fetch decodes the body: the content is the script itself.
    expect(await brotli.text()).toBe(SCRIPT);
    const gzip = await raw('gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe(SCRIPT);
    const plain = await raw('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const page = await fetch(`${base}/vendors`, { headers: { 'accept-encoding': 'br' } });
    expect(page.headers.get('content-encoding')).toBe('br');
    expect(await page.text()).toBe(INDEX);
    // A file built without compressed siblings is sent as it is.
    const css = await fetch(`${base}/assets/plain-def456.css`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(css.headers.get('content-encoding')).toBeNull();
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('serves an asset built after the server started (a rebuild while it runs)', async () => {
    writeFileSync(path.join(uiDir, 'assets', 'late-ghi789.js'), SCRIPT);
    const late = await fetch(`${base}/assets/late-ghi789.js`);
    expect(late.status).toBe(200);
    expect(await late.text()).toBe(SCRIPT);
  });

  it('serves nothing when the UI is not built', () => {
    expect(uiRoutes(path.join(installRoot, 'nowhere'))).toBeNull();
  });
});
