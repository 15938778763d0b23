import { createApiClient } from '../api/client.ts';
import type { Me } from './organization.tsx';

let early: Promise<Me> | undefined;

/**
 * Asks who is signed in while the app itself is still downloading (src/entry.ts calls it as soon
 * as it finds a stored token), so the first page's own requests can start as soon as React runs.
 */
export function askWhoamiEarly(token: string): void {
  early = createApiClient(token, () => undefined).callTool('whoami', {});
  // Consumed, or replaced by a regular call, by useWhoami; never an unhandled rejection.
  early.catch(() => undefined);
}

/** The early answer, once: a later sign-in or reload asks afresh. */
export function takeEarlyWhoami(): Promise<Me> | undefined {
  const answer = early;
  early = undefined;
  return answer;
}
