import type { ApprovalView } from '../tools/approvals/approval-view.ts';
import type { Principal, ToolResult, ToolRunner } from '../tools/registry/runner.ts';

/** How long an approve answer waits for the approved action to finish before answering as it stands. */
const OUTCOME_WAIT_MS = 20_000;
const PAGES_SEARCHED = 25;

/**
 * The request as it is once its approved action has run (executed with executed_at, or failed with
 * its error), so the approver sees the outcome, not the intermediate "approved". The action runs on
 * the job queue (this process or a worker); after `waitMs` the request is answered as it stands
 * (approved or executing), and the approvals list shows the rest.
 */
export async function awaitApprovalOutcome(runner: ToolRunner, principal: Principal, decided: ApprovalView, waitMs = OUTCOME_WAIT_MS): Promise<ApprovalView> {
  let current = decided;
  const deadline = Date.now() + waitMs;
  for (let pause = 50; isRunning(current) && Date.now() < deadline; pause = Math.min(pause * 2, 500)) {
    await new Promise((resolve) => setTimeout(resolve, pause));
    current = (await findApproval(runner, principal, decided)) ?? current;
  }
  return current;
}

function isRunning(view: ApprovalView): boolean {
  return view.status === 'approved' || view.status === 'executing';
}

/** Through list_approvals (the tool is the one source of the view), newest first, narrowed to the action. */
async function findApproval(runner: ToolRunner, principal: Principal, wanted: ApprovalView): Promise<ApprovalView | null> {
  let cursor: string | undefined;
  for (let page = 0; page < PAGES_SEARCHED; page++) {
    const result: ToolResult = await runner.call('list_approvals', { status: 'decided', action: wanted.action, limit: 200, ...(cursor ? { cursor } : {}) }, principal);
    if (!result.ok) return null;
    const output = result.output as { rows: ApprovalView[]; next_cursor: string | null };
    const found = output.rows.find((row) => row.id === wanted.id);
    if (found) return found;
    if (!output.next_cursor) return null;
    cursor = output.next_cursor;
  }
  return null;
}
