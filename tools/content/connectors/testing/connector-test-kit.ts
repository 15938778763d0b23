import { expect } from 'vitest';
import type { ConnectorDeps } from '../connector-http.ts';
import { PublishError, type PublishFailureKind } from '../publish-error.ts';

/** Connector deps for tests: sleeps are recorded, not waited, and polls come quickly. */
export function testDeps(overrides: Partial<ConnectorDeps> = {}): ConnectorDeps & { slept: number[] } {
  const slept: number[] = [];
  return { slept, sleep: async (ms) => void slept.push(ms), pollIntervalMs: 1, maxPolls: 10, retry: { baseDelayMs: 10 }, ...overrides };
}

/** Awaits a publish expected to fail with `kind`; checks the token is nowhere in what was thrown. */
export async function expectPublishFailure(promise: Promise<unknown>, kind: PublishFailureKind, token: string): Promise<PublishError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a ${kind} PublishError, but the publish succeeded`);
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PublishError);
  const failure = error as PublishError;
  expect(failure.kind).toBe(kind);
  expect(failure.message).not.toContain(token);
  expect(JSON.stringify({ ...failure, message: failure.message, stack: failure.stack })).not.toContain(token);
  return failure;
}
