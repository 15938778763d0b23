import { z } from 'zod';
import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { EXECUTE_APPROVAL_JOB, executeApproval } from '../tools/approvals/execute-approval.ts';
import type { Logger } from '../tools/registry/context.ts';
import type { ToolRunner } from '../tools/registry/runner.ts';

/** What job handlers may use. */
export interface JobDeps {
  prisma: PrismaClient;
  runner: ToolRunner;
  log: Logger;
}

export interface JobDefinition<Payload extends z.ZodType = z.ZodType> {
  name: string;
  payload: Payload;
  /** Attempts before the job is given up (and logged loudly). */
  attempts: number;
  run(deps: JobDeps, payload: z.output<Payload>): Promise<unknown>;
}

function defineJob<Payload extends z.ZodType>(definition: JobDefinition<Payload>): JobDefinition<Payload> {
  return definition;
}

/** Every job Crescendo runs; handlers only call into tools/. */
export const JOBS = [
  defineJob({
    name: EXECUTE_APPROVAL_JOB,
    payload: z.object({ approvalId: z.string(), organizationId: z.string() }),
    // A failed action is recorded as FAILED for a person to look at; it is never retried blindly.
    attempts: 1,
    run: (deps, payload) => executeApproval(deps.prisma, deps.runner, payload.approvalId, payload.organizationId),
  }),
] as const;

export function findJob(name: string): JobDefinition | undefined {
  return (JOBS as readonly JobDefinition[]).find((job) => job.name === name);
}
