import type { Database } from '../db/database.ts';
import type { AttachedServer } from './attached-server.ts';
import type { Command } from './command-catalogue.ts';
import { commandUsage } from './command-catalogue.ts';
import { parseOptions, printJson, required, UsageError } from './usage.ts';

/** What an administrative command produced: JSON for stdout, and a sentence for stderr. */
export interface AdminOutcome {
  output: unknown;
  notice?: string;
}

/** Flag values by name without dashes (`time-zone`), as typed. */
export type AdminFlags = Record<string, string | undefined>;

/**
 * One subcommand of an administrative command (`org create`, `token create`, `slack connect`,
 * `db seed`): work on the whole install rather than inside one organisation's tools, so it needs
 * the database itself. It runs in the CLI's process when the CLI can open the database, and in the
 * server through POST /local/admin/COMMAND/SUB while `crescendo start` holds the embedded one: the
 * same code with the same flag-naming errors either way.
 */
export interface AdminSubcommand {
  /** The flags it takes; all are text. */
  flags: readonly string[];
  /** Flags without which it cannot start, checked before any database opens. */
  required?: readonly string[];
  run(database: Database, flags: AdminFlags): Promise<AdminOutcome>;
  /** What the running server does instead of `run`, when that differs (`db migrate` reports, never migrates under it). */
  inServer?(database: Database, flags: AdminFlags): Promise<AdminOutcome>;
}

export type AdminSubcommands = Readonly<Record<string, AdminSubcommand>>;

/** A command whose subcommands are administrative: run on the database, or by the running server. */
export function adminCommandEntry(command: string, subcommands: AdminSubcommands, options: Pick<Command, 'migrateFirst'> = {}): Command {
  const parse = (args: string[]) => {
    const [name, ...rest] = args;
    const subcommand = name === undefined ? undefined : subcommands[name];
    if (!name || !subcommand) throw new UsageError(commandUsage(command));
    const { values } = parseOptions(rest, Object.fromEntries(subcommand.flags.map((flag) => [flag, { type: 'string' as const }])));
    return { name, subcommand, flags: checkFlags(subcommand, values as AdminFlags) };
  };
  return {
    ...options,
    checkArgs: (args) => void parse(args),
    async run(runtime, args) {
      const { subcommand, flags } = parse(args);
      return printOutcome(await subcommand.run(runtime.database, flags));
    },
    async attached(server: AttachedServer, args) {
      const { name, flags } = parse(args);
      return printOutcome(await server.admin(command, name, flags));
    },
  };
}

/** The flags a subcommand was sent (by the CLI, or over HTTP to the server), checked the same way. */
export function checkFlags(subcommand: AdminSubcommand, values: Record<string, unknown>): AdminFlags {
  const flags: AdminFlags = {};
  for (const [name, value] of Object.entries(values)) {
    if (!subcommand.flags.includes(name)) throw new UsageError(`unknown flag --${name}`);
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new UsageError(`--${name} needs a value`);
    flags[name] = value;
  }
  for (const name of subcommand.required ?? []) required(flags[name], `--${name}`);
  return flags;
}

export function printOutcome(outcome: AdminOutcome): number {
  printJson(outcome.output);
  if (outcome.notice) process.stderr.write(`${outcome.notice}\n`);
  return 0;
}
