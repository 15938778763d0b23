import { describeFailure, ERROR_SURFACE_MAP } from '../../tools/registry/errors.ts';
import type { ToolResult } from '../../tools/registry/runner.ts';
import { cliPrincipal } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { parseOptions, printJson, UsageError } from '../usage.ts';

export const callUsage = 'call TOOL --org S [--role R] [--as EMAIL] [--input JSON]   run one tool; prints its JSON output';

export async function callCommand(runtime: Runtime, args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    org: { type: 'string' },
    role: { type: 'string' },
    as: { type: 'string' },
    input: { type: 'string' },
  }, true);
  const [toolName, ...extra] = positionals;
  if (!toolName) throw new UsageError('call: name the tool to run (see `crescendo tools list`)');
  if (extra.length) throw new UsageError(`call: unexpected argument "${extra[0]}" (pass the input with --input '{...}')`);
  if (!runtime.runner.catalogue.get(toolName)) throw new UsageError(`call: there is no tool named "${toolName}" (see \`crescendo tools list\`)`);
  const input = parseInput(values.input);
  const principal = await cliPrincipal(runtime, values);
  return reportResult(await runtime.runner.call(toolName, input, principal));
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
  return ERROR_SURFACE_MAP[result.error.code].exitCode;
}
