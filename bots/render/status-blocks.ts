import type { KnownBlock } from '../bolt.ts';
import { escapeMrkdwn } from './slack-limits.ts';

/** The Cancel button on a working message; its value is the thread's conversation key. */
export const CANCEL_TURN_ACTION = 'cancel_turn';

/** What the working message says before the first tool runs. */
export const THINKING = 'Thinking…';

/**
 * The message that stands in the thread while the agent works: what it is doing now and a Cancel
 * button. The answer replaces it (chat.update), so the thread ends with the answer, not a trail.
 */
export function workingMessage(activity: string, threadKey: string): { text: string; blocks: KnownBlock[] } {
  return {
    text: activity,
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: `:hourglass_flowing_sand: ${escapeMrkdwn(activity)}` }] },
      { type: 'actions', block_id: 'working', elements: [{ type: 'button', action_id: CANCEL_TURN_ACTION, value: threadKey, text: { type: 'plain_text', text: 'Cancel' } }] },
    ],
  };
}

/** What replaces the working message when its asker cancelled the turn. */
export function cancelledMessage(slackUserId: string): { text: string; blocks: KnownBlock[] } {
  const text = `Cancelled by <@${slackUserId}>. Ask again whenever you like.`;
  return { text, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `:no_entry_sign: ${text}` }] }] };
}
