import type { Principal, ToolResult } from '../tools/registry/runner.ts';
import type { JobDeps } from './define-job.ts';

/**
 * Who scheduled work runs as: the organisation named in the payload, no person, the JOB surface,
 * and a role that may read everything and write the operational areas but can never decide
 * approvals or manage access.
 */
export function jobPrincipal(organizationId: string): Principal {
  return { orgId: organizationId, userId: null, role: 'CAMPAIGN_MANAGER', surface: 'JOB' };
}

/** Error from a tool call inside a job: retried by the queue unless the tool said it cannot succeed. */
export class JobToolError extends Error {
  constructor(
    readonly tool: string,
    readonly code: string,
    message: string,
  ) {
    super(`${tool} failed (${code}): ${message}`);
    this.name = 'JobToolError';
  }

  /** Bad input, a missing organisation or a forbidden call will fail the same way next time. */
  get retryable(): boolean {
    return this.code === 'internal' || this.code === 'unavailable' || this.code === 'conflict';
  }
}

/** Calls a tool as the payload's organisation; a failure throws so the queue retries or keeps it. */
export async function callTool<Output>(deps: JobDeps, organizationId: string, tool: string, input: unknown): Promise<Output> {
  const result: ToolResult = await deps.runner.call(tool, input, jobPrincipal(organizationId));
  if (!result.ok) throw new JobToolError(tool, result.error.code, result.error.message);
  return result.output as Output;
}
