import type { AttachedServer } from './attached-server.ts';
import type { Runtime } from './runtime.ts';

/** What a command module exports: how it runs on an opened runtime, and optionally through a running server. */
export interface Command {
  run(runtime: Runtime, args: string[]): Promise<number>;
  /**
   * Runs through `crescendo start` when it holds the embedded database (a second process cannot
   * open it): the same tools and agent over the server's HTTP API, /api/chat and /mcp, as the member
   * the flags name; administrative commands (org, token, slack, db) through its local admin routes.
   */
  attached?(server: AttachedServer, args: string[]): Promise<number>;
  /** Runs without any database (only the tool catalogue): never waits for one. */
  withoutDatabase?(args: string[]): Promise<number>;
  /** Checks the flags before any database opens, so a typo is answered at once. */
  checkArgs?: (args: string[]) => void;
  /** Settings the flags decide before the runtime opens (`start --port`). */
  configOverrides?: (args: string[]) => { port?: number };
  /** `db migrate` reports the migration itself; everything else migrates silently first. */
  migrateFirst?: (args: string[]) => boolean;
}

export interface CommandEntry {
  /** One line per form, as `crescendo --help` and `crescendo COMMAND --help` print them. */
  usage: readonly string[];
  /** Loaded only when this command runs, so `--help` and light commands start fast. */
  load(): Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  start: {
    usage: ['start [--port N]   serve the web UI, the HTTP API, /mcp and /health (embedded database and demo data on first start)'],
    load: async () => (await import('./commands/start.ts')).startCommandEntry,
  },
  db: {
    usage: [
      'db migrate   apply pending migrations (idempotent; while `crescendo start` runs, it confirms the schema that server applied, or says to restart it)',
      'db seed --org SLUG [--scale N]   create a demo organisation with realistic data',
    ],
    load: async () => (await import('./commands/db.ts')).dbCommandEntry,
  },
  org: {
    usage: ['org create --name N --slug S [--currency USD] [--time-zone Europe/Madrid] [--owner EMAIL]   prints {id, slug, ...}'],
    load: async () => (await import('./commands/org.ts')).orgCommandEntry,
  },
  token: {
    usage: ['token create --org S --role R --user EMAIL [--name N]   prints the token once (only its hash is kept); adds EMAIL as a member with role R if new'],
    load: async () => (await import('./commands/token.ts')).tokenCommandEntry,
  },
  tools: {
    usage: ['tools list [--json]   every tool with its area, access and title'],
    load: async () => (await import('./commands/tools-list.ts')).toolsCommandEntry,
  },
  call: {
    usage: ['call TOOL --org S [--role R] [--as EMAIL] [--input JSON]   run one tool; prints its JSON output'],
    load: async () => (await import('./commands/call.ts')).callCommandEntry,
  },
  mcp: {
    usage: ['mcp --org S [--role R] [--as EMAIL] [--toolsets a,b|all] [--read-only]   serve the tools over MCP on stdio (core tools plus discovery; --toolsets preloads areas)'],
    load: async () => (await import('./commands/mcp.ts')).mcpCommandEntry,
  },
  approvals: {
    usage: [
      'approvals list --org S [--status pending|approved|rejected|executed|failed|decided|any] [--json]',
      'approvals approve|reject ID --org S [--as EMAIL] [--comment C]   decide; prints the request after its action ran',
    ],
    load: async () => (await import('./commands/approvals.ts')).approvalsCommandEntry,
  },
  import: {
    usage: ['import KIND FILE_OR_DIR --org S [--as EMAIL] [--dry-run]   load files through the KIND import tool (--dry-run checks without storing; exit 2 when a file is rejected)'],
    load: async () => (await import('./commands/import.ts')).importCommandEntry,
  },
  ask: {
    usage: ['ask "QUESTION" --org S [--json] [--yes] [--thread ID] [--role R] [--as EMAIL]   ask the agent once (the running server\'s, while `crescendo start` runs); changes it proposes run only with --yes; --json prints the answer, tool calls and token usage'],
    load: async () => (await import('./commands/ask.ts')).askCommandEntry,
  },
  chat: {
    usage: ['chat --org S [--thread ID] [--role R] [--as EMAIL]   talk to the agent in the terminal (/new starts over, /exit or Ctrl-D leaves)'],
    load: async () => (await import('./commands/chat.ts')).chatCommandEntry,
  },
  worker: {
    usage: ['worker [--concurrency N] [--no-schedules]   run the job workers and per-organisation schedules against REDIS_URL until stopped'],
    load: async () => (await import('./commands/worker.ts')).workerCommandEntry,
  },
  slack: {
    usage: [
      'slack connect --team TEAM_ID --org S [--name N]   bind a Slack workspace to an organisation (its events, commands and clicks act there)',
      'slack link --team TEAM_ID --slack-user U --user EMAIL --org S   link a Slack user to a member explicitly (else their confirmed Slack email is used)',
    ],
    load: async () => (await import('./commands/slack.ts')).slackCommandEntry,
  },
};

/** `usage: crescendo ...` for one command, for its --help and its usage errors. */
export function commandUsage(name: string): string {
  return `usage: ${COMMANDS[name]!.usage.map((line) => `crescendo ${line}`).join('\n       ')}`;
}
