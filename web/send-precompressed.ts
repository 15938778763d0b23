import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

// Only plain names: nothing a request sends can climb out of the folder.
const SAFE_NAME = /^[\w][\w.-]*$/;

export interface PrecompressedFile {
  /** The folder the file is sent from (sent relative to it, never as an absolute path). */
  root: string;
  name: string;
  /** The folder's file names, read once: which compressed siblings exist. */
  available: ReadonlySet<string>;
  /** 0: revalidate every time (no-cache); otherwise cached for that long as immutable. */
  maxAgeSeconds: number;
  /** False for an error page: a 404 must never become a 304 through ETag or Last-Modified. */
  conditional?: boolean;
}

/**
 * Sends a built file, or its `.br` / `.gz` sibling with Content-Encoding when the request accepts
 * that encoding; Vary: Accept-Encoding either way so a shared cache keeps them apart. A missing
 * file is passed on (next()) as not found, never raised as a fault.
 */
export function sendPrecompressed(request: Request, response: Response, file: PrecompressedFile, next: NextFunction): void {
  if (!SAFE_NAME.test(file.name) || !file.available.has(file.name)) return next();
  response.vary('Accept-Encoding');
  // Ours is the preference (brotli is smaller), among what the browser accepts at all.
  const encoding = ENCODINGS.find((candidate) => file.available.has(file.name + candidate.suffix) && request.acceptsEncodings(candidate.name) === candidate.name);
  response.type(path.extname(file.name));
  if (encoding) response.set('content-encoding', encoding.name);
  response.set('cache-control', file.maxAgeSeconds ? `public, max-age=${file.maxAgeSeconds}, immutable` : 'no-cache');
  response.sendFile(file.name + (encoding?.suffix ?? ''), { root: file.root, cacheControl: false, etag: file.conditional ?? true, lastModified: file.conditional ?? true }, (error?: Error & { status?: number }) => {
    if (!error) return;
    if (response.headersSent) return;
    response.removeHeader('content-encoding');
    if (error.status === 404) next();
    else next(error);
  });
}
