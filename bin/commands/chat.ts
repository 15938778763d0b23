import { createInterface } from 'node:readline';
import type { Command } from '../command-catalogue.ts';
import { parseOptions } from '../usage.ts';
import { localAgent, serverAgent, type AgentBackend } from './agent-backend.ts';
import { printTurn, usageLine } from './agent-output.ts';

function parseChat(args: string[]) {
  const { values } = parseOptions(args, {
    org: { type: 'string' },
    role: { type: 'string' },
    as: { type: 'string' },
    thread: { type: 'string' },
  });
  return { identity: { org: values.org, role: values.role, as: values.as }, thread: values.thread };
}

export const chatCommandEntry: Command = {
  checkArgs: (args) => void parseChat(args),
  async run(runtime, args) {
    const request = parseChat(args);
    return chat(await localAgent(runtime, request.identity), request.thread);
  },
  async attached(server, args) {
    const request = parseChat(args);
    return chat(await serverAgent(server, request.identity), request.thread);
  },
};

/** A terminal conversation: one thread, continued turn by turn; Ctrl-C cancels the current answer. */
async function chat(agent: AgentBackend, thread: string | undefined): Promise<number> {
  const model = await agent.model();
  if (model.id === null) {
    process.stderr.write(`${model.help}\n`);
    return 1;
  }
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  let threadId = thread;
  let turn: AbortController | null = null;
  // Ctrl-C during an answer cancels that answer; at the prompt it leaves.
  terminal.on('SIGINT', () => (turn ? turn.abort() : terminal.close()));
  process.stdout.write(`Crescendo agent (${model.id}${agent.where}) for ${agent.role.toLowerCase()} in this organisation. /new starts a new conversation, /exit leaves.\n`);
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
      let reply = await printTurn(agent.turn(line, threadId, turn.signal), { answerPrefix: '\ncrescendo> ' });
      // Each change the agent proposes waits for y (run it, as this member) or anything else (cancel it).
      while (reply.status === 'confirmation_required' && reply.confirmations?.length) {
        for (const confirmation of reply.confirmations) {
          process.stdout.write(`\n${confirmation.summary} [y/N] `);
          const answer = await lines.next();
          const decision = !answer.done && /^y(es)?$/i.test(answer.value.trim()) ? 'confirm' : 'cancel';
          if (!process.stdin.isTTY) process.stdout.write(`${answer.done ? '' : answer.value}\n`);
          reply = await printTurn(agent.decide(confirmation.thread_id, confirmation.confirmation_id, decision, turn.signal), { answerPrefix: '\ncrescendo> ' });
        }
      }
      turn = null;
      threadId = reply.thread_id ?? threadId;
      process.stderr.write(`${usageLine(reply)}\n`);
    }
  } finally {
    terminal.close();
  }
  return 0;
}
