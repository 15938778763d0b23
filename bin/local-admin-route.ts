import express, { Router } from 'express';
import type { Database } from '../db/database.ts';
import type { Logger } from '../tools/registry/context.ts';
import { ERROR_SURFACE_MAP, ToolError } from '../tools/registry/errors.ts';
import { checkFlags, type AdminSubcommands } from './admin-command.ts';
import { DB_SUBCOMMANDS } from './commands/db.ts';
import { ORG_SUBCOMMANDS } from './commands/org.ts';
import { SLACK_SUBCOMMANDS } from './commands/slack.ts';
import { TOKEN_SUBCOMMANDS } from './commands/token.ts';
import { LOCAL_ADMIN_PATH } from './local-credential.ts';
import { requireLocalCredential } from './local-token-route.ts';
import { UsageError } from './usage.ts';

const ADMIN_COMMANDS: Readonly<Record<string, AdminSubcommands>> = { org: ORG_SUBCOMMANDS, token: TOKEN_SUBCOMMANDS, slack: SLACK_SUBCOMMANDS, db: DB_SUBCOMMANDS };

/**
 * POST /local/admin/COMMAND/SUB `{flag: value}`: the CLI's administrative commands (`org create`,
 * `token create`, `slack connect|link`, `db seed`, `db migrate`) while this server holds the
 * embedded database. They act on the whole install (a new organisation, a token for any member and
 * role, a workspace moved between organisations), which no organisation's API token may do, so
 * they take the local credential itself: only from this machine, only from whoever can read the
 * data folder, which is exactly who could stop the server and run them on the database. No API
 * token, not even an owner's, reaches them.
 */
export function localAdminRoute(database: Database, secret: string, log: Logger): Router {
  const router = Router();
  router.post(`${LOCAL_ADMIN_PATH}/:command/:subcommand`, requireLocalCredential(secret), express.json(), async (request, response) => {
    const { command, subcommand: name } = request.params as { command: string; subcommand: string };
    const subcommands = own(ADMIN_COMMANDS, command);
    const subcommand = subcommands && own(subcommands, name);
    if (!subcommand) {
      response.status(404).json({ error: { code: 'not_found', message: `No administrative command "${command} ${name}".` } });
      return;
    }
    try {
      const body: unknown = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new UsageError('send the flags as a JSON object');
      const flags = checkFlags(subcommand, body as Record<string, unknown>);
      response.json(await (subcommand.inServer ?? subcommand.run)(database, flags));
    } catch (error) {
      const failure = error instanceof UsageError ? new ToolError('invalid_input', error.message) : error;
      if (failure instanceof ToolError) {
        response.status(ERROR_SURFACE_MAP[failure.code].httpStatus).json({ error: { code: failure.code, message: failure.message } });
        return;
      }
      log.error('local admin command failed', { command: `${command} ${name}`, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      // The caller administers this install: the cause helps them more than a bare "internal".
      response.status(500).json({ error: { code: 'internal', message: `${error instanceof Error ? error.message : String(error)} (the server's log has the details)` } });
    }
  });
  return router;
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
