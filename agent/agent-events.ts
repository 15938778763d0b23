import type { ApprovalPending } from '../tools/registry/approval-request.ts';
import type { ConfirmationOutcome, PendingConfirmation } from './confirmations/confirmation-store.ts';
import type { TurnFailure } from './errors/provider-failure.ts';
import type { AnswerCheckOutcome } from './guardrails/answer-check.ts';
import type { DataFlag } from './guardrails/instruction-detector.ts';
import type { AgentToolCall } from './tools/agent-tools.ts';
import type { TurnUsage } from './usage.ts';

/**
 * answered: the model finished. step_limit: it was still calling tools at the step limit.
 * failed / cancelled: the provider failed, the turn timed out, or the caller cancelled.
 * no_model: no model is configured; the text says how to configure one.
 * budget_exceeded: a daily model budget (organisation or person) is used up; the text says whose and until when.
 * confirmation_required: the model proposed changes (`confirmations`); nothing was changed, the turn
 * continues once the person confirms or cancels each.
 * already_decided: a repeated decision on a proposal; `decision` carries the first one's outcome.
 * awaiting_confirmation: a decision was recorded; other proposals of the same turn still wait.
 */
export type AgentStatus = 'answered' | 'step_limit' | 'failed' | 'cancelled' | 'no_model' | 'budget_exceeded' | 'confirmation_required' | 'already_decided' | 'awaiting_confirmation';

/** How a decision on a proposed change went. */
export interface DecisionReport {
  confirmationId: string;
  status: 'confirmed' | 'cancelled';
  /** What the confirmed call returned (null for a cancelled one). */
  outcome: ConfirmationOutcome | null;
  /** The decision had been made before: nothing ran (again). */
  repeated: boolean;
}

/** The outcome of one turn, as every surface reports it. */
export interface AgentReply {
  status: AgentStatus;
  threadId: string | null;
  /** Everything the user was shown, including guardrail notices and the failure sentence. */
  text: string;
  toolCalls: AgentToolCall[];
  /** Approval requests the turn filed: pending until a person decides. */
  approvals: ApprovalPending[];
  usage: TurnUsage;
  /** Estimated from list prices; null for unpriced models. */
  costUsd: number | null;
  steps: number;
  modelId: string | null;
  failure?: TurnFailure;
  durationMs: number;
  /** How the answer check went (figures and action claims against the tools' results and calls). */
  check?: AnswerCheckOutcome;
  /** Instruction-like text found in the turn's tool results (flagged, never obeyed). */
  dataFlags?: DataFlag[];
  /** Changes the model proposed this turn, waiting for the person's Confirm or Cancel. */
  confirmations?: PendingConfirmation[];
  /** On a turn continued by a decision: what was decided and what the call returned. */
  decision?: DecisionReport;
}

/** What a streaming surface receives, in order; `done` is always last. */
export type AgentEvent =
  | { type: 'thread'; threadId: string }
  | { type: 'text'; delta: string }
  | { type: 'tool-call'; id: string; name: string; input: unknown }
  | { type: 'tool-result'; call: AgentToolCall }
  | { type: 'confirmation-required'; confirmation: PendingConfirmation }
  | { type: 'done'; reply: AgentReply };
