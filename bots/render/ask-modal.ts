import type { types } from '@slack/bolt';

/** The modal "Ask about this" opens, and its one input. */
export const DIGEST_ASK_VIEW = 'digest_ask_modal';
export const QUESTION_BLOCK = 'question';
export const QUESTION_INPUT = 'question';

/** Where the answer goes: the digest message's thread. Carried in the view's private_metadata. */
export interface AskTarget {
  channel: string;
  messageTs: string;
  /** The digest's day, so the agent knows which digest the question is about. */
  date: string;
}

/** A question box about one digest; the answer is posted in that digest's thread. */
export function askModal(target: AskTarget): types.ModalView {
  return {
    type: 'modal',
    callback_id: DIGEST_ASK_VIEW,
    private_metadata: JSON.stringify(target),
    title: { type: 'plain_text', text: 'Ask about this digest' },
    submit: { type: 'plain_text', text: 'Ask' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: QUESTION_BLOCK,
        label: { type: 'plain_text', text: `Your question about the digest of ${target.date}` },
        element: { type: 'plain_text_input', action_id: QUESTION_INPUT, multiline: true, max_length: 2000, placeholder: { type: 'plain_text', text: 'Why did spend on Meta jump yesterday?' } },
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: "I'll answer in the digest's thread; reply there to continue." }] },
    ],
  };
}
