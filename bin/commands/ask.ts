import type { Command } from '../command-catalogue.ts';
import { parseOptions, printJson, UsageError } from '../usage.ts';
import { localAgent, serverAgent, type AgentBackend } from './agent-backend.ts';
import { exitCodeOf, finalReply, printTurn, usageLine } from './agent-output.ts';

function parseAsk(args: string[]) {
  const { values, positionals } = parseOptions(args, {
    org: { type: 'string' },
    role: { type: 'string' },
    as: { type: 'string' },
    thread: { type: 'string' },
    json: { type: 'boolean' },
  }, true);
  if (positionals.length !== 1 || !positionals[0]!.trim()) {
    throw new UsageError(positionals.length > 1 ? `ask: quote the question as one argument (got ${positionals.length} words)` : 'ask: give the question, in quotes');
  }
  return { question: positionals[0]!, identity: { org: values.org, role: values.role, as: values.as }, thread: values.thread, json: values.json ?? false };
}

export const askCommandEntry: Command = {
  checkArgs: (args) => void parseAsk(args),
  async run(runtime, args) {
    const request = parseAsk(args);
    return ask(await localAgent(runtime, request.identity), request);
  },
  async attached(server, args) {
    const request = parseAsk(args);
    return ask(await serverAgent(server, request.identity), request);
  },
};

async function ask(agent: AgentBackend, request: ReturnType<typeof parseAsk>): Promise<number> {
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const events = agent.turn(request.question, request.thread, cancel.signal);
    if (request.json) {
      const reply = await finalReply(events);
      printJson(reply);
      return exitCodeOf(reply);
    }
    const reply = await printTurn(events);
    if (reply.status !== 'no_model') process.stderr.write(`${usageLine(reply)}\n`);
    return exitCodeOf(reply);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
