import type { PendingConfirmation } from '../../agent/confirmations/confirmation-store.ts';
import type { KnownBlock } from '../bolt.ts';
import { escapeMrkdwn } from './slack-limits.ts';

export const CONFIRM_CHANGE_ACTION = 'confirm_agent_change';
export const CANCEL_CHANGE_ACTION = 'cancel_agent_change';

/** What a Confirm or Cancel button carries: the agent thread, the proposal, and the Slack thread to answer in. */
export function changeButtonValue(confirmation: PendingConfirmation, threadTs: string): string {
  return [confirmation.threadId, confirmation.id, threadTs].join('|');
}

export function parseChangeButtonValue(value: string): { threadId: string; confirmationId: string; threadTs: string } | null {
  const [threadId, confirmationId, threadTs] = value.split('|');
  return threadId && confirmationId && threadTs ? { threadId, confirmationId, threadTs } : null;
}

/** A change the assistant proposed, in words, with Confirm and Cancel: nothing changes until someone confirms. */
export function confirmationMessage(confirmation: PendingConfirmation, threadTs: string): { text: string; blocks: KnownBlock[] } {
  const value = changeButtonValue(confirmation, threadTs);
  const text = `Confirm this change? ${confirmation.summary}`;
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `:pencil2: *Confirm this change?*\n${escapeMrkdwn(confirmation.summary)}\n_Nothing changes until you confirm._` } },
      {
        type: 'actions', block_id: `change:${confirmation.id}`, elements: [
          { type: 'button', action_id: CONFIRM_CHANGE_ACTION, value, style: 'primary', text: { type: 'plain_text', text: 'Confirm' } },
          { type: 'button', action_id: CANCEL_CHANGE_ACTION, value, text: { type: 'plain_text', text: 'Cancel' } },
        ],
      },
    ],
  };
}

/** The proposal once decided: the buttons go, who decided stays. */
export function decidedChangeMessage(summary: string, decision: 'confirmed' | 'cancelled', slackUserId: string): { text: string; blocks: KnownBlock[] } {
  const text = `${decision === 'confirmed' ? 'Confirmed' : 'Cancelled'} by <@${slackUserId}>: ${summary}`;
  return { text, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: `${decision === 'confirmed' ? ':white_check_mark:' : ':no_entry_sign:'} ${escapeMrkdwn(text)}` }] }] };
}
