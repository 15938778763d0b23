import { createInterface } from 'node:readline';
import { NO_MODEL_HELP } from '../../agent/model/model-config.ts';
import { cliPrincipal } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { parseOptions } from '../usage.ts';
import { printTurn, usageLine } from './agent-output.ts';

/** A terminal conversation: one thread, continued turn by turn; Ctrl-C cancels the current answer. */
export async function chatCommand(runtime: Runtime, args: string[]): Promise<number> {
  const { values } = parseOptions(args, {
    org: { type: 'string' },
    role: { type: 'string' },
    as: { type: 'string' },
    thread: { type: 'string' },
  });
  const principal = await cliPrincipal(runtime, values);
  if (!runtime.agent.modelId) {
    process.stderr.write(`${NO_MODEL_HELP}\n`);
    return 1;
  }
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  let threadId = values.thread;
  let turn: AbortController | null = null;
  // Ctrl-C during an answer cancels that answer; at the prompt it leaves.
  terminal.on('SIGINT', () => (turn ? turn.abort() : terminal.close()));
  process.stdout.write(`Crescendo agent (${runtime.agent.modelId}) for ${principal.role.toLowerCase()} in this organisation. /new starts a new conversation, /exit leaves.\n`);
  // The line iterator buffers, so piped input loses no line while an answer is streaming.
  const lines = terminal[Symbol.asyncIterator]();
  try {
    for (;;) {
      process.stdout.write('\nyou> ');
      const next = await lines.next();
      if (next.done) break; // Ctrl-D, or the end of piped input
      const line = next.value.trim();
      if (!line) continue;
      if (line === '/exit' || line === '/quit') break;
      if (line === '/new') {
        threadId = undefined;
        process.stdout.write('(new conversation)\n');
        continue;
      }
      turn = new AbortController();
      if (!process.stdin.isTTY) process.stdout.write(`${line}\n`);
      const reply = await printTurn(runtime.agent.stream({ principal, message: line, thread: threadId ? { threadId } : undefined, abortSignal: turn.signal }), { answerPrefix: '\ncrescendo> ' });
      turn = null;
      threadId = reply.threadId ?? threadId;
      process.stderr.write(`${usageLine(reply)}\n`);
    }
  } finally {
    terminal.close();
  }
  return 0;
}
