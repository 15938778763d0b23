import type { App, BlockButtonAction } from '@slack/bolt';
import { CANCEL_TURN_ACTION } from '../render/status-blocks.ts';
import type { SlackContext } from '../slack-context.ts';

const REFUSALS = {
  not_running: 'That answer has already finished.',
  not_yours: 'Only the person who asked can cancel this answer.',
} as const;

/** The Cancel button on a working message: stops the turn of the person who asked it. */
export function registerTurnActions(app: App, ctx: SlackContext): void {
  app.action<BlockButtonAction>(CANCEL_TURN_ACTION, async ({ ack, action, body, respond }) => {
    await ack();
    const outcome = ctx.turns.cancel(action.value ?? '', body.user.id);
    // The turn replaces its own message with "Cancelled by ..." once the agent has stopped.
    if (outcome !== 'cancelled') await respond({ response_type: 'ephemeral', replace_original: false, text: REFUSALS[outcome] });
  });
}
