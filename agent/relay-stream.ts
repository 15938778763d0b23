import type { TextStreamPart, ToolSet } from 'ai';
import type { AgentEvent } from './agent-events.ts';
import type { AgentToolCall } from './tools/agent-tools.ts';

export interface RelayedTurn {
  /** What the user was shown, steps separated by a blank line. */
  text: string;
  /** Why the stream stopped early, if it did. */
  failureCause?: unknown;
  /** Calls the model made that wait for the person's confirmation (the turn ended with them). */
  approvalRequests: ApprovalRequestPart[];
}

export interface ApprovalRequestPart {
  approvalId: string;
  toolCallId: string;
  toolName: string;
  input: unknown;
}

/**
 * Turns the AI SDK's stream parts into agent events (text deltas, tool calls, tool results with
 * the runner's typed outcome) and returns the text and any failure once the stream ends.
 */
export async function* relayStream(
  parts: AsyncIterable<TextStreamPart<ToolSet>>,
  toolCalls: readonly AgentToolCall[],
  callerSignal: AbortSignal | undefined,
  declined: (toolCallId: string, toolName: string) => AgentToolCall = (id, name) => ({ id, name, input: {}, ok: false, declined: true }),
): AsyncGenerator<AgentEvent, RelayedTurn, undefined> {
  let text = '';
  const approvalRequests: ApprovalRequestPart[] = [];
  let failureCause: unknown;
  let separatorDue = false;
  for await (const part of parts) {
    if (part.type === 'text-delta') {
      const delta = separatorDue && text ? `\n\n${part.text}` : part.text;
      separatorDue = false;
      text += delta;
      yield { type: 'text', delta };
    } else if (part.type === 'finish-step') {
      separatorDue = true;
    } else if (part.type === 'tool-call') {
      yield { type: 'tool-call', id: part.toolCallId, name: part.toolName, input: part.input };
    } else if (part.type === 'tool-result') {
      const call = toolCalls.find((candidate) => candidate.id === part.toolCallId);
      if (call) yield { type: 'tool-result', call };
    } else if (part.type === 'tool-approval-request') {
      approvalRequests.push({ approvalId: part.approvalId, toolCallId: part.toolCall.toolCallId, toolName: part.toolCall.toolName, input: part.toolCall.input });
    } else if (part.type === 'tool-output-denied') {
      yield { type: 'tool-result', call: declined(part.toolCallId, part.toolName) };
    } else if (part.type === 'error') {
      failureCause = part.error;
    } else if (part.type === 'abort') {
      // Our time limit aborts through the SDK's own signal; only the caller's signal means "cancelled".
      failureCause ??= callerSignal?.aborted ? new DOMException('The caller cancelled the turn', 'AbortError') : new DOMException(part.reason ?? 'The turn timed out', 'TimeoutError');
    }
  }
  return { text, failureCause, approvalRequests };
}
