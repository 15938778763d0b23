import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { NextFunction, Request, Response } from 'express';

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

// Only plain names: nothing a request sends can climb out of the folder or reach a dotfile.
const SAFE_NAME = /^[\w][\w.-]*$/;

export interface PrecompressedFile {
  /** The folder the file is sent from (sent relative to it, never as an absolute path). */
  root: string;
  name: string;
  /** 0: revalidate every time (no-cache); otherwise cached for that long as immutable. */
  maxAgeSeconds: number;
  /** False for an error page: a 404 must never become a 304 through ETag or Last-Modified. */
  conditional?: boolean;
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((found) => found.isFile(), () => false);
}

/** Our preference (brotli is smaller) among the encodings the browser accepts and the build wrote. */
async function chooseEncoding(request: Request, file: PrecompressedFile) {
  for (const encoding of ENCODINGS) {
    if (request.acceptsEncodings(encoding.name) !== encoding.name) continue;
    if (await isFile(path.join(file.root, file.name + encoding.suffix))) return encoding;
  }
  return undefined;
}

/**
 * Sends a built file, or its `.br` / `.gz` sibling with Content-Encoding when the request accepts
 * that encoding; Vary: Accept-Encoding either way so a shared cache keeps them apart. The folder
 * is read on each request, so a rebuild while the server runs is served at once. A missing file
 * is passed on (next()) as not found, never raised as a fault.
 */
export async function sendPrecompressed(request: Request, response: Response, file: PrecompressedFile, next: NextFunction): Promise<void> {
  if (!SAFE_NAME.test(file.name) || !(await isFile(path.join(file.root, file.name)))) return next();
  const encoding = await chooseEncoding(request, file);
  response.vary('Accept-Encoding');
  response.type(path.extname(file.name));
  if (encoding) response.set('content-encoding', encoding.name);
  response.set('cache-control', file.maxAgeSeconds ? `public, max-age=${file.maxAgeSeconds}, immutable` : 'no-cache');
  const options = { root: file.root, cacheControl: false, etag: file.conditional ?? true, lastModified: file.conditional ?? true };
  response.sendFile(file.name + (encoding?.suffix ?? ''), options, (error?: Error & { status?: number }) => {
    if (!error || response.headersSent) return;
    response.removeHeader('content-encoding');
    if (error.status === 404) next();
    else next(error);
  });
}
