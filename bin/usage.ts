import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearestFlag } from './flag-suggestion.ts';

/** Bad usage or input: the CLI exits with 2 and this message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict option parsing whose complaints become usage errors naming the flag (and the one meant). */
export function parseOptions<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(unknownFlagMessage(message, Object.keys(options)));
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`${message.replace(/^Unexpected argument '(.*)'.*$/s, 'unexpected argument "$1"')}: pass values after their flag (--flag VALUE)`);
    throw new UsageError(message.replace(/^TypeError \[[A-Z_]+\]: /, '').replace(/^Option '(-\w, )?(--[\w-]+) <value>' argument missing$/, '$2 needs a value'));
  }
}

function unknownFlagMessage(message: string, flags: string[]): string {
  const typed = /Unknown option '([^']+)'/.exec(message)?.[1] ?? message;
  const suggestion = nearestFlag(typed, flags);
  if (suggestion) return `unknown flag ${typed}: did you mean ${suggestion}?`;
  return `unknown flag ${typed}${flags.length ? ` (flags: ${flags.map((flag) => `--${flag}`).join(', ')})` : ''}`;
}

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`${flag} is required`);
  return value;
}

/** True when the person asked for a command's help rather than to run it. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
