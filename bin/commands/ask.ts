import type { Command } from '../command-catalogue.ts';
import { parseOptions, printJson, UsageError } from '../usage.ts';
import { localAgent, serverAgent, type AgentBackend } from './agent-backend.ts';
import { exitCodeOf, finalReply, printTurn, usageLine, type TurnEvent } from './agent-output.ts';

function parseAsk(args: string[]) {
  const { values, positionals } = parseOptions(args, {
    org: { type: 'string' },
    role: { type: 'string' },
    as: { type: 'string' },
    thread: { type: 'string' },
    json: { type: 'boolean' },
    yes: { type: 'boolean' },
  }, true);
  if (positionals.length !== 1 || !positionals[0]!.trim()) {
    throw new UsageError(positionals.length > 1 ? `ask: quote the question as one argument (got ${positionals.length} words)` : 'ask: give the question, in quotes');
  }
  return { question: positionals[0]!, identity: { org: values.org, role: values.role, as: values.as }, thread: values.thread, json: values.json ?? false, yes: values.yes ?? false };
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

/**
 * One question. Changes the agent proposes run only with --yes (each confirmed, as this member,
 * and the turn continued); without it nothing is changed, the proposals are listed, and the exit
 * code is 2, as for anything the caller can put right.
 */
async function ask(agent: AgentBackend, request: ReturnType<typeof parseAsk>): Promise<number> {
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  const show = (events: AsyncIterable<TurnEvent>) => (request.json ? finalReply(events) : printTurn(events));
  try {
    let reply = await show(agent.turn(request.question, request.thread, cancel.signal));
    while (reply.status === 'confirmation_required' && reply.confirmations && request.yes) {
      for (const confirmation of reply.confirmations) {
        if (!request.json) process.stderr.write(`  · confirmed (--yes): ${confirmation.summary}\n`);
        reply = await show(agent.decide(confirmation.thread_id, confirmation.confirmation_id, 'confirm', cancel.signal));
      }
    }
    if (request.json) printJson(reply);
    else if (reply.status === 'confirmation_required') process.stderr.write(`Nothing was changed. These changes run only with --yes:\n${(reply.confirmations ?? []).map((confirmation) => `  - ${confirmation.summary} (${confirmation.tool} ${JSON.stringify(confirmation.input)})`).join('\n')}\n`);
    if (!request.json && reply.status !== 'no_model') process.stderr.write(`${usageLine(reply)}\n`);
    return exitCodeOf(reply);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
