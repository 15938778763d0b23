import { findAttachedServer } from './attached-server.ts';
import { COMMANDS, commandUsage, type Command } from './command-catalogue.ts';
import { ConfigError, describeEnvironment, loadConfig } from './config.ts';
import { cliExitCode, EXIT_FAILURE, EXIT_USAGE } from './exit-codes.ts';
import { UsageError, wantsHelp } from './usage.ts';
import { VERSION } from './version.ts';
import { ToolError } from '../tools/registry/errors.ts';

function usage(): string {
  const commands = Object.values(COMMANDS).flatMap((entry) => entry.usage);
  const environment = describeEnvironment().map((variable) => `  ${variable.name.padEnd(22)} ${variable.description}`);
  return [
    'usage: crescendo COMMAND [options]   (crescendo COMMAND --help for one command; crescendo --version)',
    '',
    ...commands.map((line) => `  crescendo ${line}`),
    '',
    'While `crescendo start` holds the embedded database, the other commands go through it.',
    'Exit codes: 0 success; 2 anything the caller can fix (bad usage or input, an unknown id or name, an action the role may not take); 1 anything else.',
    '',
    'Environment:',
    ...environment,
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`crescendo ${VERSION}\n`);
    return 0;
  }
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : EXIT_USAGE;
  }
  const entry = COMMANDS[name];
  if (!entry) throw new UsageError(`unknown command "${name}"; run \`crescendo --help\``);
  if (wantsHelp(args)) {
    process.stdout.write(`${commandUsage(name)}\n`);
    return 0;
  }
  const command = await entry.load();
  command.checkArgs?.(args);
  if (command.withoutDatabase) return command.withoutDatabase(args);
  const config = loadConfig(process.env, command.configOverrides?.(args) ?? {});
  // A running server holds the embedded database (PGlite admits one process): go through it.
  const server = command.attached && !config.databaseUrl ? findAttachedServer(config.dataDir) : null;
  if (server && command.attached) return command.attached(server, args);
  return runOnDatabase(command, name, args, config);
}

async function runOnDatabase(command: Command, name: string, args: string[], config: ReturnType<typeof loadConfig>): Promise<number> {
  const { openRuntime } = await import('./runtime.ts');
  const runtime = await openRuntime(config, { migrate: command.migrateFirst?.(args) ?? true, quiet: name !== 'start' && name !== 'worker', redisJobs: name === 'start' || name === 'worker' });
  try {
    return await command.run(runtime, args);
  } finally {
    await runtime.close();
  }
}

/** Errors a person can act on print their message alone; anything else is a fault and prints its stack. */
const EXPECTED_ERRORS = new Set(['UsageError', 'ConfigError', 'ToolError', 'DatabaseLockedError', 'MigrationError']);

function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError) return EXIT_USAGE;
  if (error instanceof ToolError) return cliExitCode(error.code);
  return EXIT_FAILURE;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const expected = error instanceof Error && EXPECTED_ERRORS.has(error.name);
  process.stderr.write(`error: ${expected ? (error as Error).message : ((error as Error)?.stack ?? String(error))}\n`);
  process.exitCode = exitCodeFor(error);
}
