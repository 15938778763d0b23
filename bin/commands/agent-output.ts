import type { AgentEvent, AgentReply } from '../../agent/agent-events.ts';

/** Exit code of a turn: 0 when the agent answered (even at the step limit), 1 otherwise. */
export function exitCodeOf(reply: AgentReply): number {
  return reply.status === 'answered' || reply.status === 'step_limit' ? 0 : 1;
}

/** Streams a turn to the terminal: answer text on stdout, tool activity on stderr. Returns the reply. */
export async function printTurn(events: AsyncIterable<AgentEvent>, options: { answerPrefix?: string } = {}): Promise<AgentReply> {
  const out = process.stdout;
  const err = process.stderr;
  let reply: AgentReply | undefined;
  let midLine = false;
  let answering = false;
  for await (const event of events) {
    if (event.type === 'text') {
      if (!answering && options.answerPrefix) out.write(options.answerPrefix);
      answering = true;
      out.write(event.delta);
      midLine = !event.delta.endsWith('\n');
    } else if (event.type === 'tool-call') {
      if (midLine) out.write('\n');
      midLine = false;
      err.write(`  · ${event.name} ${compact(event.input)}\n`);
    } else if (event.type === 'tool-result' && !event.call.ok) {
      err.write(`  · ${event.call.name} failed: ${event.call.error?.code} ${event.call.error?.message}\n`);
    } else if (event.type === 'done') {
      reply = event.reply;
    }
  }
  if (midLine) out.write('\n');
  if (!reply) throw new Error('the agent ended without a reply');
  return reply;
}

export function usageLine(reply: AgentReply): string {
  const { usage } = reply;
  const cost = reply.costUsd === null ? '' : `, ~$${reply.costUsd.toFixed(4)}`;
  return `(${reply.steps} step${reply.steps === 1 ? '' : 's'}, ${reply.toolCalls.length} tool call${reply.toolCalls.length === 1 ? '' : 's'}, ${usage.inputTokens} in / ${usage.outputTokens} out tokens${usage.cacheReadTokens ? `, ${usage.cacheReadTokens} cached` : ''}${cost}; thread ${reply.threadId})`;
}

function compact(value: unknown): string {
  const text = JSON.stringify(value ?? {});
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
