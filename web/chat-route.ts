import { Router, type Request, type Response } from 'express';
import type { AgentEvent } from '../agent/agent-events.ts';
import { parseQuestionContext } from '../agent/context/question-context.ts';
import type { Agent } from '../agent/create-agent.ts';
import { NO_MODEL_HELP } from '../agent/model/model-config.ts';
import { confirmationJson, replyJson, toolCallJson } from '../agent/reply-json.ts';
import type { Logger } from '../tools/registry/context.ts';
import { ERROR_SURFACE_MAP, ToolError } from '../tools/registry/errors.ts';
import type { AuthenticatedLocals } from './auth.ts';

/**
 * POST /api/chat `{message, thread_id?, context?}`: one agent turn streamed as server-sent events
 * (`thread`, `text`, `tool-call`, `tool-result`, `confirmation-required` for each change the
 * model proposed, then `done` with the whole reply). Closing the connection cancels the turn.
 * `context` says where the question comes from (`{page: {path, title?}, record: {type, id},
 * display?: 'web' | 'terminal'}`), so "this campaign" means the one on the page. Problems found
 * before the stream starts are ordinary JSON errors (a malformed context: 400 naming the field).
 */
export function chatRoutes(agent: Agent, log: Logger) {
  const router = Router();
  router.post('/chat', async (request: Request, response: Response) => {
    const body = (request.body ?? {}) as { message?: unknown; thread_id?: unknown; context?: unknown };
    if (typeof body.message !== 'string') return sendError(response, new ToolError('invalid_input', 'message: send {"message": "your question"} as JSON', [{ path: 'message', message: 'required string' }]));
    if (body.thread_id !== undefined && typeof body.thread_id !== 'string') return sendError(response, new ToolError('invalid_input', 'thread_id: must be a string (the thread_id of an earlier reply)'));
    let context;
    try {
      context = parseQuestionContext(body.context);
    } catch (error) {
      return sendError(response, error);
    }
    if (!agent.modelId) return sendError(response, new ToolError('unavailable', NO_MODEL_HELP));

    const { principal } = response.locals as AuthenticatedLocals;
    const cancel = cancelOnClose(response);
    await streamTurn(response, agent.stream({ principal: { ...principal, surface: 'WEB' }, message: body.message, thread: body.thread_id ? { threadId: body.thread_id } : undefined, context, abortSignal: cancel.signal }), log);
  });
  return router;
}

/** Cancels the turn when the client goes away before it ends. */
export function cancelOnClose(response: Response): AbortController {
  const cancel = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) cancel.abort();
  });
  return cancel;
}

/** Writes a turn's events as server-sent events; a failure before the first event is an ordinary JSON error. */
export async function streamTurn(response: Response, events: AsyncIterable<AgentEvent>, log: Logger): Promise<void> {
  try {
    for await (const event of events) {
      if (!response.headersSent) response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
      response.write(`event: ${event.type}\ndata: ${JSON.stringify(eventData(event))}\n\n`);
    }
    response.end();
  } catch (error) {
    if (!response.headersSent) return sendError(response, error);
    log.error('chat stream failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    response.end(`event: error\ndata: ${JSON.stringify({ code: 'internal', message: 'The answer failed on our side; it has been logged.' })}\n\n`);
  }
}

function eventData(event: AgentEvent): unknown {
  switch (event.type) {
    case 'thread': return { thread_id: event.threadId };
    case 'text': return { delta: event.delta };
    case 'tool-call': return { id: event.id, name: event.name, input: event.input };
    case 'tool-result': return toolCallJson(event.call);
    case 'confirmation-required': return confirmationJson(event.confirmation);
    case 'done': return replyJson(event.reply);
  }
}

export function sendError(response: Response, error: unknown): void {
  if (!(error instanceof ToolError)) throw error;
  response.status(ERROR_SURFACE_MAP[error.code].httpStatus).json({ error: { code: error.code, message: error.message, ...(error.issues.length ? { issues: error.issues } : {}) } });
}
