import type { AgentEvent } from '../../agent/agent-events.ts';
import { EXIT_USAGE } from '../exit-codes.ts';
import { confirmationJson, replyJson, toolCallJson } from '../../agent/reply-json.ts';

export type ReplyJson = ReturnType<typeof replyJson>;

/**
 * One turn's events as POST /api/chat streams them (event name and JSON data), whichever process
 * ran the agent: the CLI prints a turn the same way from its own agent and from a running server.
 */
export type TurnEvent =
  | { type: 'thread'; data: { thread_id: string } }
  | { type: 'text'; data: { delta: string } }
  | { type: 'tool-call'; data: { id: string; name: string; input: unknown } }
  | { type: 'tool-result'; data: ReturnType<typeof toolCallJson> }
  | { type: 'confirmation-required'; data: ReturnType<typeof confirmationJson> }
  | { type: 'done'; data: ReplyJson };

/** This process's agent events in the chat API's shape. */
export async function* turnEvents(events: AsyncIterable<AgentEvent>): AsyncGenerator<TurnEvent> {
  for await (const event of events) {
    switch (event.type) {
      case 'thread': yield { type: 'thread', data: { thread_id: event.threadId } }; break;
      case 'text': yield { type: 'text', data: { delta: event.delta } }; break;
      case 'tool-call': yield { type: 'tool-call', data: { id: event.id, name: event.name, input: event.input } }; break;
      case 'tool-result': yield { type: 'tool-result', data: toolCallJson(event.call) }; break;
      case 'confirmation-required': yield { type: 'confirmation-required', data: confirmationJson(event.confirmation) }; break;
      case 'done': yield { type: 'done', data: replyJson(event.reply) }; break;
    }
  }
}

/**
 * Exit code of a turn: 0 when the agent answered (even at the step limit); 2 when it proposed
 * changes nobody confirmed (the caller can confirm them: `ask --yes`); 1 otherwise.
 */
export function exitCodeOf(reply: Pick<ReplyJson, 'status'>): number {
  if (reply.status === 'confirmation_required') return EXIT_USAGE;
  return reply.status === 'answered' || reply.status === 'step_limit' || reply.status === 'already_decided' ? 0 : 1;
}

/** The turn's reply, printing nothing (for --json). */
export async function finalReply(events: AsyncIterable<TurnEvent>): Promise<ReplyJson> {
  for await (const event of events) if (event.type === 'done') return event.data;
  throw new Error('the agent ended without a reply');
}

/** Streams a turn to the terminal: answer text on stdout, tool activity on stderr. Returns the reply. */
export async function printTurn(events: AsyncIterable<TurnEvent>, options: { answerPrefix?: string } = {}): Promise<ReplyJson> {
  const out = process.stdout;
  const err = process.stderr;
  let reply: ReplyJson | undefined;
  let midLine = false;
  let answering = false;
  for await (const event of events) {
    if (event.type === 'text') {
      if (!answering && options.answerPrefix) out.write(options.answerPrefix);
      answering = true;
      out.write(event.data.delta);
      midLine = !event.data.delta.endsWith('\n');
    } else if (event.type === 'tool-call') {
      if (midLine) out.write('\n');
      midLine = false;
      err.write(`  · ${event.data.name} ${compact(event.data.input)}\n`);
    } else if (event.type === 'tool-result' && !event.data.ok) {
      err.write(event.data.declined ? `  · ${event.data.name} declined: not done\n` : `  · ${event.data.name} failed: ${event.data.error?.code} ${event.data.error?.message}\n`);
    } else if (event.type === 'done') {
      reply = event.data;
    }
  }
  if (midLine) out.write('\n');
  if (!reply) throw new Error('the agent ended without a reply');
  return reply;
}

export function usageLine(reply: ReplyJson): string {
  const { usage } = reply;
  const cost = usage.cost_usd === null ? '' : `, ~$${usage.cost_usd.toFixed(4)}`;
  const calls = reply.tool_calls.length;
  return `(${reply.steps} step${reply.steps === 1 ? '' : 's'}, ${calls} tool call${calls === 1 ? '' : 's'}, ${usage.input_tokens} in / ${usage.output_tokens} out tokens${usage.cache_read_tokens ? `, ${usage.cache_read_tokens} cached` : ''}${cost}; thread ${reply.thread_id})`;
}

function compact(value: unknown): string {
  const text = JSON.stringify(value ?? {});
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
