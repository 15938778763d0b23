import { stepCountIs, streamText, type JSONValue, type LanguageModel, type ModelMessage, type TextStreamPart, type ToolSet } from 'ai';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { glossaryMarkdown } from '../tools/glossary.ts';
import { silentLogger, type Logger } from '../tools/registry/context.ts';
import { invalidInput, notFound } from '../tools/registry/errors.ts';
import type { Principal, ToolRunner } from '../tools/registry/runner.ts';
import type { AgentEvent, AgentReply, AgentStatus, DecisionReport } from './agent-events.ts';
import { ConfirmationStore, type ConfirmationDecision, type ConfirmationOutcome, type PendingConfirmation } from './confirmations/confirmation-store.ts';
import { openApprovalRequests, toolsNeedingConfirmation } from './confirmations/confirmation-policy.ts';
import { describeCall } from './confirmations/describe-call.ts';
import { messageText } from './threads/message-text.ts';
import { isBudgetExceeded } from './budget/budget-exceeded.ts';
import { meteredModel } from './budget/metered-model.ts';
import { ModelMeter } from './budget/model-meter.ts';
import { describeTurnFailure, type TurnFailure } from './errors/provider-failure.ts';
import type { AnswerCheckOutcome } from './guardrails/answer-check.ts';
import { uncheckedActionClaims } from './guardrails/action-claims.ts';
import { reviewAnswer } from './guardrails/answer-review.ts';
import { filedApprovals, missingApprovalNotice } from './guardrails/approval-notice.ts';
import { newDataEnvelope } from './guardrails/data-envelope.ts';
import type { AgentContext } from './context/question-context.ts';
import { groundingContext } from './guardrails/grounding-context.ts';
import { modelCorrector } from './guardrails/model-corrector.ts';
import type { DataFlag } from './guardrails/instruction-detector.ts';
import type { AgentModel } from './model/agent-model.ts';
import { NO_MODEL_HELP } from './model/model-config.ts';
import { estimateCostUsd } from './model/model-prices.ts';
import { buildInstructions, stablePrompt } from './prompt/system-prompt.ts';
import { relayStream } from './relay-stream.ts';
import { loadSessionFacts } from './session-facts.ts';
import { withFinalAnswer, withoutAssistantText, withoutText } from './turn-text.ts';
import { compactHistory, DEFAULT_HISTORY_BUDGET, type HistoryBudget } from './threads/compact-history.ts';
import { ThreadStore, type StoredThread, type ThreadRef } from './threads/thread-store.ts';
import { buildAgentTools, toModelResult, type AgentToolCall } from './tools/agent-tools.ts';
import type { ApprovalRequestPart } from './relay-stream.ts';
import { addFromSteps, offeringOnly, toolsForTurn } from './tools/offered-tools.ts';
import { addUsage, NO_USAGE, toTurnUsage, type TurnUsage } from './usage.ts';

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
  /** Where the question comes from: the page and record on screen, the Slack thread, a terminal. */
  context?: AgentContext;
  abortSignal?: AbortSignal;
}

export interface Agent {
  /** The model in use, or null. */
  readonly modelId: string | null;
  /** One turn as events (text deltas, tool calls and results), ending with `done`. */
  stream(request: AgentRequest): AsyncGenerator<AgentEvent, void, undefined>;
  /** One turn, waited for. */
  ask(request: AgentRequest): Promise<AgentReply>;
  /** Confirms or cancels a proposed change and continues the turn that proposed it, as events ending with `done`. */
  decide(request: DecisionRequest): AsyncGenerator<AgentEvent, void, undefined>;
  /** The same, waited for. */
  decideAndWait(request: DecisionRequest): Promise<AgentReply>;
}

export interface DecisionRequest {
  /** Who decides (they must see the thread; the confirmed call runs as them). */
  principal: Principal;
  threadId: string;
  confirmationId: string;
  decision: ConfirmationDecision;
  /** Where the decision was made (as on AgentRequest). */
  context?: AgentContext;
  abortSignal?: AbortSignal;
}

interface TurnInput {
  principal: Principal;
  thread: StoredThread;
  /** The question the answer check reads (the thread's last question when a decision continues a turn). */
  question: string;
  /** What this turn adds before the model answers: the question, or the person's decisions. */
  newMessages: ModelMessage[];
  startedAt: number;
  abortSignal?: AbortSignal;
  /** Inputs of proposed calls by tool call id, to report a declined one with what it would have done. */
  declinedInputs?: ReadonlyMap<string, unknown>;
  /** The proposals whose decisions `newMessages` carries. */
  answering?: readonly ApprovalRequestPart[];
  /** Where the question (or decision) comes from. */
  context?: AgentContext;
}

/**
 * A decisions message as plain tool results (what each confirmed call returned, or its denial), for
 * a turn that failed before the SDK stored them: the thread must never hold a call without a result.
 */
function resultsOfDecisions(message: ModelMessage, answering: readonly ApprovalRequestPart[], calls: readonly AgentToolCall[]): ModelMessage[] {
  if (!Array.isArray(message.content)) return [];
  const results = message.content.flatMap((part) => {
    if (part.type === 'tool-result') return [part];
    if (part.type !== 'tool-approval-response') return [];
    const request = answering.find((candidate) => candidate.approvalId === part.approvalId);
    if (!request) return [];
    const call = calls.find((candidate) => candidate.id === request.toolCallId && !candidate.declined);
    const output = call
      ? { type: 'json' as const, value: JSON.parse(JSON.stringify(toModelResult(call.ok ? { ok: true, output: call.output } : { ok: false, error: call.error! }))) as JSONValue }
      : { type: 'execution-denied' as const, reason: part.approved ? 'the turn failed before this change ran: it was not made.' : DECLINED };
    return [{ type: 'tool-result' as const, toolCallId: request.toolCallId, toolName: request.toolName, output }];
  });
  return results.length ? [{ role: 'tool', content: results }] : [];
}

/** What the model reads for a change the person cancelled. */
export const DECLINED = 'the person declined: this change was not made. Do not retry it unless they ask again.';
/** What it reads for a proposal left undecided when the person asked something else. */
const LAPSED = 'the person asked something else instead of confirming: this change was not made.';

async function lastReply(events: AsyncGenerator<AgentEvent, void, undefined>): Promise<AgentReply> {
  for await (const event of events) if (event.type === 'done') return event.reply;
  throw new Error('the agent stream ended without a reply');
}

/**
 * The agent: an AI SDK tool loop over the registry. Each turn checks the daily budget, loads the
 * thread (summarising it when long), offers the role's permitted tools, streams the model's steps
 * (every tool call through the ToolRunner, every result inside a data envelope), checks the
 * answer's figures and action claims against what the tools returned and did (one correction,
 * then a visible note), enforces the approval wording, and stores the turn with its usage.
 */
export function createAgent(deps: AgentDeps): Agent {
  const limits: AgentLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const log = deps.log ?? silentLogger;
  const now = deps.now ?? (() => new Date());
  const store = new ThreadStore(deps.prisma);
  const confirmations = new ConfirmationStore(deps.prisma);

  async function* stream(request: AgentRequest): AsyncGenerator<AgentEvent, void, undefined> {
    const startedAt = performance.now();
    const message = checkMessage(request.message);
    if (!deps.model) {
      yield* noModel(startedAt);
      return;
    }
    const { principal } = request;
    const thread = await store.open(principal, principal.surface, request.thread ?? {}, message);
    yield { type: 'thread', threadId: thread.id };
    // Changes still waiting when a new question arrives lapse: the model hears they were not made.
    const waiting = await confirmations.pending(principal.orgId, thread.id);
    await confirmations.lapse(principal, waiting.map((proposal) => proposal.id));
    const lapsed: ModelMessage[] = waiting.length
      ? [{ role: 'tool', content: waiting.map((proposal) => ({ type: 'tool-result' as const, toolCallId: proposal.toolCallId, toolName: proposal.tool, output: { type: 'execution-denied' as const, reason: LAPSED } })) }]
      : [];
    yield* runTurn({ principal, thread, question: message, newMessages: [...lapsed, { role: 'user', content: message }], startedAt, abortSignal: request.abortSignal, context: request.context });
  }

  /**
   * The person's Confirm or Cancel on a proposed change. The first decision is claimed atomically;
   * a repeated one runs nothing and reports the first outcome. Once every proposal of the turn is
   * decided, the turn continues: the SDK runs the confirmed calls (through the runner, as this
   * person) and tells the model the cancelled ones were declined, and the model answers.
   */
  async function* decide(request: DecisionRequest): AsyncGenerator<AgentEvent, void, undefined> {
    const startedAt = performance.now();
    if (request.decision !== 'confirm' && request.decision !== 'cancel') throw invalidInput('decision', 'confirm or cancel');
    if (typeof request.confirmationId !== 'string' || !request.confirmationId) throw invalidInput('confirmation_id', 'the id of the proposed change (from the confirmation-required event)');
    if (!deps.model) {
      yield* noModel(startedAt);
      return;
    }
    const { principal } = request;
    const thread = await store.open(principal, principal.surface, { threadId: request.threadId }, '');
    yield { type: 'thread', threadId: thread.id };
    const claimed = await confirmations.claim(principal, thread.id, request.confirmationId, request.decision);
    const finish = (status: AgentStatus, text: string, decision?: DecisionReport): AgentEvent =>
      ({ type: 'done', reply: { ...emptyReply(status, thread.id, deps.model?.modelId ?? null), text, ...(decision ? { decision } : {}), durationMs: Math.round(performance.now() - startedAt) } });
    if (!claimed) {
      const earlier = await confirmations.find(principal.orgId, thread.id, request.confirmationId);
      if (!earlier) throw notFound('proposed change', request.confirmationId);
      const status = earlier.status === 'CONFIRMED' ? 'confirmed' : 'cancelled';
      // A cancelled change never ran at all: "nothing ran again" would say it had.
      const text = status === 'cancelled'
        ? 'This change was already cancelled; it was not made.'
        : `This change was already confirmed${earlier.outcome ? '' : ' and is running'}; it runs once, not again.`;
      yield { type: 'text', delta: text };
      yield finish('already_decided', text, { confirmationId: earlier.id, status, outcome: earlier.outcome, repeated: true });
      return;
    }
    const history = await store.recentMessages(principal.orgId, thread);
    const requested = openApprovalRequests(history.map((stored) => stored.message));
    const decisions = await confirmations.decisions(principal.orgId, requested.map((part) => part.approvalId));
    const status = request.decision === 'confirm' ? 'confirmed' : 'cancelled';
    if (requested.some((part) => decisions.get(part.approvalId) === 'PENDING')) {
      const text = `Noted (${status}). The other proposed changes still wait for a decision; I continue once each is confirmed or cancelled.`;
      yield { type: 'text', delta: text };
      yield finish('awaiting_confirmation', text, { confirmationId: request.confirmationId, status, outcome: null, repeated: false });
      return;
    }
    const responses: ModelMessage = {
      role: 'tool',
      content: requested.map((part) => (decisions.get(part.approvalId) === 'CONFIRMED'
        ? { type: 'tool-approval-response' as const, approvalId: part.approvalId, approved: true }
        : { type: 'tool-approval-response' as const, approvalId: part.approvalId, approved: false, reason: DECLINED })),
    };
    const question = [...history].reverse().find((stored) => stored.message.role === 'user');
    const decided = requested.find((part) => part.approvalId === request.confirmationId);
    for await (const event of runTurn({ principal, thread, question: question ? messageText(question.message) : '', newMessages: [responses], answering: requested, startedAt, abortSignal: request.abortSignal, context: request.context, declinedInputs: new Map(requested.map((part) => [part.toolCallId, part.input])) })) {
      if (event.type !== 'done') {
        yield event;
        continue;
      }
      const call = decided && event.reply.toolCalls.find((candidate) => candidate.id === decided.toolCallId);
      const outcome: ConfirmationOutcome | null = status === 'confirmed' && call && !call.declined
        ? (call.ok ? { ok: true, output: call.output } : { ok: false, error: { code: call.error?.code ?? 'internal', message: call.error?.message ?? 'the call failed' } })
        : null;
      if (outcome) await confirmations.recordOutcome(principal.orgId, request.confirmationId, outcome);
      yield { type: 'done', reply: { ...event.reply, decision: { confirmationId: request.confirmationId, status, outcome, repeated: false } } };
    }
  }

  async function* noModel(startedAt: number): AsyncGenerator<AgentEvent, void, undefined> {
    yield { type: 'text', delta: NO_MODEL_HELP };
    yield { type: 'done', reply: { ...emptyReply('no_model', null, null), text: NO_MODEL_HELP, durationMs: Math.round(performance.now() - startedAt) } };
  }

  async function* runTurn(turn: TurnInput): AsyncGenerator<AgentEvent, void, undefined> {
    const { principal, thread, newMessages, startedAt } = turn;
    const model = deps.model!;
    const finish = (reply: Omit<AgentReply, 'durationMs'>): AgentEvent => ({ type: 'done', reply: { ...reply, durationMs: Math.round(performance.now() - startedAt) } });
    const facts = await loadSessionFacts(deps.prisma, principal, now(), turn.context);
    // Every model call of the turn asks the daily budget first and records what it used.
    const meter = new ModelMeter(deps.prisma, { principal, timeZone: facts.organization.timeZone, modelId: model.modelId, threadId: thread.id }, now, log);
    const refusal = await meter.admit().then(() => null, (error: unknown) => {
      if (isBudgetExceeded(error)) return error;
      throw error;
    });
    if (refusal) {
      yield { type: 'text', delta: refusal.message };
      await store.recordTurn(principal.orgId, thread.id, { messages: [...newMessages, { role: 'assistant', content: refusal.message }] });
      yield finish({ ...emptyReply('budget_exceeded', thread.id, model.modelId), text: refusal.message });
      return;
    }

    const history = await compactHistory({
      store, model: meteredModel(model.languageModel, meter, 'SUMMARY'), counter: model.tokenCounter, budget: limits.history, log,
      orgId: principal.orgId, thread, system: stablePrompt(), history: await store.recentMessages(principal.orgId, thread), abortSignal: turn.abortSignal,
    });
    const toolCalls: AgentToolCall[] = [];
    const confirmFirst = await toolsNeedingConfirmation(deps.runner, deps.prisma, principal);
    // One boundary for the turn's outside text: tool results and the record the page shows.
    const envelope = newDataEnvelope();
    const tools = buildAgentTools(deps.runner, principal, (call) => toolCalls.push(call), envelope, confirmFirst);
    // The model sees a few tools at a time: the core, find_tools, and what the thread used or found.
    const available = new Set(Object.keys(tools));
    const offered = toolsForTurn(available, history.messages);
    const answerModel = (purpose: 'ANSWER' | 'CORRECTION'): LanguageModel => offeringOnly(meteredModel(model.languageModel, meter, purpose), () => offered);
    const instructions = buildInstructions({ ...facts, threadSummary: history.summary }, envelope);
    const conversation = [...withCacheBreakpoint(history.messages), ...newMessages];

    const result = streamText({
      model: answerModel('ANSWER'),
      instructions,
      messages: conversation,
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
      abortSignal: turn.abortSignal,
      timeout: { totalMs: limits.turnTimeoutMs },
      // Errors arrive as stream parts and are reported once, below, with a reference id.
      onError: () => {},
    });

    // A cancelled proposal is a call that never ran: the answer check must not count it as done.
    const declined = (id: string, name: string): AgentToolCall => {
      const call: AgentToolCall = { id, name, input: turn.declinedInputs?.get(id) ?? {}, ok: false, declined: true, error: { code: 'forbidden', message: DECLINED } };
      toolCalls.push(call);
      return call;
    };
    // Tool activity streams as it happens; the answer's text is held back until it has been checked.
    const { text, failureCause, approvalRequests } = yield* withoutText(relayStream(result.fullStream as AsyncIterable<TextStreamPart<ToolSet>>, toolCalls, turn.abortSignal, declined));
    const dataFlags = toolCalls.flatMap((call) => call.dataFlags ?? []);
    if (dataFlags.length) log.warn('instruction-like text in tool results', { thread: thread.id, flags: dataFlags.map((flag) => `${flag.tool} ${flag.path}: ${flag.signal}`) });

    const approvals = filedApprovals(toolCalls);
    if (failureCause !== undefined && isToolChoiceViolation(failureCause)) {
      // A model that ignores "no more tools" on the last step (some local servers do) ran out of steps.
      const shown = joinText(text, stepLimitNotice(limits.maxSteps), missingApprovalNotice(text, approvals) ?? '');
      yield { type: 'text', delta: shown };
      await store.recordTurn(principal.orgId, thread.id, { messages: [...newMessages, { role: 'assistant', content: shown }], dataFlags });
      yield finish({ ...emptyReply('step_limit', thread.id, model.modelId), text: shown, toolCalls, approvals, steps: limits.maxSteps, dataFlags });
      return;
    }
    if (failureCause !== undefined) {
      const failure = describeTurnFailure(failureCause, { timeoutMs: limits.turnTimeoutMs });
      if (failure.kind === 'budget') log.info('agent turn stopped by the daily budget', { thread: thread.id });
      else log.error('agent turn failed', { reference: failure.reference, thread: thread.id, error: errorText(failureCause) });
      const shown = joinText(text, missingApprovalNotice(text, approvals) ?? '', failure.message);
      yield { type: 'text', delta: shown };
      // The question, and what already ran, stay in the thread: tool calls took effect before the
      // failure, and the next turn must know that instead of repeating a write.
      const completed = (await settled(result.steps)) ?? [];
      const usage = completed.map((step) => toTurnUsage(step.usage)).reduce(addUsage, history.usage);
      const ran = describeToolCallsThatRan(toolCalls);
      // Decisions this turn answered are kept as the calls' results, so the proposing message's calls stay answered.
      const kept = newMessages.flatMap((message): ModelMessage[] => (message.role === 'user' ? [message] : message.role === 'tool' ? resultsOfDecisions(message, turn.answering ?? [], toolCalls) : []));
      const messages: ModelMessage[] = ran ? [...kept, { role: 'assistant', content: joinText(text, ran) }] : kept;
      await store.recordTurn(principal.orgId, thread.id, { messages, usage, costUsd: estimateCostUsd(model.modelId, usage), dataFlags })
        .catch((error) => log.error('storing a failed turn failed', { error: String(error) }));
      yield finish({ ...emptyReply(failureStatus(failure), thread.id, model.modelId), text: shown, toolCalls, approvals, failure, usage, steps: completed.length, dataFlags });
      return;
    }

    const steps = await result.steps;
    let usage = addUsage(toTurnUsage(await result.totalUsage), history.usage);
    const responseMessages: ModelMessage[] = [...(await result.responseMessages)];

    if (approvalRequests.length) {
      // The model proposed changes: nothing was changed; the turn ends with them for the person to decide.
      const proposals = await Promise.all(approvalRequests.map(async (part): Promise<PendingConfirmation> => {
        const tool = deps.runner.catalogue.get(part.toolName)!;
        const input = tool.input.parse(part.input) as Record<string, unknown>;
        return {
          id: part.approvalId, threadId: thread.id, toolCallId: part.toolCallId, tool: part.toolName, title: tool.title,
          input: JSON.parse(JSON.stringify(input)) as unknown, summary: await describeCall(deps.prisma, principal.orgId, tool, givenFieldsOf(input, part.input)), proposedById: principal.userId,
        };
      }));
      await confirmations.propose(principal.orgId, proposals);
      for (const confirmation of proposals) yield { type: 'confirmation-required', confirmation };
      // Nothing ran yet: words that say it did ("I paused the campaign") are withheld, not shown beside the question.
      const claimsDone = uncheckedActionClaims(text, toolCalls, (name) => deps.runner.catalogue.get(name)?.access).length > 0;
      const shown = joinText(claimsDone ? '' : text, `Waiting for your confirmation before changing anything:\n${proposals.map((proposal) => `- ${proposal.summary}`).join('\n')}`);
      yield { type: 'text', delta: shown };
      const costUsd = estimateCostUsd(model.modelId, usage);
      const proposing = claimsDone ? withoutAssistantText(responseMessages) : responseMessages;
      await store.recordTurn(principal.orgId, thread.id, { messages: [...newMessages, ...proposing], usage, costUsd, dataFlags });
      yield finish({ status: 'confirmation_required', threadId: thread.id, text: shown, toolCalls, approvals, usage, costUsd, steps: steps.length, modelId: model.modelId, check: { status: 'skipped' }, dataFlags, confirmations: proposals });
      return;
    }
    const status: AgentStatus = steps.at(-1)?.finishReason === 'tool-calls' ? 'step_limit' : 'answered';

    let answer = text;
    let check: AnswerCheckOutcome = { status: 'skipped' };
    if (status === 'answered' && text) {
      const correct = modelCorrector({
        model: answerModel('CORRECTION'), instructions, messages: [...conversation, ...responseMessages], tools,
        maxRetries: limits.maxRetries, maxOutputTokens: limits.maxOutputTokens, timeoutMs: limits.turnTimeoutMs, abortSignal: turn.abortSignal, log,
      });
      const reviewed = await reviewAnswer({
        answer: text, question: turn.question, toolCalls, context: groundingContext(history.messages, history.summary, glossaryMarkdown()),
        accessOf: (name) => deps.runner.catalogue.get(name)?.access,
      }, correct);
      answer = reviewed.text;
      check = reviewed.outcome;
      if (reviewed.usage) usage = addUsage(usage, reviewed.usage);
    }

    const notices = [
      status === 'step_limit' ? stepLimitNotice(steps.length) : '',
      missingApprovalNotice(answer, approvals) ?? '',
      !answer && status === 'answered' ? 'The model returned no answer text; please ask again.' : '',
    ].filter(Boolean);
    const shown = joinText(answer, ...notices);
    if (shown) yield { type: 'text', delta: shown };
    const stored = withFinalAnswer(responseMessages, answer === text ? null : answer);
    if (notices.length) stored.push({ role: 'assistant', content: notices.join('\n\n') });
    const costUsd = estimateCostUsd(model.modelId, usage);
    await store.recordTurn(principal.orgId, thread.id, { messages: [...newMessages, ...stored], usage, costUsd, answerCheck: check, dataFlags });
    yield finish({ status, threadId: thread.id, text: shown, toolCalls, approvals, usage, costUsd, steps: steps.length, modelId: model.modelId, check, dataFlags });
  }

  return {
    modelId: deps.model?.modelId ?? null,
    stream,
    decide,
    async ask(request) {
      return lastReply(stream(request));
    },
    async decideAndWait(request) {
      return lastReply(decide(request));
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

/** The validated input, limited to the fields the model gave (the sentence leaves defaults out). */
function givenFieldsOf(input: Record<string, unknown>, raw: unknown): Record<string, unknown> {
  const given = raw && typeof raw === 'object' ? Object.keys(raw) : [];
  return Object.fromEntries(Object.entries(input).filter(([field]) => given.includes(field)));
}

function failureStatus(failure: TurnFailure): AgentStatus {
  if (failure.kind === 'cancelled') return 'cancelled';
  return failure.kind === 'budget' ? 'budget_exceeded' : 'failed';
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
  return { status, threadId, text: '', toolCalls: [], approvals: [], usage: NO_USAGE, costUsd: null, steps: 0, modelId, check: { status: 'skipped' }, dataFlags: [] };
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

export type { DataFlag, TurnFailure, TurnUsage };
