import type { replyJson, toolCallJson } from '../../../../agent/reply-json.ts';
import { parseServerSentEvents } from '../../../server-sent-events.ts';
import type { ChatContext } from '../pages/chat/page-context.ts';
import { ApiError, errorFromResponse } from './api-error.ts';
import type { ApiClient } from './client.ts';

export type ChatReply = ReturnType<typeof replyJson>;
export type ChatToolResult = ReturnType<typeof toolCallJson>;

export type ChatEvent =
  | { type: 'thread'; data: { thread_id: string } }
  | { type: 'text'; data: { delta: string } }
  | { type: 'tool-call'; data: { id: string; name: string; input: unknown } }
  | { type: 'tool-result'; data: ChatToolResult }
  | { type: 'done'; data: ChatReply }
  | { type: 'error'; data: { code: string; message: string } };

/**
 * One agent turn over POST /api/chat. Events arrive as the model works; the returned promise settles
 * when the stream ends. Errors before the stream starts (no model configured, bad input) reject.
 */
export async function streamChat(
  api: ApiClient,
  request: { message: string; thread_id?: string; context?: ChatContext },
  onEvent: (event: ChatEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await api.post('/chat', request, signal);
  await readEventStream(response, onEvent);
}

/**
 * Hands each event of a chat answer (a text/event-stream response) to `onEvent` as it arrives, its
 * data parsed; settles when the stream ends. A response that is not a stream rejects with its error.
 */
export async function readEventStream<Event extends { type: string; data: unknown }>(response: Response, onEvent: (event: Event) => void): Promise<void> {
  if (!response.ok) throw await errorFromResponse(response);
  if (!response.body) throw new ApiError('internal', 'The answer arrived without a body.', response.status);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const parsed = parseServerSentEvents(buffer + value);
    buffer = parsed.rest;
    for (const { event, data } of parsed.events) onEvent({ type: event, data: JSON.parse(data) } as Event);
  }
}
