import { z } from 'zod';
import { defineJob, jobKey } from '../define-job.ts';
import { deliverReport } from './deliver-report.ts';

export const DELIVER_REPORT_JOB = 'reports.deliver';

/** One try at one period of one schedule; the key names the try, the row's attempt count guards it. */
export const deliverReportJob = defineJob({
  name: DELIVER_REPORT_JOB,
  description: "Deliver one period of a report schedule to its Slack channel and email addresses.",
  payload: z.object({
    organizationId: z.string().min(1),
    deliveryId: z.string().uuid(),
    attempt: z.number().int().min(0).describe('The row\'s attempt count this try claims.'),
  }),
  // Destination failures are recorded and retried by the sweep; the queue's retries are for faults on our side.
  attempts: 2,
  backoffMs: 30_000,
  key: (payload) => jobKey(DELIVER_REPORT_JOB, payload.deliveryId, String(payload.attempt)),
  run: (deps, payload) => deliverReport(deps, payload.organizationId, payload.deliveryId, payload.attempt),
});
