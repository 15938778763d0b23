import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { isPagePath } from './ui/src/page-paths.ts';

/** Where `npm run build:web` writes the UI. */
export const DEFAULT_UI_DIR = fileURLToPath(new URL('./ui/dist', import.meta.url));

export function isUiBuilt(uiDir: string = DEFAULT_UI_DIR): boolean {
  return existsSync(path.join(uiDir, 'index.html'));
}

// Everything from this origin only; React sets styles through the DOM, which style-src does not govern.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function securityHeaders(_request: Request, response: Response, next: NextFunction): void {
  response.set({
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  });
  next();
}

/**
 * Serves the built React UI: hashed assets cached for a year, and index.html (no cache) for the
 * UI's page paths only, so a reload on /campaigns/123 opens that page while any other path stays
 * the API's JSON 404. Returns null when the UI is not built.
 */
export function uiRoutes(uiDir: string = DEFAULT_UI_DIR): Router | null {
  if (!isUiBuilt(uiDir)) return null;
  const index = path.join(uiDir, 'index.html');
  const router = Router();
  router.use('/assets', securityHeaders, express.static(path.join(uiDir, 'assets'), { immutable: true, maxAge: '365d', index: false }), (_request, response) => {
    response.status(404).type('text/plain').send('No such asset: the UI was rebuilt since this page loaded. Reload the page.');
  });
  router.get(/.*/, (request, response, next) => {
    if (!isPagePath(request.path)) return next();
    securityHeaders(request, response, () => {
      response.set('cache-control', 'no-cache').sendFile(index);
    });
  });
  return router;
}
