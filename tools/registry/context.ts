import type { LanguageModel } from 'ai';
import type { Surface } from '../../db/generated/prisma/enums.ts';
import type { ApprovalPending } from './approval-request.ts';
import type { ToolCatalogue } from './catalogue.ts';
import type { Role } from './roles.ts';
import type { ToolDb } from './tenant-scope.ts';

export type { Surface };

/** Who is calling and through which surface. Identity always comes from here, never from input. */
export interface Actor {
  userId: string | null;
  email: string | null;
  role: Role;
  surface: Surface;
  /** A read-only session (MCP --read-only): only tools that change nothing may run. */
  readOnly?: boolean;
}

export interface OrganizationInfo {
  id: string;
  slug: string;
  name: string;
  baseCurrency: string;
  timeZone: string;
}

/** Work to run after the tool's transaction commits (so a rolled-back write enqueues nothing). */
export interface JobRequest {
  name: string;
  payload: Record<string, unknown>;
  /** Jobs with the same key run once. */
  key?: string;
}

export interface JobSink {
  enqueue(job: JobRequest): void;
}

/** Where jobs go once a tool call has committed: BullMQ in production, in-process when embedded. */
export interface JobQueue {
  enqueue(job: JobRequest): Promise<void>;
}

/** How far a long call has got: `progress` of `total` (when known) units, with a line for people. */
export interface ProgressUpdate {
  progress: number;
  total?: number;
  message?: string;
}

/** Receives progress of a long tool call; surfaces forward it (MCP `notifications/progress`). */
export type ProgressReporter = (update: ProgressUpdate) => void;

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** Everything a tool handler may use. Tools import no SDK: what they need arrives here. */
export interface ToolContext {
  orgId: string;
  org: OrganizationInfo;
  actor: Actor;
  /** Prisma, narrowed to this organisation; a transaction for write tools. */
  db: ToolDb;
  now(): Date;
  jobs: JobSink;
  log: Logger;
  /**
   * Tells the caller how far a call that can take over a second has got (rows imported, journeys
   * attributed). Cheap to call often: surfaces that do not listen ignore it.
   */
  progress: ProgressReporter;
  /** The tools that exist (discovery tools search it; the role still decides what may run). */
  catalogue: ToolCatalogue;
  /**
   * The configured language model, for the few tools that write with one (generate_posts); absent
   * when none is configured, and those tools then answer `unavailable` saying how to configure one.
   */
  llm?: LanguageModel;
  /** Set while an approved action runs: outward connectors use it as their idempotency key. */
  approvalId?: string;
  /**
   * Runs `work` inside one database transaction: write tools are already in theirs, so it runs on
   * `ctx.db`; read tools get a read transaction (for a consistent snapshot or SET LOCAL tuning).
   */
  inTransaction<T>(work: (db: ToolDb) => Promise<T>): Promise<T>;
  /**
   * Write tools with `escalatesTo`: files an approval request for one of those approval tools
   * instead of acting (remove_placement once money was paid), in this call's transaction.
   */
  requestApproval?(action: string, input: Record<string, unknown>): Promise<ApprovalPending>;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export const ignoreProgress: ProgressReporter = () => {};

const LEVELS = { silent: 0, error: 1, warn: 2, info: 3 } as const;
export type LogLevel = keyof typeof LEVELS;

/** JSON lines on stderr (stdout belongs to command output), up to `level`. */
export function createConsoleLogger(level: LogLevel = 'info'): Logger {
  const write = (at: Exclude<LogLevel, 'silent'>) => (message: string, data?: Record<string, unknown>) => {
    if (LEVELS[at] <= LEVELS[level]) console.error(JSON.stringify({ level: at, at: new Date().toISOString(), message, ...data }));
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}
