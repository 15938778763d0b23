import type { ModelMessage } from 'ai';
import type { AgentEvent } from './agent-events.ts';
import type { RelayedTurn } from './relay-stream.ts';

/** Passes every event but the text through, and returns the relayed turn (whose text is held back). */
export async function* withoutText(relay: AsyncGenerator<AgentEvent, RelayedTurn, undefined>): AsyncGenerator<AgentEvent, RelayedTurn, undefined> {
  for (;;) {
    const next = await relay.next();
    if (next.done) return next.value;
    if (next.value.type !== 'text') yield next.value;
  }
}

/**
 * The turn's messages as stored: when the answer check replaced the answer, the last assistant
 * message carries what the user was shown instead of the rejected draft.
 */
export function withFinalAnswer(messages: readonly ModelMessage[], replacement: string | null): ModelMessage[] {
  const stored = [...messages];
  if (replacement === null) return stored;
  const last = stored.findLastIndex((message) => message.role === 'assistant');
  if (last < 0) return [...stored, { role: 'assistant', content: replacement }];
  const previous = stored[last]!;
  const kept = typeof previous.content === 'string' ? [] : previous.content.filter((part) => part.type !== 'text');
  stored[last] = { ...previous, content: [...kept, { type: 'text', text: replacement }] } as ModelMessage;
  return stored;
}

/**
 * The turn's messages with the assistant's words left out (its tool calls kept): words claiming a
 * change that is only proposed ("I paused the campaign") must not reach the next turn's model as
 * something it said.
 */
export function withoutAssistantText(messages: readonly ModelMessage[]): ModelMessage[] {
  return messages.flatMap((message): ModelMessage[] => {
    if (message.role !== 'assistant') return [message];
    if (typeof message.content === 'string') return [];
    const content = message.content.filter((part) => part.type !== 'text');
    return content.length ? [{ ...message, content }] : [];
  });
}
