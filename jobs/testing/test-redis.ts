import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { RedisTarget } from '../bullmq/connection.ts';

/** The Redis the BullMQ tests use (CI exports it); undefined: those tests are skipped, saying why. */
export const TEST_REDIS_URL = process.env.REDIS_URL || undefined;
export const NO_REDIS_REASON = 'REDIS_URL is not set: the BullMQ tests need a real Redis (CI sets REDIS_URL=redis://127.0.0.1:6379)';

/** A key prefix no other test run shares, and a way to delete every key under it. */
export function testRedisTarget(name: string): RedisTarget & { cleanup(): Promise<void> } {
  const prefix = `crescendo-test-${name}-${process.pid}-${randomBytes(4).toString('hex')}`;
  const url = TEST_REDIS_URL!;
  return {
    url,
    prefix,
    async cleanup() {
      const redis = new Redis(url, { maxRetriesPerRequest: 1 });
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}

/** Polls until `check` holds (BullMQ work is asynchronous); fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
