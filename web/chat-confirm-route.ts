import { Router, type Request, type Response } from 'express';
import type { Agent } from '../agent/create-agent.ts';
import { parseQuestionContext } from '../agent/context/question-context.ts';
import { NO_MODEL_HELP } from '../agent/model/model-config.ts';
import type { Logger } from '../tools/registry/context.ts';
import { ToolError } from '../tools/registry/errors.ts';
import type { AuthenticatedLocals } from './auth.ts';
import { cancelOnClose, sendError, streamTurn } from './chat-route.ts';

/**
 * POST /api/chat/confirm `{thread_id, confirmation_id, decision: "confirm" | "cancel", context?}`: the
 * person's answer to a `confirmation-required` event. A confirmed change runs once, as the caller,
 * through the registry; a cancelled one never runs and the model is told it was declined. The turn
 * then continues, streamed like POST /api/chat and ending with `done`, whose `decision` carries the
 * call's outcome. Deciding again runs nothing: `done` has status `already_decided` and the first outcome.
 * `context` is POST /api/chat's (a terminal attached to the server sends its display, so the rest of
 * the turn is written for it).
 */
export function chatConfirmRoute(agent: Agent, log: Logger) {
  const router = Router();
  router.post('/chat/confirm', async (request: Request, response: Response) => {
    const body = (request.body ?? {}) as { thread_id?: unknown; confirmation_id?: unknown; decision?: unknown; context?: unknown };
    for (const field of ['thread_id', 'confirmation_id'] as const) {
      if (typeof body[field] !== 'string' || !body[field]) return sendError(response, new ToolError('invalid_input', `${field}: required string (from the confirmation-required event)`, [{ path: field, message: 'required string' }]));
    }
    if (body.decision !== 'confirm' && body.decision !== 'cancel') return sendError(response, new ToolError('invalid_input', 'decision: "confirm" or "cancel"', [{ path: 'decision', message: 'confirm or cancel' }]));
    let context;
    try {
      context = parseQuestionContext(body.context);
    } catch (error) {
      return sendError(response, error);
    }
    if (!agent.modelId) return sendError(response, new ToolError('unavailable', NO_MODEL_HELP));
    const { principal } = response.locals as AuthenticatedLocals;
    const cancel = cancelOnClose(response);
    await streamTurn(response, agent.decide({
      principal: { ...principal, surface: 'WEB' }, threadId: body.thread_id as string, confirmationId: body.confirmation_id as string, decision: body.decision, context, abortSignal: cancel.signal,
    }), log);
  });
  return router;
}
