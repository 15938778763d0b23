import type { ConnectionOptions } from 'bullmq';

/** Where BullMQ keeps Crescendo's queue: one queue of named jobs, one processor (BullMQ's named-processor pattern). */
export const QUEUE_NAME = 'crescendo';
export const DEFAULT_PREFIX = 'crescendo';

export interface RedisTarget {
  /** redis://[user:password@]host:port[/db], or rediss:// for TLS. */
  url: string;
  /** Key prefix of every BullMQ key; tests use a unique one per file. */
  prefix?: string;
}

/**
 * Plain connection options, so every Queue and Worker opens (and closes) its own clients; workers
 * need `maxRetriesPerRequest: null` so a blocking command never gives up during a Redis restart.
 */
export function connectionOptions(target: RedisTarget): ConnectionOptions {
  const url = new URL(target.url);
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}
