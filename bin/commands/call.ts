import { describeFailure } from '../../tools/registry/errors.ts';
import type { ToolResult } from '../../tools/registry/runner.ts';
import type { AttachedServer } from '../attached-server.ts';
import type { Command } from '../command-catalogue.ts';
import { cliPrincipal } from '../command-context.ts';
import { cliExitCode } from '../exit-codes.ts';
import type { Runtime } from '../runtime.ts';
import { parseOptions, printJson, UsageError } from '../usage.ts';

function parseCall(args: string[]) {
  const { values, positionals } = parseOptions(args, {
    org: { type: 'string' },
    role: { type: 'string' },
    as: { type: 'string' },
    input: { type: 'string' },
  }, true);
  const [toolName, ...extra] = positionals;
  if (!toolName) throw new UsageError('call: name the tool to run (see `crescendo tools list`)');
  if (extra.length) throw new UsageError(`call: unexpected argument "${extra[0]}" (pass the input with --input '{...}')`);
  return { toolName, identity: { org: values.org, role: values.role, as: values.as }, input: parseInput(values.input) };
}

export const callCommandEntry: Command = {
  checkArgs: (args) => void parseCall(args),
  async run(runtime: Runtime, args: string[]) {
    const { toolName, identity, input } = parseCall(args);
    if (!runtime.runner.catalogue.get(toolName)) throw unknownTool(toolName);
    return reportResult(await runtime.runner.call(toolName, input, await cliPrincipal(runtime, identity)));
  },
  async attached(server: AttachedServer, args: string[]) {
    const { toolName, identity, input } = parseCall(args);
    // An unknown tool comes back as not_found, exit 2 like the local check.
    return reportResult(await server.callTool(identity, toolName, input));
  },
};

function unknownTool(toolName: string): UsageError {
  return new UsageError(`call: there is no tool named "${toolName}" (see \`crescendo tools list\`)`);
}

function parseInput(text: string | undefined): unknown {
  if (text === undefined) return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--input is not valid JSON: ${(error as Error).message}`);
  }
}

/** Prints a tool result the CLI way: output JSON on stdout, or the error on stderr with its exit code. */
export function reportResult(result: ToolResult): number {
  if (result.ok) {
    printJson(result.output);
    return 0;
  }
  process.stderr.write(`${describeFailure(result.error)}\n`);
  return cliExitCode(result.error.code);
}
