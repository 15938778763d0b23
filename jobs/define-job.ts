import type { z } from 'zod';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import type { JobQueue, Logger } from '../tools/registry/context.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';
import type { Notifier } from './notifier.ts';

/** What job handlers may use. Handlers only call tools (through the runner) and the notifier. */
export interface JobDeps {
  prisma: PrismaClient;
  runner: ToolRunner;
  log: Logger;
  notifier: Notifier;
  /** Where follow-up jobs go (a schedule firing enqueues the concrete, keyed job here). */
  jobs: JobQueue;
  now(): Date;
  /** Turns a digest's facts into one or two sentences; without it the digest writes its own. */
  proseWriter?: (facts: string) => Promise<string>;
  /** Root of the scraper drop folders (`<dir>/<org-slug>/*.json`); the ingestion job needs it. */
  ingestDir?: string;
  /** Where a person decides an approval (the web UI), when one is configured. */
  approveUrl?: (approvalId: string) => string | null;
}

/** Every payload names its organisation: handlers act as that organisation only. */
export type OrganizationPayload = z.ZodType<{ organizationId: string }>;

export interface JobDefinition<Payload extends OrganizationPayload = OrganizationPayload> {
  /** Stable: it is stored with every queued job. */
  name: string;
  description: string;
  /** Validated when enqueued and again when run. */
  payload: Payload;
  /** Tries before the job is given up and kept as failed. */
  attempts: number;
  /** First retry after this many ms, doubling each time. */
  backoffMs: number;
  /** Jobs with the same key run once (BullMQ jobId); undefined: every enqueue runs. */
  key(payload: z.output<Payload>): string | undefined;
  run(deps: JobDeps, payload: z.output<Payload>): Promise<unknown>;
  /**
   * Frequent sweeps: whether a successful run did anything worth a JobRun row (a minute's sweep that
   * found nothing leaves none, or the table would grow by thousands of rows a day per organisation).
   * Failures are always recorded. Default: every run is recorded.
   */
  recordsRun?(result: unknown): boolean;
}

// Handlers differ in their payloads; queues handle them uniformly through this alias.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJob = JobDefinition<any>;

export function defineJob<Payload extends OrganizationPayload>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  if (!/^[a-z]+(\.[a-z]+)+$/.test(definition.name)) throw new Error(`Job name "${definition.name}" must be dotted lower-case words`);
  return definition;
}

/** BullMQ refuses ':' in custom ids, so keys join their parts with '.'. */
export function jobKey(...parts: string[]): string {
  return parts.join('.');
}
