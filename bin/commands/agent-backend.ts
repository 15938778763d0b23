import type { AgentReply } from '../../agent/agent-events.ts';
import type { AgentContext } from '../../agent/context/question-context.ts';
import type { ConfirmationDecision } from '../../agent/confirmations/confirmation-store.ts';
import { NO_MODEL_HELP } from '../../agent/model/model-config.ts';
import { replyJson } from '../../agent/reply-json.ts';
import { NO_USAGE } from '../../agent/usage.ts';
import { ToolError, type ToolErrorCode } from '../../tools/registry/errors.ts';
import type { Role } from '../../tools/registry/roles.ts';
import { parseServerSentEvents } from '../../web/server-sent-events.ts';
import type { AttachedServer } from '../attached-server.ts';
import { cliPrincipal, type CliIdentityOptions } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { turnEvents, type TurnEvent } from './agent-output.ts';

/** Where `ask` and `chat` run their turns: this process's agent, or the running server's chat API. */
export interface AgentBackend {
  /** The role the turns run as (the flags, resolved: exit 2 when they name no member). */
  role: Role;
  /** ` through URL` when the server answers, for the chat banner. */
  where: string;
  /** The configured model, or the sentence saying how to configure one. */
  model(): Promise<{ id: string } | { id: null; help: string }>;
  turn(message: string, threadId: string | undefined, signal: AbortSignal): AsyncIterable<TurnEvent>;
  /** Confirms or cancels a change the agent proposed, and continues its turn. */
  decide(threadId: string, confirmationId: string, decision: ConfirmationDecision, signal: AbortSignal): AsyncIterable<TurnEvent>;
}

/** Answers here are printed in a terminal, also when the server's chat API runs the turn (its surface is then the web's). */
const TERMINAL = { display: 'terminal' } as const satisfies AgentContext;

export async function localAgent(runtime: Runtime, identity: CliIdentityOptions): Promise<AgentBackend> {
  const principal = await cliPrincipal(runtime, identity);
  const modelId = runtime.agent.modelId;
  return {
    role: principal.role,
    where: '',
    model: async () => (modelId ? { id: modelId } : { id: null, help: NO_MODEL_HELP }),
    turn: (message, threadId, signal) => turnEvents(runtime.agent.stream({ principal, message, thread: threadId ? { threadId } : undefined, context: TERMINAL, abortSignal: signal })),
    decide: (threadId, confirmationId, decision, signal) => turnEvents(runtime.agent.decide({ principal, threadId, confirmationId, decision, context: TERMINAL, abortSignal: signal })),
  };
}

/**
 * The running server's agent over POST /api/chat, as the member the flags name: its model and its
 * keys, whatever this shell's environment says. Closing the request (Ctrl-C) cancels the turn there.
 */
export async function serverAgent(server: AttachedServer, identity: CliIdentityOptions): Promise<AgentBackend> {
  const { token, role } = await server.member(identity);
  const headers = { authorization: `Bearer ${token}` };
  return {
    role,
    where: ` through the server at ${server.url}`,
    async model() {
      const response = await fetch(`${server.url}/api/chat`, { headers });
      const status = (await response.json()) as { model?: string | null; help?: string };
      return status.model ? { id: status.model } : { id: null, help: `${status.help ?? NO_MODEL_HELP}\n${serverModelNote(server.url)}` };
    },
    async *turn(message, threadId, signal) {
      let turnThread = threadId ?? null;
      try {
        for await (const event of chatTurn(`${server.url}/api/chat`, server.url, headers, { message, ...(threadId ? { thread_id: threadId } : {}), context: TERMINAL }, signal)) {
          if (event.type === 'thread') turnThread = event.data.thread_id;
          yield event;
        }
      } catch (error) {
        // Ctrl-C closed the request, so the server cancelled the turn and sends no `done`.
        if (!signal.aborted) throw error;
        yield* endedTurn('cancelled', turnThread, 'The answer was cancelled before it finished.');
      }
    },
    async *decide(threadId, confirmationId, decision, signal) {
      try {
        yield* chatTurn(`${server.url}/api/chat/confirm`, server.url, headers, { thread_id: threadId, confirmation_id: confirmationId, decision, context: TERMINAL }, signal);
      } catch (error) {
        if (!signal.aborted) throw error;
        yield* endedTurn('cancelled', threadId, 'The answer was cancelled before it finished.');
      }
    },
  };
}

/** One POST /api/chat (or /api/chat/confirm): its server-sent events, or the refusal it answered before streaming. */
async function* chatTurn(endpoint: string, url: string, headers: Record<string, string>, body: Record<string, unknown>, signal: AbortSignal): AsyncGenerator<TurnEvent> {
  const response = await fetch(endpoint, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
  if (!response.ok) {
    const failure = ((await response.json()) as { error?: { code: ToolErrorCode; message: string } }).error;
    // The chat API refuses before streaming when the server has no model: the same turn as here.
    if (failure?.code === 'unavailable') {
      process.stderr.write(`${serverModelNote(url)}\n`);
      yield* endedTurn('no_model', null, failure.message);
    } else throw new ToolError(failure?.code ?? 'internal', failure?.message ?? `the server answered ${response.status}`);
    return;
  }
  for await (const { event, data } of serverSentEvents(response.body!)) {
    const parsed: unknown = JSON.parse(data);
    if (event === 'error') {
      const failure = parsed as { code: ToolErrorCode; message: string };
      throw new ToolError(failure.code, failure.message);
    }
    yield { type: event, data: parsed } as TurnEvent;
  }
}

/** This shell's variables do not reach the server: say whose environment decides. */
function serverModelNote(url: string): string {
  return `(The server at ${url} answered, as it holds this data folder: set the variable where \`crescendo start\` runs, then restart it.)`;
}

/** A turn the server did not run to its end, told as the agent tells one: the sentence, then the reply. */
function* endedTurn(status: 'no_model' | 'cancelled', threadId: string | null, text: string): Generator<TurnEvent> {
  const reply: AgentReply = { status, threadId, text, toolCalls: [], approvals: [], usage: NO_USAGE, costUsd: null, steps: 0, modelId: null, durationMs: 0 };
  yield { type: 'text', data: { delta: text } };
  yield { type: 'done', data: replyJson(reply) };
}

/** A text/event-stream body as `{event, data}` pairs; an event split across chunks waits for its end. */
async function* serverSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<{ event: string; data: string }> {
  let buffer = '';
  for await (const chunk of body.pipeThrough(new TextDecoderStream())) {
    const parsed = parseServerSentEvents(buffer + chunk);
    buffer = parsed.rest;
    yield* parsed.events;
  }
}
