import type { z } from 'zod';
import type { Surface, ToolContext } from './context.ts';
import type { Area, Permission } from './roles.ts';
import type { ApprovalSummary } from './approval-summary.ts';

/**
 * read: changes nothing. write: changes Crescendo's own data, in one transaction.
 * approval: acts outward or commits money; calling it only files an approval request, and the
 * handler runs once an approver (never the requester) approves it.
 */
export type ToolAccess = 'read' | 'write' | 'approval';

/** What an approver saw, fact by fact: label -> the value as shown. */
export type ApprovalFacts = Record<string, string | number | boolean | null>;

export interface ToolHints {
  /** Calling twice with the same input has the effect of calling once. */
  idempotent?: boolean;
  /** Deletes or overwrites data. */
  destructive?: boolean;
  /** Reaches systems outside Crescendo (ad platforms, Slack, email). */
  openWorld?: boolean;
  /**
   * A write tool whose only write is a record of its own result (a stored attribution run): it
   * answers a question, so it may carry a read permission, read-only surfaces list it, and the
   * agent may call it for any question.
   */
  recordsOwnResult?: boolean;
}

export interface ToolDefinition<Input extends z.ZodObject = z.ZodObject, Output extends z.ZodType = z.ZodType> {
  /** snake_case, unique and stable: a public API. */
  name: string;
  title: string;
  /** When to use it, what it returns, units and currency. Short: the model pays for every token. */
  description: string;
  area: Area;
  access: ToolAccess;
  permission: Permission;
  input: Input;
  output: Output;
  hints?: ToolHints;
  /**
   * Words people use when they want this tool and that its description does not say ("cheapest",
   * "best vendor"): find_tools searches them; they are never sent to a model.
   */
  keywords?: readonly string[];
  /** The only surfaces it may run from (default: every surface); other surfaces neither list nor run it. */
  surfaces?: readonly Surface[];
  /** Top-level input fields that carry secrets (an access token): the audit row records them as '[redacted]'. */
  secretInputs?: readonly string[];
  /** Write tools: how long their transaction may take (default 60 s); bulk imports need more. */
  transactionTimeoutMs?: number;
  /**
   * Write tools that run for minutes (a big import's job): no transaction around the handler, which
   * opens short ones with `ctx.inTransaction`, so the embedded database's one session is free in
   * between; audited after it returns, like a read.
   */
  ownTransactions?: boolean;
  /**
   * Write tools that act directly in the ordinary case but need a person's approval in some (a
   * removal once money was paid): the approval tools they may file requests for through
   * `ctx.requestApproval`, saying so in their output.
   */
  escalatesTo?: readonly string[];
  /** A valid input, for documentation and for the registry-wide tests (ids are swapped in). */
  example?: z.input<Input>;
  /**
   * Approval tools: what the approver reads before deciding. Load what the input names here (a
   * missing id then answers not_found instead of filing a request). The input is stored as JSON
   * and parsed again when approved, so approval tools' schemas must survive a JSON round trip.
   */
  preview?: (ctx: ToolContext, input: z.output<Input>) => string | Promise<string>;
  /**
   * Approval tools: the facts the preview showed that the decision rests on and that can change
   * before execution (a price, a status, what was paid so far), keyed by what a person would call
   * them ("Paid so far"), each a display value. Stored with the request and computed again inside
   * the execution's transaction: if any differs, the action does not run and the request returns
   * to pending with a note of what changed, so nobody approves one thing and executes another.
   */
  fingerprint?: (ctx: ToolContext, input: z.output<Input>) => ApprovalFacts | Promise<ApprovalFacts>;
  /**
   * Approval tools: the same request as structured parts (headline, amount, campaign, songs,
   * evidence) that the web UI, Slack and the CLI lay out for an approver. Stored with the request
   * and brought up to date with the preview when its facts change.
   */
  summarize?: (ctx: ToolContext, input: z.output<Input>) => ApprovalSummary | Promise<ApprovalSummary>;
  /**
   * Approval tools: what the executed action did, in words for the people who decided it ("Payment
   * of 283.26 USD recorded"), from its stored result; never ids.
   */
  outcome?: (result: z.output<Output>) => string;
  /**
   * Approval tools: what a rejection changes in the records the request is about (a post waiting for
   * approval goes back to draft), in the decision's transaction, as the approver. `comment` is theirs.
   */
  onRejected?: (ctx: ToolContext, input: z.output<Input>, comment: string | null) => Promise<void>;
  handler: (ctx: ToolContext, input: z.output<Input>) => Promise<z.input<Output>>;
}

// Tools differ in their schemas; the registry handles them uniformly through this alias.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDefinition<any, any>;

const TOOL_NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Whether a surface may list and run the tool. */
export function runsOn(tool: Pick<AnyTool, 'surfaces'>, surface: Surface): boolean {
  return !tool.surfaces || tool.surfaces.includes(surface);
}

/** Reads, or only records its own result (see ToolHints.recordsOwnResult): safe to call to answer a question. */
export function answersQuestions(tool: Pick<AnyTool, 'access' | 'hints'>): boolean {
  return tool.access === 'read' || (tool.access === 'write' && tool.hints?.recordsOwnResult === true);
}

/** Declares a tool; the registry is the only thing that runs it. */
export function defineTool<Input extends z.ZodObject, Output extends z.ZodType>(
  definition: ToolDefinition<Input, Output>,
): ToolDefinition<Input, Output> {
  if (!TOOL_NAME.test(definition.name)) throw new Error(`Tool name "${definition.name}" must be snake_case`);
  const writePermission = definition.permission.endsWith(':write') || definition.permission === 'approvals:decide' || definition.permission === 'org:admin';
  if (definition.access === 'read' && writePermission) throw new Error(`Read tool ${definition.name} must not require a write permission`);
  // Otherwise a VIEWER, who holds every read permission, could call it.
  if (definition.access !== 'read' && !writePermission && !(definition.access === 'write' && definition.hints?.recordsOwnResult)) {
    throw new Error(`${definition.access} tool ${definition.name} needs a write-class permission`);
  }
  return definition;
}
