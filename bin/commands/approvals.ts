import type { ApprovalView } from '../../tools/approvals/approval-view.ts';
import type { ToolResult } from '../../tools/registry/runner.ts';
import { awaitApprovalOutcome } from '../../web/approval-outcome.ts';
import type { AttachedServer } from '../attached-server.ts';
import type { Command } from '../command-catalogue.ts';
import { commandUsage } from '../command-catalogue.ts';
import { cliPrincipal, type CliIdentityOptions } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { parseOptions, UsageError } from '../usage.ts';
import { reportResult } from './call.ts';
import { approvalText } from '../approval-text.ts';

/** Where the approvals live: this process's runner over the database, or the running server. */
interface ApprovalsBackend {
  list(identity: CliIdentityOptions, status: string): Promise<ToolResult>;
  /** The decision, and for an approval the request once its action has run. */
  decide(identity: CliIdentityOptions, id: string, decision: 'approve' | 'reject', comment: string | undefined): Promise<ToolResult>;
}

export const approvalsCommandEntry: Command = {
  run: (runtime, args) => approvalsCommand(localBackend(runtime), args),
  attached: (server, args) => approvalsCommand(serverBackend(server), args),
};

function localBackend(runtime: Runtime): ApprovalsBackend {
  return {
    list: async (identity, status) => runtime.runner.call('list_approvals', { status, limit: 200 }, await cliPrincipal(runtime, identity)),
    async decide(identity, id, decision, comment) {
      const principal = await cliPrincipal(runtime, identity);
      const result = await runtime.runner.call('decide_approval', { approval_id: id, decision, comment }, principal);
      await runtime.jobs.drain(); // an approved action runs now, before the process exits
      if (!result.ok || decision !== 'approve') return result;
      return { ok: true, output: await awaitApprovalOutcome(runtime.runner, principal, result.output as ApprovalView) };
    },
  };
}

function serverBackend(server: AttachedServer): ApprovalsBackend {
  return {
    list: (identity, status) => server.callTool(identity, 'list_approvals', { status, limit: 200 }),
    // The server's endpoint waits for the action the same way.
    decide: (identity, id, decision, comment) => server.api(identity, 'POST', `/api/approvals/${encodeURIComponent(id)}/${decision}`, comment === undefined ? {} : { comment }),
  };
}

async function approvalsCommand(backend: ApprovalsBackend, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') return listCommand(backend, rest);
  if (sub === 'approve' || sub === 'reject') return decideCommand(backend, sub, rest);
  throw new UsageError(commandUsage('approvals'));
}

async function listCommand(backend: ApprovalsBackend, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { org: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' }, as: { type: 'string' } });
  const status = values.status ?? 'pending';
  const result = await backend.list({ org: values.org, as: values.as }, status);
  if (values.json || !result.ok) return reportResult(result);
  const rows = (result.output as { rows: ApprovalView[] }).rows;
  if (rows.length === 0) process.stdout.write(`No ${status} approval requests.\n`);
  for (const row of rows) process.stdout.write(approvalText(row));
  return 0;
}

/** Prints the request as it is after the decision (and, when approved, after its action ran). */
async function decideCommand(backend: ApprovalsBackend, decision: 'approve' | 'reject', args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { org: { type: 'string' }, as: { type: 'string' }, comment: { type: 'string' } }, true);
  const [approvalId] = positionals;
  if (!approvalId) throw new UsageError(`approvals ${decision}: give the approval id (see \`crescendo approvals list\`)`);
  const result = await backend.decide({ org: values.org, as: values.as }, approvalId, decision, values.comment);
  const code = reportResult(result);
  if (result.ok && decision === 'approve') {
    const view = result.output as ApprovalView;
    process.stderr.write(`Action ${view.status}${view.error ? `: ${view.error}` : ''}\n`);
  }
  return code;
}
