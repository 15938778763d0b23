import type { ModelMessage } from 'ai';
import { toolOutputValue } from '../guardrails/data-envelope.ts';

/** Characters of a tool result kept in plain-text renderings (summaries, counts, display). */
const RESULT_PREVIEW_CHARS = 4_000;

/**
 * A message as plain text: what the user or assistant said, the tools called with their input,
 * and tool results as (shortened) JSON. Used for the stored `text`, summaries and token counts.
 */
export function messageText(message: ModelMessage): string {
  if (typeof message.content === 'string') return message.content;
  const parts: string[] = [];
  for (const part of message.content) {
    if (part.type === 'text') parts.push(part.text);
    else if (part.type === 'tool-call') parts.push(`[called ${part.toolName} ${JSON.stringify(part.input)}]`);
    else if (part.type === 'tool-result') parts.push(`[${part.toolName} returned ${shorten(JSON.stringify(toolOutputValue(part.output)))}]`);
  }
  return parts.join('\n');
}

function shorten(text: string): string {
  return text.length > RESULT_PREVIEW_CHARS ? `${text.slice(0, RESULT_PREVIEW_CHARS)}…` : text;
}
