import { stepCountIs, streamText, type ModelMessage, type TextStreamPart, type ToolSet } from 'ai';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { silentLogger, type Logger } from '../tools/registry/context.ts';
import { invalidInput } from '../tools/registry/errors.ts';
import type { Principal, ToolRunner } from '../tools/registry/runner.ts';
import type { AgentEvent, AgentReply, AgentStatus } from './agent-events.ts';
import { describeTurnFailure, type TurnFailure } from './errors/provider-failure.ts';
import { filedApprovals, missingApprovalNotice } from './guardrails/approval-notice.ts';
import type { AgentModel } from './model/agent-model.ts';
import { NO_MODEL_HELP } from './model/model-config.ts';
import { estimateCostUsd } from './model/model-prices.ts';
import { buildInstructions, stablePrompt } from './prompt/system-prompt.ts';
import { relayStream } from './relay-stream.ts';
import { loadSessionFacts } from './session-facts.ts';
import { compactHistory, DEFAULT_HISTORY_BUDGET, type HistoryBudget } from './threads/compact-history.ts';
import { ThreadStore, type ThreadRef } from './threads/thread-store.ts';
import { buildAgentTools, type AgentToolCall } from './tools/agent-tools.ts';
import { addFromSteps, offeringOnly, toolsForTurn } from './tools/offered-tools.ts';
import { addUsage, NO_USAGE, toTurnUsage } from './usage.ts';

export interface AgentLimits {
  /** Model calls per turn; the last one must answer with what it has. */
  maxSteps: number;
  /** The whole turn, tools included. */
  turnTimeoutMs: number;
  /** Retries of a failed model call (429, 529, 5xx), with backoff honouring retry-after. */
  maxRetries: number;
  maxOutputTokens: number;
  history: HistoryBudget;
}

export const DEFAULT_LIMITS: AgentLimits = { maxSteps: 10, turnTimeoutMs: 180_000, maxRetries: 4, maxOutputTokens: 4_096, history: DEFAULT_HISTORY_BUDGET };

const MAX_MESSAGE_CHARS = 20_000;

export interface AgentDeps {
  runner: ToolRunner;
  prisma: PrismaClient;
  /** null when no model is configured: every turn then answers how to configure one. */
  model: AgentModel | null;
  log?: Logger;
  now?: () => Date;
  limits?: Partial<AgentLimits>;
}

export interface AgentRequest {
  /** Who asks, and through which surface (WEB, SLACK, CLI); tools run as the AGENT surface. */
  principal: Principal;
  message: string;
  /** Continue this conversation; a new one when omitted. */
  thread?: ThreadRef;
  abortSignal?: AbortSignal;
}

export interface Agent {
  /** The model in use, or null. */
  readonly modelId: string | null;
  /** One turn as events (text deltas, tool calls and results), ending with `done`. */
  stream(request: AgentRequest): AsyncGenerator<AgentEvent, void, undefined>;
  /** One turn, waited for. */
  ask(request: AgentRequest): Promise<AgentReply>;
}

/**
 * The agent: an AI SDK tool loop over the registry. Each turn loads the thread (summarising it
 * when long), offers the role's permitted tools, streams the model's steps (every tool call
 * through the ToolRunner), enforces the approval wording, and stores the turn with its usage.
 */
export function createAgent(deps: AgentDeps): Agent {
  const limits: AgentLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const log = deps.log ?? silentLogger;
  const now = deps.now ?? (() => new Date());
  const store = new ThreadStore(deps.prisma);

  async function* stream(request: AgentRequest): AsyncGenerator<AgentEvent, void, undefined> {
    const startedAt = performance.now();
    const message = checkMessage(request.message);
    const finish = (reply: Omit<AgentReply, 'durationMs'>): AgentEvent => ({ type: 'done', reply: { ...reply, durationMs: Math.round(performance.now() - startedAt) } });
    const model = deps.model;
    if (!model) {
      yield { type: 'text', delta: NO_MODEL_HELP };
      yield finish({ ...emptyReply('no_model', null, null), text: NO_MODEL_HELP });
      return;
    }

    const { principal } = request;
    const thread = await store.open(principal, principal.surface, request.thread ?? {}, message);
    yield { type: 'thread', threadId: thread.id };
    const facts = await loadSessionFacts(deps.prisma, principal, now());
    const history = await compactHistory({
      store, model: model.languageModel, counter: model.tokenCounter, budget: limits.history, log,
      orgId: principal.orgId, thread, system: stablePrompt(), history: await store.recentMessages(principal.orgId, thread), abortSignal: request.abortSignal,
    });
    const userMessage: ModelMessage = { role: 'user', content: message };
    const toolCalls: AgentToolCall[] = [];
    const tools = buildAgentTools(deps.runner, principal, (call) => toolCalls.push(call));
    // The model sees a few tools at a time: the core, find_tools, and what the thread used or found.
    const available = new Set(Object.keys(tools));
    const offered = toolsForTurn(available, history.messages);

    const result = streamText({
      model: offeringOnly(model.languageModel, () => offered),
      instructions: buildInstructions({ ...facts, threadSummary: history.summary }),
      messages: [...withCacheBreakpoint(history.messages), userMessage],
      tools,
      stopWhen: stepCountIs(limits.maxSteps),
      prepareStep: ({ stepNumber, steps }) => {
        addFromSteps(offered, available, steps);
        // The last allowed step may not call tools, so the user gets an answer from what was found.
        return stepNumber >= limits.maxSteps - 1 ? { toolChoice: 'none' as const } : undefined;
      },
      maxRetries: limits.maxRetries,
      streamRetries: 2,
      maxOutputTokens: limits.maxOutputTokens,
      abortSignal: request.abortSignal,
      timeout: { totalMs: limits.turnTimeoutMs },
      // Errors arrive as stream parts and are reported once, below, with a reference id.
      onError: () => {},
    });

    const { text, failureCause } = yield* relayStream(result.fullStream as AsyncIterable<TextStreamPart<ToolSet>>, toolCalls, request.abortSignal);

    const approvals = filedApprovals(toolCalls);
    if (failureCause !== undefined && isToolChoiceViolation(failureCause)) {
      // A model that ignores "no more tools" on the last step (some local servers do) ran out of steps.
      const notice = joinText(stepLimitNotice(limits.maxSteps), missingApprovalNotice(text, approvals) ?? '');
      yield { type: 'text', delta: text ? `\n\n${notice}` : notice };
      await store.recordTurn(principal.orgId, thread.id, { messages: [userMessage, { role: 'assistant', content: joinText(text, notice) }] });
      yield finish({ ...emptyReply('step_limit', thread.id, model.modelId), text: joinText(text, notice), toolCalls, approvals, steps: limits.maxSteps });
      return;
    }
    if (failureCause !== undefined) {
      const failure = describeTurnFailure(failureCause, { timeoutMs: limits.turnTimeoutMs });
      log.error('agent turn failed', { reference: failure.reference, thread: thread.id, error: errorText(failureCause) });
      const notice = joinText(missingApprovalNotice(text, approvals) ?? '', failure.message);
      yield { type: 'text', delta: text ? `\n\n${notice}` : notice };
      // The question, and what already ran, stay in the thread: tool calls took effect before the
      // failure, and the next turn must know that instead of repeating a write.
      const completed = (await settled(result.steps)) ?? [];
      const usage = completed.map((step) => toTurnUsage(step.usage)).reduce(addUsage, history.usage);
      const ran = describeToolCallsThatRan(toolCalls);
      const messages: ModelMessage[] = ran ? [userMessage, { role: 'assistant', content: joinText(text, ran) }] : [userMessage];
      await store.recordTurn(principal.orgId, thread.id, { messages, usage, costUsd: estimateCostUsd(model.modelId, usage) })
        .catch((error) => log.error('storing a failed turn failed', { error: String(error) }));
      yield finish({ ...emptyReply(failure.kind === 'cancelled' ? 'cancelled' : 'failed', thread.id, model.modelId), text: joinText(text, notice), toolCalls, approvals, failure, usage, steps: completed.length });
      return;
    }

    const steps = await result.steps;
    const usage = addUsage(toTurnUsage(await result.totalUsage), history.usage);
    const status: AgentStatus = steps.at(-1)?.finishReason === 'tool-calls' ? 'step_limit' : 'answered';
    const notices = [
      status === 'step_limit' ? stepLimitNotice(steps.length) : '',
      missingApprovalNotice(text, approvals) ?? '',
      !text && status === 'answered' ? 'The model returned no answer text; please ask again.' : '',
    ].filter(Boolean);
    const addition = notices.join('\n\n');
    if (addition) yield { type: 'text', delta: text ? `\n\n${addition}` : addition };
    const responseMessages: ModelMessage[] = [...(await result.responseMessages)];
    if (addition) responseMessages.push({ role: 'assistant', content: addition });
    const costUsd = estimateCostUsd(model.modelId, usage);
    await store.recordTurn(principal.orgId, thread.id, { messages: [userMessage, ...responseMessages], usage, costUsd });
    yield finish({ status, threadId: thread.id, text: joinText(text, addition), toolCalls, approvals, usage, costUsd, steps: steps.length, modelId: model.modelId });
  }

  return {
    modelId: deps.model?.modelId ?? null,
    stream,
    async ask(request) {
      for await (const event of stream(request)) if (event.type === 'done') return event.reply;
      throw new Error('the agent stream ended without a reply');
    },
  };
}

/**
 * Marks the end of the conversation so far as a prompt-cache breakpoint (the tools and system
 * prompt carry the other), so a follow-up question reads the earlier turns from the cache.
 */
function withCacheBreakpoint(history: readonly ModelMessage[]): ModelMessage[] {
  if (history.length === 0) return [];
  const last = history.at(-1)!;
  const marked = { ...last, providerOptions: { ...last.providerOptions, anthropic: { ...last.providerOptions?.anthropic, cacheControl: { type: 'ephemeral' } } } } as ModelMessage;
  return [...history.slice(0, -1), marked];
}

/** What a failed turn had already done, in words the next turn's model reads. */
function describeToolCallsThatRan(toolCalls: readonly AgentToolCall[]): string {
  if (toolCalls.length === 0) return '';
  const calls = toolCalls.map((call) => `${call.name} ${JSON.stringify(call.input)} (${call.ok ? 'succeeded' : `failed: ${call.error?.code}`})`);
  return `[This turn failed after these tool calls ran; they took effect, so do not repeat them unless asked: ${calls.join('; ')}]`;
}

function stepLimitNotice(steps: number): string {
  return `I stopped after ${steps} steps without finishing; ask again with a narrower question, or ask me to continue.`;
}

function isToolChoiceViolation(error: unknown): boolean {
  return error instanceof Error && error.name === 'AI_ToolChoiceViolationError';
}

function checkMessage(message: unknown): string {
  if (typeof message !== 'string' || !message.trim()) throw invalidInput('message', 'write a question or request (it was empty)');
  if (message.length > MAX_MESSAGE_CHARS) throw invalidInput('message', `at most ${MAX_MESSAGE_CHARS} characters (it had ${message.length})`);
  return message.trim();
}

function emptyReply(status: AgentStatus, threadId: string | null, modelId: string | null): Omit<AgentReply, 'durationMs'> {
  return { status, threadId, text: '', toolCalls: [], approvals: [], usage: NO_USAGE, costUsd: null, steps: 0, modelId };
}

function joinText(...parts: string[]): string {
  return parts.filter(Boolean).join('\n\n');
}

async function settled<T>(value: PromiseLike<T>): Promise<T | undefined> {
  try {
    return await value;
  } catch {
    return undefined;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error);
}

export type { TurnFailure };
