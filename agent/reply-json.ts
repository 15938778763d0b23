import type { AgentReply } from './agent-events.ts';
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
  };
}

function answerCheckJson(check: AnswerCheckOutcome) {
  const findings = (found: AnswerFindings | undefined) => found && { unsupported_figures: found.unsupportedFigures, false_claims: found.falseClaims.map((claim) => ({ claim: claim.claim, sentence: claim.sentence, problem: claim.problem, tool: claim.tool ?? null, approval_id: claim.approvalId ?? null })) };
  return { status: check.status, ...(check.findings ? { findings: findings(check.findings) } : {}), ...(check.unverified ? { unverified: findings(check.unverified) } : {}) };
}

export function toolCallJson(call: AgentToolCall) {
  return call.ok ? { id: call.id, name: call.name, input: call.input, ok: true, output: call.output } : { id: call.id, name: call.name, input: call.input, ok: false, error: call.error };
}
