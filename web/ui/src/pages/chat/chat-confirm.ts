import type { confirmationJson } from '../../../../../agent/reply-json.ts';
import { readEventStream, type ChatEvent } from '../../api/chat-stream.ts';
import type { ApiClient } from '../../api/client.ts';

export type ChatConfirmation = ReturnType<typeof confirmationJson>;

/** The chat stream's events, with the change the assistant proposed and waits on. */
export type ChatPageEvent = ChatEvent | { type: 'confirmation-required'; data: ChatConfirmation };

/**
 * The person's Confirm or Cancel over POST /api/chat/confirm: the confirmed change runs once, as
 * them; then the turn continues, streamed like a question's answer.
 */
export async function streamDecision(
  api: ApiClient,
  confirmation: ChatConfirmation,
  decision: 'confirm' | 'cancel',
  onEvent: (event: ChatPageEvent) => void,
  signal?: AbortSignal,
): Promise<void> {
  const response = await api.post('/chat/confirm', { thread_id: confirmation.thread_id, confirmation_id: confirmation.confirmation_id, decision }, signal);
  await readEventStream(response, onEvent);
}
