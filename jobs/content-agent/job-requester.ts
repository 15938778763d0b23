import type { Principal, ToolResult } from '../../tools/registry/runner.ts';
import type { JobDeps } from '../define-job.ts';
import { JobToolError } from '../job-principal.ts';

/**
 * Who the content agent's approval requests are filed as. An approval request needs a person
 * behind it (so that another person approves it), and the job principal is nobody: the agent files
 * in the name of the organisation's first owner, on the JOB surface. Null when there is no owner.
 */
export async function agentRequester(deps: JobDeps, organizationId: string): Promise<Principal | null> {
  const owner = await deps.prisma.membership.findFirst({ where: { organizationId, role: 'OWNER' }, orderBy: { createdAt: 'asc' }, select: { userId: true, role: true } });
  return owner ? { orgId: organizationId, userId: owner.userId, role: owner.role, surface: 'JOB' } : null;
}

/** Calls a tool as `principal`; a failure throws a JobToolError (as callTool does for the job principal). */
export async function callToolAs<Output>(deps: JobDeps, principal: Principal, tool: string, input: unknown): Promise<Output> {
  const result: ToolResult = await deps.runner.call(tool, input, principal);
  if (!result.ok) throw new JobToolError(tool, result.error.code, result.error.message);
  return result.output as Output;
}
