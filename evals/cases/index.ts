import type { EvalCase } from '../harness/eval-case.ts';
import { ACCESS_AND_APPROVAL_CASES } from './access-approvals.ts';
import { ATTRIBUTION_CASES } from './attribution.ts';
import { CAMPAIGN_READ_CASES } from './campaigns-read.ts';
import { CAMPAIGN_WRITE_CASES } from './campaigns-write.ts';
import { GUARDRAIL_CASES } from './guardrails.ts';

/** Every eval case, in run order (reads before the writes that change what later reads see). */
export const EVAL_CASES: EvalCase[] = [...ACCESS_AND_APPROVAL_CASES, ...CAMPAIGN_READ_CASES, ...ATTRIBUTION_CASES, ...GUARDRAIL_CASES, ...CAMPAIGN_WRITE_CASES];
