import { randomBytes } from 'node:crypto';
import type { LanguageModel } from 'ai';
import type { z } from 'zod';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import { fileApprovalRequest, recheckApprovedFacts, type ApprovalPending, type FactsChanged } from './approval-request.ts';
import { recordToolCall, type ToolCallRecord } from './audit.ts';
import type { ToolCatalogue } from './catalogue.ts';
import type { Actor, JobQueue, JobRequest, Logger, OrganizationInfo, ProgressReporter, Surface, ToolContext } from './context.ts';
import { ignoreProgress, silentLogger } from './context.ts';
import { answersQuestions, runsOn, type AnyTool } from './define-tool.ts';
import { conflict, forbidden, ToolError, type FieldIssue, type ToolErrorCode } from './errors.ts';
import { translateDatabaseError } from './fault-translation.ts';
import { inputError, issuesError, unstorableTextIssues } from './input-issues.ts';
import { withoutSecrets } from './audit.ts';
import { can, type Role } from './roles.ts';
import { scopeToOrganization, type ScopePrivileges, type TenantClient, type ToolDb } from './tenant-scope.ts';

/** Who a call runs as. Surfaces build it from a token, a Slack user or the CLI's flags. */
export interface Principal {
  orgId: string;
  userId: string | null;
  role: Role;
  surface: Surface;
  /** Only tools that change nothing may run (MCP's --read-only); the listing follows the same rule. */
  readOnly?: boolean;
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
  /** The configured language model, handed to tools as `ctx.llm` (none when no model is configured). */
  llm?: LanguageModel;
  /**
   * Wraps `llm` for one call, so what a tool spends on the model counts against the caller's and the
   * organisation's daily budgets (a spent budget then fails the model call with ModelBudgetError).
   */
  meterModel?: (model: LanguageModel, call: { principal: Principal; timeZone: string }) => LanguageModel;
}

export interface ToolFailure {
  code: ToolErrorCode;
  message: string;
  issues?: FieldIssue[];
  /** Quoted to support when the failure was a fault on our side. */
  reference?: string;
}

/** What a surface may pass along with a call besides its input. */
export interface CallOptions {
  /** Receives the tool's progress reports (MCP forwards them when the client sent a progressToken). */
  progress?: ProgressReporter;
}

export type ToolResult<Output = unknown> = { ok: true; output: Output } | { ok: false; error: ToolFailure };

/** Read tools' transactions hold no locks worth worrying about; long analytic queries may need minutes. */
const READ_TRANSACTION_TIMEOUT_MS = 10 * 60_000;

/** Raised inside an approved action's transaction when someone else already ran it. */
export const ALREADY_EXECUTED = 'This approval request is not approved-and-waiting any more (another executor ran it, or it was never approved).';

/** The audit row of a read is written once more after a failure before the call is failed. */
const AUDIT_ATTEMPTS = 2;

/** Organisations and emails change rarely; a call may see them up to this old. */
const CACHE_MS = 30_000;

/**
 * The only way a tool runs: check the role's permission, validate input, run (writes inside one
 * transaction that also holds the audit row, jobs released after commit), validate output, audit,
 * return a typed result. MCP, the agent, HTTP, the CLI and the jobs all call through here.
 */
export class ToolRunner {
  private readonly organizations = new Map<string, { info: OrganizationInfo; loadedAt: number }>();
  private readonly scopedClients = new Map<string, TenantClient>();
  private readonly emails = new Map<string, { email: string | null; loadedAt: number }>();
  private readonly strictInputs = new WeakMap<AnyTool, z.ZodType>();
  private readonly now: () => Date;
  private readonly log: Logger;

  constructor(private readonly deps: ToolRunnerDeps) {
    this.now = deps.now ?? (() => new Date());
    this.log = deps.log ?? silentLogger;
  }

  get catalogue(): ToolCatalogue {
    return this.deps.catalogue;
  }

  async call(name: string, input: unknown, principal: Principal, options: CallOptions = {}): Promise<ToolResult> {
    return this.run(name, input, principal, undefined, options);
  }

  /**
   * Runs an approved request's action as its requester. The claim (APPROVED -> EXECUTING), the
   * action's writes and the outcome (EXECUTED) commit together, so the action's effects in
   * Crescendo happen exactly once; the approval id reaches outward connectors as idempotency key.
   */
  async runApproved(approvalId: string, name: string, payload: unknown, principal: Principal): Promise<ToolResult> {
    return this.run(name, payload, { ...principal, surface: 'JOB' }, approvalId);
  }

  private async run(name: string, rawInput: unknown, principal: Principal, approvalId?: string, options: CallOptions = {}): Promise<ToolResult> {
    const startedAt = performance.now();
    const auditedInput = withoutSecrets(rawInput, this.deps.catalogue.get(name)?.secretInputs);
    const audit = (result: ToolResult): ToolCallRecord => ({ principal, tool: name, input: auditedInput, result, durationMs: Math.round(performance.now() - startedAt) });
    let result: ToolResult;
    let audited = false;
    try {
      const tool = this.deps.catalogue.get(name);
      if (!tool) throw new ToolError('not_found', `There is no tool named ${name}. List the tools to see what exists.`);
      const output = await this.execute(tool, rawInput, principal, approvalId, options, async (db, output) => {
        await recordToolCall(db, audit({ ok: true, output }));
        audited = true;
      });
      result = { ok: true, output };
    } catch (error) {
      result = { ok: false, error: this.toFailure(error, name) };
    }
    // Reads and failures are audited here; successful writes were audited inside their transaction.
    if (!audited && this.organizations.has(principal.orgId)) result = await this.auditAfterwards(name, result, audit);
    return result;
  }

  /**
   * Stores the audit row of a read or a failure, retrying once. A read whose row cannot be stored
   * is not answered: its data would leave without a trace, so the call fails instead.
   */
  private async auditAfterwards(name: string, result: ToolResult, audit: (result: ToolResult) => ToolCallRecord): Promise<ToolResult> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= AUDIT_ATTEMPTS; attempt++) {
      try {
        await recordToolCall(this.deps.prisma, audit(result));
        return result;
      } catch (error) {
        lastError = error;
      }
    }
    const reference = randomBytes(4).toString('hex');
    this.log.error('audit write failed', { tool: name, reference, attempts: AUDIT_ATTEMPTS, outcome: result.ok ? 'ok' : result.error.code, error: String(lastError) });
    if (!result.ok) return result;
    return {
      ok: false,
      error: { code: 'unavailable', message: `${name} ran, but its audit record could not be stored (reference ${reference}), so its answer was withheld; try again shortly.`, reference },
    };
  }

  private async execute(
    tool: AnyTool,
    rawInput: unknown,
    principal: Principal,
    approvalId: string | undefined,
    options: CallOptions,
    auditWrite: (db: PrismaClient | ToolDb, output: unknown) => Promise<void>,
  ): Promise<unknown> {
    const organization = await this.organization(principal.orgId);
    if (!can(principal.role, tool.permission)) {
      throw forbidden(`Your role (${principal.role}) may not use ${tool.name}: it needs the ${tool.permission} permission.`);
    }
    if (approvalId && tool.access !== 'approval') throw forbidden(`${tool.name} is not an approval action.`);
    if (principal.readOnly && !answersQuestions(tool)) throw forbidden(`${tool.name} changes data, and this session is read-only.`);
    if (!runsOn(tool, principal.surface)) {
      throw forbidden(`${tool.name} runs only from ${tool.surfaces!.map((surface) => surface.toLowerCase()).join(', ')}, not through ${principal.surface.toLowerCase()}.`);
    }
    const parsed = this.strictInput(tool).safeParse(rawInput ?? {});
    if (!parsed.success) throw inputError(tool.name, parsed.error);
    const unstorable = unstorableTextIssues(parsed.data);
    if (unstorable.length) throw issuesError(tool.name, unstorable);
    const input = parsed.data as Record<string, unknown>;
    const actor = await this.actor(principal);
    const pendingJobs: JobRequest[] = [];
    const ownsTransactions = tool.access === 'write' && tool.ownTransactions === true;
    const { llm, meterModel } = this.deps;
    // Metered only for a tool that reaches for the model: most calls never do.
    let metered: LanguageModel | undefined;
    const model = () => (llm && meterModel ? (metered ??= meterModel(llm, { principal, timeZone: organization.timeZone })) : llm);
    const makeContext = (db: ToolDb): ToolContext => ({
      orgId: organization.id,
      org: organization,
      actor,
      db,
      now: this.now,
      jobs: { enqueue: (job) => pendingJobs.push(job) },
      log: this.log,
      progress: safeProgress(options.progress, this.log),
      catalogue: this.deps.catalogue,
      get llm() {
        return model();
      },
      approvalId,
      inTransaction: (work) => (tool.access === 'read' || ownsTransactions ? scoped.$transaction((tx) => work(tx as unknown as ToolDb), { timeout: READ_TRANSACTION_TIMEOUT_MS }) : work(db)),
      // A fresh context over the same transaction and pending jobs, so the request commits with the call.
      requestApproval: (action, payload) => this.escalate(tool, action, payload, makeContext(db)),
    });
    const scoped = this.scoped(organization.id, tool);
    if (tool.access === 'read') return this.checkOutput(tool, await tool.handler(makeContext(scoped as unknown as ToolDb), input));
    if (ownsTransactions) {
      const output = this.checkOutput(tool, await tool.handler(makeContext(scoped as unknown as ToolDb), input));
      await this.releaseJobs(pendingJobs);
      return output;
    }
    const refused: { because?: FactsChanged } = {};
    const output = await scoped.$transaction(
      async (tx) => {
        const db = tx as unknown as ToolDb;
        const ctx = makeContext(db);
        let result: unknown;
        if (tool.access === 'approval' && !approvalId) {
          result = await fileApprovalRequest(tool, ctx, input, this.deps.approvalUrl ?? (() => null));
        } else {
          if (approvalId) {
            await claimApproval(db, approvalId);
            // What the approver saw changed: commit the request's return to pending, not the action.
            refused.because = (await recheckApprovedFacts(tool, ctx, input, approvalId)) ?? undefined;
            if (refused.because) return null;
          }
          result = this.checkOutput(tool, await tool.handler(ctx, input));
          if (approvalId) await db.approvalRequest.update({ where: { id: approvalId }, data: { status: 'EXECUTED', executedAt: this.now(), result: (result ?? {}) as object } });
        }
        await auditWrite(db, result);
        return result;
      },
      { timeout: tool.transactionTimeoutMs ?? this.deps.transactionTimeoutMs ?? 60_000, maxWait: 30_000 },
    );
    await this.releaseJobs(pendingJobs);
    if (refused.because) throw refused.because;
    return output;
  }

  /**
   * A write tool that needs a person's approval only in some cases (see ToolDefinition.escalatesTo)
   * files the request for one of its declared approval tools, in its own transaction.
   */
  private async escalate(tool: AnyTool, action: string, payload: Record<string, unknown>, ctx: ToolContext): Promise<ApprovalPending> {
    const target = this.deps.catalogue.get(action);
    if (!target || target.access !== 'approval' || !tool.escalatesTo?.includes(action)) throw new Error(`${tool.name} may not file requests for ${action}`);
    if (!can(ctx.actor.role, target.permission)) throw forbidden(`Your role (${ctx.actor.role}) may not request ${target.name}: it needs the ${target.permission} permission.`);
    const parsed = this.strictInput(target).safeParse(payload);
    if (!parsed.success) throw inputError(target.name, parsed.error);
    return fileApprovalRequest(target, ctx, parsed.data as Record<string, unknown>, this.deps.approvalUrl ?? (() => null));
  }

  /** Unknown fields are refused rather than ignored: a misspelt field must not silently do nothing. */
  private strictInput(tool: AnyTool): z.ZodType {
    const cached = this.strictInputs.get(tool);
    if (cached) return cached;
    const schema: z.ZodType = tool.input.strict();
    this.strictInputs.set(tool, schema);
    return schema;
  }

  private checkOutput(tool: AnyTool, output: unknown): unknown {
    const checked = tool.output.safeParse(output);
    if (!checked.success) throw new Error(`${tool.name} returned output that breaks its own schema: ${checked.error.message}`);
    return checked.data;
  }

  private async releaseJobs(jobs: JobRequest[]): Promise<void> {
    for (const job of jobs) {
      if (!this.deps.jobs) {
        this.log.error('no job queue configured; job not run', { job: job.name });
        continue;
      }
      await this.deps.jobs.enqueue(job).catch((error) => this.log.error('enqueue failed', { job: job.name, error: String(error) }));
    }
  }

  private scoped(orgId: string, tool: AnyTool): TenantClient {
    const privileges: ScopePrivileges = {
      write: tool.access !== 'read',
      approvals: tool.access === 'approval' || tool.area === 'approvals' || Boolean(tool.escalatesTo?.length),
      access: tool.permission === 'org:admin',
    };
    const key = `${orgId}:${privileges.write}:${privileges.approvals}:${privileges.access}`;
    let client = this.scopedClients.get(key);
    if (!client) {
      client = scopeToOrganization(this.deps.prisma, orgId, privileges);
      this.scopedClients.set(key, client);
    }
    return client;
  }

  private async organization(orgId: string): Promise<OrganizationInfo> {
    const cached = this.organizations.get(orgId);
    if (cached && Date.now() - cached.loadedAt < CACHE_MS) return cached.info;
    const row = await this.deps.prisma.organization.findUnique({ where: { id: orgId } });
    if (!row) throw new ToolError('not_found', `No organisation with id ${orgId}.`);
    const info = { id: row.id, slug: row.slug, name: row.name, baseCurrency: row.baseCurrency, timeZone: row.timeZone };
    this.organizations.set(orgId, { info, loadedAt: Date.now() });
    return info;
  }

  private async actor(principal: Principal): Promise<Actor> {
    const { userId, role, surface, readOnly } = principal;
    if (!userId) return { userId: null, email: null, role, surface, readOnly };
    let cached = this.emails.get(userId);
    if (!cached || Date.now() - cached.loadedAt >= CACHE_MS) {
      const user = await this.deps.prisma.user.findUnique({ where: { id: userId }, select: { email: true } });
      cached = { email: user?.email ?? null, loadedAt: Date.now() };
      this.emails.set(userId, cached);
    }
    return { userId, email: cached.email, role, surface, readOnly };
  }

  private toFailure(error: unknown, toolName: string): ToolFailure {
    const expected = error instanceof ToolError ? error : translateDatabaseError(error);
    if (expected) return { code: expected.code, message: expected.message, ...(expected.issues.length ? { issues: expected.issues } : {}) };
    const reference = randomBytes(4).toString('hex');
    this.log.error('tool fault', { tool: toolName, reference, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return { code: 'internal', message: `${toolName} failed on our side (reference ${reference}); it has been logged.`, reference };
  }
}

/** A listener that throws must not fail the tool it listens to. */
function safeProgress(listener: ProgressReporter | undefined, log: Logger): ProgressReporter {
  if (!listener) return ignoreProgress;
  return (update) => {
    try {
      listener(update);
    } catch (error) {
      log.warn('progress listener failed', { error: String(error) });
    }
  };
}

/** The row lock taken here makes a concurrent executor wait, then find the request no longer APPROVED. */
async function claimApproval(db: ToolDb, approvalId: string): Promise<void> {
  const claimed = await db.approvalRequest.updateMany({ where: { id: approvalId, status: 'APPROVED' }, data: { status: 'EXECUTING' } });
  if (claimed.count !== 1) throw conflict(ALREADY_EXECUTED);
}
