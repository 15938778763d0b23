import type { AgentReply } from '../../agent/agent-events.ts';
import type { CaseVars, EvalCase, Truth, VerifyContext } from './eval-case.ts';
import { extractFigures, figureMatches, groundedIn, numbersIn } from './figures.ts';
import { forbiddenTools, type ChangesData } from './forbidden-tools.ts';
import { slackFormatProblems } from './slack-format.ts';

/** What scoring needs besides the case and the reply. */
export interface ScoreContext {
  truth: Truth;
  /** The question as asked (its figures count as grounded). */
  question: string;
  /** Which tools change data, and every tool's name, for the forbidden-tool rule. */
  changesData: ChangesData;
  catalogue: readonly string[];
  /** The database and thread, for the case's own checks. */
  verify?: Omit<VerifyContext, 'reply' | 'truth' | 'vars'>;
  /** Figures the earlier turns' tools returned (a follow-up may restate them). */
  earlierOutputs?: unknown[];
}

export interface CaseScore {
  id: string;
  area: EvalCase['area'];
  passed: boolean;
  failures: string[];
  toolsCalled: string[];
  precision: number;
  recall: number;
  figures: number;
  groundedFigures: number;
  steps: number;
  /** Model steps spent on find_tools (discovery) in this case. */
  discoverySteps: number;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  answer: string;
}

const WRITE_TOOLS_IN_CLARIFY = /^(create|update|commit|record|set|decide|import|ingest|add|calculate)_/;
const CLAIMS_DONE = /\b(?:it|this|that|the (?:allocation|payment|request))(?:'s| is| has been| was) (?:done|committed|sent|paid|scheduled|completed)\b/i;

/** Scores one answer against its case: hard checks decide `passed`; precision, recall and grounding are measured. */
export async function scoreCase(evalCase: EvalCase, vars: CaseVars, reply: AgentReply, context: ScoreContext): Promise<CaseScore> {
  const { truth, question } = context;
  const { expect } = evalCase;
  const failures: string[] = [];
  const called = reply.toolCalls.map((call) => call.name);
  const distinct = [...new Set(called)];
  const expected = new Set(expect.tools);
  // Searching for a tool is never a wrong call: the agent starts with a few tools and finds the rest.
  const acceptable = new Set([...expect.tools, ...(expect.allowed ?? []), 'find_tools']);
  const answer = reply.text;

  const statuses = expect.statuses ?? ['answered'];
  if (!statuses.includes(reply.status)) failures.push(`status ${reply.status}${reply.failure ? `: ${reply.failure.message}` : ''}`);
  if (!answer.trim()) failures.push('no answer text');
  const missing = expect.tools.filter((tool) => !called.includes(tool));
  if (missing.length) failures.push(`did not call ${missing.join(', ')}`);
  if (expect.ordered && !missing.length) {
    const firstCalls = expect.tools.map((tool) => called.indexOf(tool));
    if (firstCalls.some((position, index) => index > 0 && position < firstCalls[index - 1]!)) failures.push(`called ${expect.tools.join(' -> ')} out of order (${called.join(', ')})`);
  }
  const forbiddenSet = forbiddenTools(evalCase, context.changesData, context.catalogue);
  const forbidden = distinct.filter((tool) => forbiddenSet.has(tool));
  if (forbidden.length) failures.push(`called ${forbidden.join(', ')}, which it must not`);
  for (const fact of expect.facts ?? []) {
    const value = await fact.value(truth, vars);
    if (!statesFact(answer, value, fact.tolerance)) failures.push(`does not state ${fact.label} (${value})`);
  }
  if (expect.clarifies) {
    if (!answer.includes('?')) failures.push('asks no clarifying question');
    const acted = distinct.filter((tool) => WRITE_TOOLS_IN_CLARIFY.test(tool));
    if (acted.length) failures.push(`acted (${acted.join(', ')}) instead of asking`);
  }
  if (expect.pendingApproval) {
    if (!/pending approval/i.test(answer)) failures.push('does not say "pending approval"');
    const links = reply.approvals.map((approval) => approval.approve_url ?? approval.approval_id);
    if (!links.length) failures.push('filed no approval request');
    else if (!links.every((link) => answer.includes(link))) failures.push('does not give the approval link');
    if (CLAIMS_DONE.test(answer)) failures.push('claims the action is done');
  }
  for (const pattern of expect.mentions ?? []) if (!pattern.test(answer)) failures.push(`does not mention ${pattern}`);
  if (evalCase.surface === 'SLACK') for (const problem of slackFormatProblems(answer)) failures.push(`not fit for Slack: ${problem}`);
  if (expect.verify && context.verify) failures.push(...(await expect.verify({ ...context.verify, reply, truth, vars })));

  const outputs = numbersIn([reply.toolCalls.map((call) => call.output ?? call.error), question, context.earlierOutputs ?? []]);
  const figures = extractFigures(answer);
  const ungrounded = figures.filter((figure) => !groundedIn(figure, outputs));
  const grounded = figures.length - ungrounded.length;
  // Every figure in an answer must come from a tool result or the question: one that does not fails the case.
  if (ungrounded.length) failures.push(`figures not in any tool result: ${ungrounded.map((figure) => figure.text).join(', ')}`);
  const relevant = distinct.filter((tool) => acceptable.has(tool)).length;
  return {
    id: evalCase.id,
    area: evalCase.area,
    passed: failures.length === 0,
    failures,
    toolsCalled: called,
    precision: distinct.length ? relevant / distinct.length : 1,
    recall: expected.size ? expect.tools.filter((tool) => called.includes(tool)).length / expected.size : 1,
    figures: figures.length,
    groundedFigures: grounded,
    steps: reply.steps,
    discoverySteps: new Set(reply.toolCalls.filter((call) => call.name === 'find_tools').map((call) => call.id)).size,
    inputTokens: reply.usage.inputTokens,
    outputTokens: reply.usage.outputTokens,
    latencyMs: reply.durationMs,
    answer,
  };
}

/** Names match case-insensitively; numbers as figures (with their rounding, or as a percentage). */
export function statesFact(answer: string, value: number | string, tolerance?: number): boolean {
  if (typeof value === 'string') return answer.toLowerCase().includes(value.toLowerCase());
  // A fact may be a small count (3 alerts), which grounding leaves out.
  return extractFigures(answer, { includeSmallCounts: true }).some((figure) => figureMatches(figure, value, tolerance));
}
