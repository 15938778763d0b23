import type { AgentReply } from './agent-events.ts';
import type { PendingConfirmation } from './confirmations/confirmation-store.ts';
import type { AnswerCheckOutcome, AnswerFindings } from './guardrails/answer-check.ts';
import type { AgentToolCall } from './tools/agent-tools.ts';

/** A turn as JSON for outside callers (CLI --json, HTTP): snake_case, every tool call with its input and outcome, usage. */
export function replyJson(reply: AgentReply) {
  return {
    status: reply.status,
    answer: reply.text,
    thread_id: reply.threadId,
    model: reply.modelId,
    tool_calls: reply.toolCalls.map(toolCallJson),
    approvals: reply.approvals,
    usage: {
      input_tokens: reply.usage.inputTokens,
      output_tokens: reply.usage.outputTokens,
      cache_read_tokens: reply.usage.cacheReadTokens,
      cache_write_tokens: reply.usage.cacheWriteTokens,
      cost_usd: reply.costUsd,
    },
    steps: reply.steps,
    duration_ms: reply.durationMs,
    answer_check: reply.check ? answerCheckJson(reply.check) : null,
    data_flags: (reply.dataFlags ?? []).map((flag) => ({ tool_call_id: flag.toolCallId, tool: flag.tool, path: flag.path, signal: flag.signal, excerpt: flag.excerpt })),
    ...(reply.failure ? { failure: reply.failure } : {}),
    ...(reply.confirmations?.length ? { confirmations: reply.confirmations.map(confirmationJson) } : {}),
    ...(reply.decision ? { decision: { confirmation_id: reply.decision.confirmationId, status: reply.decision.status, outcome: reply.decision.outcome, repeated: reply.decision.repeated } } : {}),
  };
}

/** A proposed change as outside callers see it: answer it with POST /api/chat/confirm {thread_id, confirmation_id, decision}. */
export function confirmationJson(confirmation: PendingConfirmation) {
  return {
    confirmation_id: confirmation.id,
    thread_id: confirmation.threadId,
    tool_call_id: confirmation.toolCallId,
    tool: confirmation.tool,
    title: confirmation.title,
    input: confirmation.input,
    summary: confirmation.summary,
    proposed_by: confirmation.proposedById,
  };
}

function answerCheckJson(check: AnswerCheckOutcome) {
  const findings = (found: AnswerFindings | undefined) => found && { unsupported_figures: found.unsupportedFigures, false_claims: found.falseClaims.map((claim) => ({ claim: claim.claim, sentence: claim.sentence, problem: claim.problem, tool: claim.tool ?? null, approval_id: claim.approvalId ?? null })) };
  return { status: check.status, ...(check.findings ? { findings: findings(check.findings) } : {}), ...(check.unverified ? { unverified: findings(check.unverified) } : {}) };
}

export function toolCallJson(call: AgentToolCall) {
  return call.ok ? { id: call.id, name: call.name, input: call.input, ok: true as const, output: call.output } : { id: call.id, name: call.name, input: call.input, ok: false as const, error: call.error, ...(call.declined ? { declined: true } : {}) };
}
