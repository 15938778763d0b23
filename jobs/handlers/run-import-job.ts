import { z } from 'zod';
import { RUN_IMPORT_JOB } from '../../tools/imports/big-import.ts';
import { defineJob, jobKey } from '../define-job.ts';
import { callTool } from '../job-principal.ts';

/**
 * Runs a big CSV import that an import tool queued, through run_import: checked whole, then
 * stored in short batches, so other requests keep answering meanwhile. A retry resumes after the
 * last stored batch; get_import shows progress and the outcome.
 */
export const runImportJob = defineJob({
  name: RUN_IMPORT_JOB,
  description: 'Check and store a big CSV import (over 20,000 rows or 2 MB) queued by an import tool.',
  payload: z.object({ organizationId: z.string().min(1), importId: z.string().min(1) }),
  attempts: 3,
  backoffMs: 10_000,
  key: (payload) => jobKey(RUN_IMPORT_JOB, payload.importId),
  run: (deps, payload) => callTool(deps, payload.organizationId, 'run_import', { import_id: payload.importId }),
});
