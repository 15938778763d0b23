import type { ApprovalView } from '../../tools/approvals/approval-view.ts';
import { cliPrincipal } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { parseOptions, UsageError } from '../usage.ts';
import { reportResult } from './call.ts';
import { approvalText } from '../approval-text.ts';

export const approvalsUsage = [
  'approvals list --org S [--status pending|approved|rejected|executed|failed|decided|any] [--json]',
  'approvals approve|reject ID --org S [--as EMAIL] [--comment C]',
];

export async function approvalsCommand(runtime: Runtime, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') return listCommand(runtime, rest);
  if (sub === 'approve' || sub === 'reject') return decideCommand(runtime, sub, rest);
  throw new UsageError(`usage: crescendo ${approvalsUsage.join('\n       crescendo ')}`);
}

async function listCommand(runtime: Runtime, args: string[]): Promise<number> {
  const { values } = parseOptions(args, { org: { type: 'string' }, status: { type: 'string' }, json: { type: 'boolean' }, as: { type: 'string' } });
  const principal = await cliPrincipal(runtime, values);
  const result = await runtime.runner.call('list_approvals', { status: values.status ?? 'pending', limit: 200 }, principal);
  if (values.json || !result.ok) return reportResult(result);
  const rows = (result.output as { rows: ApprovalView[] }).rows;
  if (rows.length === 0) process.stdout.write(`No ${values.status ?? 'pending'} approval requests.\n`);
  for (const row of rows) process.stdout.write(approvalText(row));
  return 0;
}

async function decideCommand(runtime: Runtime, decision: 'approve' | 'reject', args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { org: { type: 'string' }, as: { type: 'string' }, comment: { type: 'string' } }, true);
  const [approvalId] = positionals;
  if (!approvalId) throw new UsageError(`approvals ${decision}: give the approval id (see \`crescendo approvals list\`)`);
  const principal = await cliPrincipal(runtime, values);
  const result = await runtime.runner.call('decide_approval', { approval_id: approvalId, decision, comment: values.comment }, principal);
  const code = reportResult(result);
  await runtime.jobs.drain(); // an approved action runs now, before the process exits
  if (result.ok && decision === 'approve') {
    const after = await runtime.runner.call('list_approvals', { status: 'any', limit: 200 }, principal);
    const row = after.ok ? (after.output as { rows: Array<{ id: string; status: string; error: string | null }> }).rows.find((r) => r.id === approvalId) : undefined;
    if (row) process.stderr.write(`Action ${row.status}${row.error ? `: ${row.error}` : ''}\n`);
  }
  return code;
}
