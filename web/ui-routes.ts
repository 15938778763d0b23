import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { isPagePath } from './ui/src/page-paths.ts';
import { sendPrecompressed } from './send-precompressed.ts';

/** Where `npm run build:web` writes the UI. */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('./ui/dist', import.meta.url));

/** Paths that belong to machines, not people: their unknown paths keep the JSON 404. */
const MACHINE_PREFIXES = ['/api', '/mcp', '/slack', '/admin', '/health', '/assets'];

export function isUiBuilt(uiDir: string = DEFAULT_UI_DIR): boolean {
  return existsSync(path.join(uiDir, 'index.html'));
}

// Everything from this origin only, but images; React sets styles through the DOM, which style-src does not govern.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Post previews show the organisation's own media, hosted on its CDN (any https host): an image cannot run code.
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function securityHeaders(response: Response): void {
  response.set({
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  });
}

function isMachinePath(requestPath: string): boolean {
  return MACHINE_PREFIXES.some((prefix) => requestPath === prefix || requestPath.startsWith(`${prefix}/`));
}

/**
 * Serves the built React UI: hashed assets cached for a year, brotli or gzip when the browser
 * takes them (built beside each file by `npm run build:web`); index.html, uncached, for the UI's
 * page paths, and with status 404 for any other path a person may type, so the UI says "page not
 * found" itself. Machine paths (/api, /mcp, /slack, /admin) keep their JSON 404. Files are sent
 * relative to the UI folder, so an install under a dot-folder (~/.apps, an npx cache) works.
 * Returns null when the UI is not built.
 */
export function uiRoutes(uiDir: string = DEFAULT_UI_DIR): Router | null {
  if (!isUiBuilt(uiDir)) return null;
  const assetsDir = path.join(uiDir, 'assets');
  const router = Router();

  router.get('/assets/:name', (request, response, next) => {
    securityHeaders(response);
    void sendPrecompressed(request, response, { root: assetsDir, name: request.params.name, maxAgeSeconds: 365 * 24 * 3600 }, next);
  });
  router.use('/assets', (_request, response) => {
    response.status(404).type('text/plain').send('No such asset: the UI was rebuilt since this page loaded. Reload the page.');
  });

  const sendIndex = (request: Request, response: Response, next: NextFunction, status: number) => {
    securityHeaders(response);
    response.status(status);
    void sendPrecompressed(request, response, { root: uiDir, name: 'index.html', maxAgeSeconds: 0, conditional: status === 200 }, next);
  };
  router.get(/.*/, (request, response, next) => {
    if (isPagePath(request.path)) return sendIndex(request, response, next, 200);
    if (isMachinePath(request.path)) return next();
    sendIndex(request, response, next, 404);
  });
  return router;
}
