import type { EvalCase } from '../harness/eval-case.ts';
import { ACCESS_AND_APPROVAL_CASES } from './access-approvals.ts';
import { ADS_READ_CASES, ADS_WRITE_CASES } from './ads.ts';
import { ATTRIBUTION_CASES } from './attribution.ts';
import { CAMPAIGN_READ_CASES } from './campaigns-read.ts';
import { CAMPAIGN_WRITE_CASES } from './campaigns-write.ts';
import { CONTENT_READ_CASES, CONTENT_WRITE_CASES } from './content.ts';
import { CONVERSATION_CASES } from './conversation.ts';
import { CREATOR_READ_CASES, CREATOR_WRITE_CASES } from './creators.ts';
import { CRM_READ_CASES, CRM_WRITE_CASES } from './crm.ts';
import { GUARDRAIL_CASES } from './guardrails.ts';
import { OPERATIONS_READ_CASES, OPERATIONS_WRITE_CASES } from './operations.ts';
import { PLANNING_CASES } from './planning.ts';
import { RECORD_READ_CASES, RECORD_WRITE_CASES } from './records.ts';
import { REPORT_READ_CASES, REPORT_WRITE_CASES } from './reports.ts';

/** Every eval case, in run order (reads before the writes that change what later reads see). */
export const EVAL_CASES: EvalCase[] = [
  ...ACCESS_AND_APPROVAL_CASES, ...CAMPAIGN_READ_CASES, ...RECORD_READ_CASES, ...PLANNING_CASES, ...ATTRIBUTION_CASES, ...OPERATIONS_READ_CASES, ...CONTENT_READ_CASES, ...REPORT_READ_CASES, ...CRM_READ_CASES, ...CREATOR_READ_CASES, ...ADS_READ_CASES,
  ...GUARDRAIL_CASES, ...CONVERSATION_CASES,
  ...CAMPAIGN_WRITE_CASES, ...RECORD_WRITE_CASES, ...OPERATIONS_WRITE_CASES, ...CONTENT_WRITE_CASES, ...REPORT_WRITE_CASES, ...CRM_WRITE_CASES, ...CREATOR_WRITE_CASES, ...ADS_WRITE_CASES,
];
