import { cliPrincipal } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { parseOptions, printJson, UsageError } from '../usage.ts';
import { replyJson } from '../../agent/reply-json.ts';
import { exitCodeOf, printTurn, usageLine } from './agent-output.ts';

export async function askCommand(runtime: Runtime, args: string[]): Promise<number> {
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
  const principal = await cliPrincipal(runtime, values);
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const request = { principal, message: positionals[0]!, thread: values.thread ? { threadId: values.thread } : undefined, abortSignal: cancel.signal };
    if (values.json) {
      const reply = await runtime.agent.ask(request);
      printJson(replyJson(reply));
      return exitCodeOf(reply);
    }
    const reply = await printTurn(runtime.agent.stream(request));
    if (reply.status !== 'no_model') process.stderr.write(`${usageLine(reply)}\n`);
    return exitCodeOf(reply);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
