import { expect } from 'vitest';
import { AdPlatformError, type AdPlatformErrorKind } from '../ad-connector.ts';
import type { AdsHttpDeps } from '../http.ts';

/** Connector deps for tests: sleeps are recorded, not waited; polls come at once; back-off is short. */
export function testAdsDeps(overrides: Partial<AdsHttpDeps> = {}): AdsHttpDeps & { slept: number[] } {
  const slept: number[] = [];
  return { slept, sleep: async (ms) => void slept.push(ms), pollIntervalMs: 1, maxPolls: 10, retry: { baseDelayMs: 10, maxDelayMs: 40 }, timeoutMs: 5_000, ...overrides };
}

/** Awaits a call expected to fail with `kind`; checks no secret is anywhere in what was thrown. */
export async function expectAdFailure(promise: Promise<unknown>, kind: AdPlatformErrorKind, secrets: readonly string[]): Promise<AdPlatformError> {
  const thrown = await promise.then(
    () => {
      throw new Error(`expected an AdPlatformError of kind ${kind}, but the call succeeded`);
    },
    (error: unknown) => error,
  );
  expect(thrown).toBeInstanceOf(AdPlatformError);
  const failure = thrown as AdPlatformError;
  expect(failure.kind, failure.message).toBe(kind);
  const everything = JSON.stringify({ ...failure, message: failure.message, stack: failure.stack });
  for (const secret of secrets) expect(everything).not.toContain(secret);
  return failure;
}
