import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import { fileApprovalRequest } from './approval-request.ts';
import type { ToolCatalogue } from './catalogue.ts';
import type { Actor, JobQueue, JobRequest, Logger, OrganizationInfo, Surface, ToolContext } from './context.ts';
import { silentLogger } from './context.ts';
import type { AnyTool } from './define-tool.ts';
import { forbidden, ToolError, type FieldIssue, type ToolErrorCode } from './errors.ts';
import { translateDatabaseError } from './fault-translation.ts';
import { inputError } from './input-issues.ts';
import { can, type Role } from './roles.ts';
import { scopeToOrganization, type TenantClient, type ToolDb } from './tenant-scope.ts';
import { recordToolCall } from './audit.ts';

/** Who a call runs as. Surfaces build it from a token, a Slack user or the CLI's flags. */
export interface Principal {
  orgId: string;
  userId: string | null;
  role: Role;
  surface: Surface;
}

export interface ToolRunnerDeps {
  prisma: PrismaClient;
  catalogue: ToolCatalogue;
  now?: () => Date;
  /** Receives jobs once the call that enqueued them has committed. */
  jobs?: JobQueue;
  log?: Logger;
  /** Link to decide an approval in the web UI, when a public URL is configured. */
  approvalUrl?: (approvalId: string) => string | null;
  transactionTimeoutMs?: number;
}

export interface ToolFailure {
  code: ToolErrorCode;
  message: string;
  issues?: FieldIssue[];
  /** Quoted to support when the failure was a fault on our side. */
  reference?: string;
}

export type ToolResult<Output = unknown> = { ok: true; output: Output } | { ok: false; error: ToolFailure };

interface RunOptions {
  /** Runs the handler of an approval tool instead of filing a request (the executor's path). */
  approvalId?: string;
}

/** Organisations and emails change rarely; a call may see them up to this old. */
const ORG_CACHE_MS = 30_000;

/**
 * The only way a tool runs: validate input, check the role's permission, run (writes inside one
 * transaction, jobs released after commit), validate output, write an audit row, return a typed
 * result. MCP, the agent, HTTP, the CLI and the jobs all call through here.
 */
export class ToolRunner {
  private readonly organizations = new Map<string, { info: OrganizationInfo; scoped: TenantClient; loadedAt: number }>();
  private readonly emails = new Map<string, { email: string | null; loadedAt: number }>();
  private readonly now: () => Date;
  private readonly log: Logger;

  constructor(private readonly deps: ToolRunnerDeps) {
    this.now = deps.now ?? (() => new Date());
    this.log = deps.log ?? silentLogger;
  }

  get catalogue(): ToolCatalogue {
    return this.deps.catalogue;
  }

  async call(name: string, input: unknown, principal: Principal): Promise<ToolResult> {
    return this.run(name, input, principal, {});
  }

  /** Runs an approved request's action as its requester; the approval id is the idempotency key. */
  async runApproved(name: string, payload: unknown, principal: Principal, approvalId: string): Promise<ToolResult> {
    return this.run(name, payload, { ...principal, surface: 'JOB' }, { approvalId });
  }

  private async run(name: string, rawInput: unknown, principal: Principal, options: RunOptions): Promise<ToolResult> {
    const startedAt = performance.now();
    const tool = this.deps.catalogue.get(name);
    let result: ToolResult;
    try {
      if (!tool) throw new ToolError('not_found', `There is no tool named ${name}. List the tools to see what exists.`);
      result = { ok: true, output: await this.execute(tool, rawInput, principal, options) };
    } catch (error) {
      result = { ok: false, error: this.toFailure(error, name) };
    }
    if (!this.organizations.has(principal.orgId)) return result; // unknown organisation: nothing to attach a row to
    await recordToolCall(this.deps.prisma, {
      principal,
      tool: name,
      input: rawInput,
      result,
      durationMs: Math.round(performance.now() - startedAt),
    }).catch((error) => this.log.error('audit write failed', { tool: name, error: String(error) }));
    return result;
  }

  private async execute(tool: AnyTool, rawInput: unknown, principal: Principal, options: RunOptions): Promise<unknown> {
    const organization = await this.organization(principal.orgId);
    if (!can(principal.role, tool.permission)) {
      throw forbidden(`Your role (${principal.role}) may not use ${tool.name}: it needs the ${tool.permission} permission.`);
    }
    const parsed = tool.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw inputError(tool.name, parsed.error);
    const input = parsed.data as Record<string, unknown>;
    const actor = await this.actor(principal);
    const pendingJobs: JobRequest[] = [];
    const makeContext = (db: ToolDb): ToolContext => ({
      orgId: organization.info.id,
      org: organization.info,
      actor,
      db,
      now: this.now,
      jobs: { enqueue: (job) => pendingJobs.push(job) },
      log: this.log,
      approvalId: options.approvalId,
    });
    const scoped = organization.scoped;
    let output: unknown;
    if (tool.access === 'read') {
      output = this.checkOutput(tool, await tool.handler(makeContext(scoped as unknown as ToolDb), input));
    } else {
      output = await scoped.$transaction(
        async (tx) => {
          const ctx = makeContext(tx as unknown as ToolDb);
          if (tool.access === 'approval' && !options.approvalId) {
            return fileApprovalRequest(tool, ctx, input, this.deps.approvalUrl ?? (() => null));
          }
          return this.checkOutput(tool, await tool.handler(ctx, input));
        },
        { timeout: tool.transactionTimeoutMs ?? this.deps.transactionTimeoutMs ?? 60_000, maxWait: 30_000 },
      );
    }
    await this.releaseJobs(pendingJobs);
    return output;
  }

  private checkOutput(tool: AnyTool, output: unknown): unknown {
    const checked = tool.output.safeParse(output);
    if (!checked.success) {
      throw new Error(`${tool.name} returned output that breaks its own schema: ${checked.error.message}`);
    }
    return checked.data;
  }

  private async releaseJobs(jobs: JobRequest[]): Promise<void> {
    for (const job of jobs) {
      if (!this.deps.jobs) {
        this.log.warn('no job queue configured; job dropped', { job: job.name });
        continue;
      }
      await this.deps.jobs.enqueue(job).catch((error) => this.log.error('enqueue failed', { job: job.name, error: String(error) }));
    }
  }

  private async organization(orgId: string) {
    const cached = this.organizations.get(orgId);
    if (cached && Date.now() - cached.loadedAt < ORG_CACHE_MS) return cached;
    const row = await this.deps.prisma.organization.findUnique({ where: { id: orgId } });
    if (!row) throw new ToolError('not_found', `No organisation with id ${orgId}.`);
    const entry = {
      info: { id: row.id, slug: row.slug, name: row.name, baseCurrency: row.baseCurrency, timeZone: row.timeZone },
      scoped: cached?.scoped ?? scopeToOrganization(this.deps.prisma, row.id),
      loadedAt: Date.now(),
    };
    this.organizations.set(orgId, entry);
    return entry;
  }

  private async actor(principal: Principal): Promise<Actor> {
    const { userId, role, surface } = principal;
    if (!userId) return { userId: null, email: null, role, surface };
    let cached = this.emails.get(userId);
    if (!cached || Date.now() - cached.loadedAt >= ORG_CACHE_MS) {
      const user = await this.deps.prisma.user.findUnique({ where: { id: userId }, select: { email: true } });
      cached = { email: user?.email ?? null, loadedAt: Date.now() };
      this.emails.set(userId, cached);
    }
    return { userId, email: cached.email, role, surface };
  }

  private toFailure(error: unknown, toolName: string): ToolFailure {
    const expected = error instanceof ToolError ? error : translateDatabaseError(error);
    if (expected) return { code: expected.code, message: expected.message, ...(expected.issues.length ? { issues: expected.issues } : {}) };
    const reference = randomBytes(4).toString('hex');
    this.log.error('tool fault', { tool: toolName, reference, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return { code: 'internal', message: `${toolName} failed on our side (reference ${reference}); it has been logged.`, reference };
  }
}
