import { DatabaseLockedError } from '../db/pglite.ts';
import { MigrationError } from '../db/migrate/migrate.ts';
import { approvalsCommand, approvalsUsage } from './commands/approvals.ts';
import { askCommand, askUsage } from './commands/ask.ts';
import { callCommand, callUsage } from './commands/call.ts';
import { chatCommand, chatUsage } from './commands/chat.ts';
import { dbCommand, dbUsage } from './commands/db.ts';
import { importCommand, importUsage } from './commands/import.ts';
import { mcpCommand, mcpUsage } from './commands/mcp.ts';
import { orgCommand, orgUsage } from './commands/org.ts';
import { slackCommand, slackUsage } from './commands/slack.ts';
import { startCommand, startPort, startUsage } from './commands/start.ts';
import { tokenCommand, tokenUsage } from './commands/token.ts';
import { toolsCommand, toolsUsage } from './commands/tools-list.ts';
import { workerCommand, workerUsage } from './commands/worker.ts';
import { ConfigError, describeEnvironment, loadConfig } from './config.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { UsageError } from './usage.ts';
import { ToolError, ERROR_SURFACE_MAP } from '../tools/registry/errors.ts';

interface Command {
  run(runtime: Runtime, args: string[]): Promise<number>;
  /** `db migrate` reports the migration itself; everything else migrates silently first. */
  migrateFirst?: (args: string[]) => boolean;
}

const COMMANDS: Record<string, Command> = {
  start: { run: (runtime) => startCommand(runtime) },
  db: { run: dbCommand, migrateFirst: (args) => args[0] !== 'migrate' },
  org: { run: orgCommand },
  token: { run: tokenCommand },
  tools: { run: toolsCommand },
  call: { run: callCommand },
  approvals: { run: approvalsCommand },
  import: { run: importCommand },
  mcp: { run: mcpCommand },
  ask: { run: askCommand },
  chat: { run: chatCommand },
  slack: { run: slackCommand },
  worker: { run: workerCommand },
};

function usage(): string {
  const commands = [startUsage, ...dbUsage, orgUsage, tokenUsage, toolsUsage, callUsage, mcpUsage, ...approvalsUsage, importUsage, askUsage, chatUsage, workerUsage, ...slackUsage];
  const environment = describeEnvironment().map((variable) => `  ${variable.name.padEnd(22)} ${variable.description}`);
  return [
    'usage: crescendo COMMAND [options]',
    '',
    ...commands.map((line) => `  crescendo ${line}`),
    '',
    'Exit codes: 0 success, 2 bad usage or input, 1 any other failure.',
    '',
    'Environment:',
    ...environment,
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown command "${name}"; run \`crescendo help\``);
  const config = loadConfig(process.env, name === 'start' ? { port: startPort(args) } : {});
  const runtime = await openRuntime(config, { migrate: command.migrateFirst?.(args) ?? true, quiet: name !== 'start' && name !== 'worker', redisJobs: name === 'start' || name === 'worker' });
  try {
    return await command.run(runtime, args);
  } finally {
    await runtime.close();
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError) return 2;
  if (error instanceof ToolError) return ERROR_SURFACE_MAP[error.code].exitCode;
  return 1;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const known = error instanceof UsageError || error instanceof ConfigError || error instanceof ToolError || error instanceof DatabaseLockedError || error instanceof MigrationError;
  process.stderr.write(`error: ${known ? (error as Error).message : ((error as Error)?.stack ?? String(error))}\n`);
  process.exitCode = exitCodeFor(error);
}
