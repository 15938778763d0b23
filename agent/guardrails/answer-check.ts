import type { ToolAccess } from '../../tools/registry/define-tool.ts';
import type { AgentToolCall } from '../tools/agent-tools.ts';
import { uncheckedActionClaims, type ClaimFinding } from './action-claims.ts';
import { figuresIn, isGrounded, numbersIn, numbersInText } from './figures.ts';

/** What the check found wrong with an answer; empty lists when it found nothing. */
export interface AnswerFindings {
  /** Figures, as written, that no tool result, tool input or the question holds. */
  unsupportedFigures: string[];
  falseClaims: ClaimFinding[];
}

/**
 * passed: nothing found. corrected: the first answer had findings and the rewrite had none.
 * flagged: findings remained (or the rewrite could not be made) and the answer carries a note.
 * skipped: no answer to check (the turn failed, or ended without text).
 */
export interface AnswerCheckOutcome {
  status: 'passed' | 'corrected' | 'flagged' | 'skipped';
  /** What the first answer's check found (absent when it passed). */
  findings?: AnswerFindings;
  /** What is still unverified in the answer sent (flagged only). */
  unverified?: AnswerFindings;
}

export interface AnswerCheckInput {
  answer: string;
  question: string;
  toolCalls: readonly AgentToolCall[];
  /** Other data the model saw that figures may come from (earlier tool results in the thread, the glossary). */
  context?: readonly unknown[];
  accessOf: (tool: string) => ToolAccess | undefined;
}

/**
 * Compares the answer with the turn: every figure must be one the data holds (after rounding),
 * every "paid", "paused", "sent" must match a call that ran. Cheap and deterministic, so it runs
 * on every answer.
 */
export function checkAnswer(input: AnswerCheckInput): AnswerFindings {
  const sources = numbersInText(input.question);
  for (const call of input.toolCalls) {
    numbersIn(call.input, sources);
    numbersIn(call.ok ? call.output : call.error, sources);
  }
  for (const value of input.context ?? []) numbersIn(value, sources);
  const unsupported = figuresIn(input.answer).filter((figure) => !isGrounded(figure, sources)).map((figure) => figure.text);
  return { unsupportedFigures: [...new Set(unsupported)], falseClaims: uncheckedActionClaims(input.answer, input.toolCalls, input.accessOf) };
}

export function hasFindings(findings: AnswerFindings): boolean {
  return findings.unsupportedFigures.length > 0 || findings.falseClaims.length > 0;
}

/** What the model is told to fix, in one message: each finding and what a correct answer does instead. */
export function correctionRequest(findings: AnswerFindings): string {
  const lines = ['[Answer check] Your answer was checked against this conversation\'s tool results before being sent, and it did not pass:'];
  for (const figure of findings.unsupportedFigures) lines.push(`- The figure ${figure} is in no tool result, tool input or the question.`);
  for (const claim of findings.falseClaims) lines.push(`- "${claim.sentence}": ${claimProblem(claim)}`);
  lines.push(
    'Write the whole answer again for the user, using only figures that the tool results hold (rounding is fine) and saying exactly what was done: ' +
      'a request filed with an approval tool is "pending approval" (give its link), never done. If a figure is not available, say so instead of giving one. ' +
      'Do not mention this check.',
  );
  return lines.join('\n');
}

/** The visible note on an answer that still has findings after its one correction. */
export function unverifiedNote(findings: AnswerFindings): string {
  const parts = [
    ...findings.unsupportedFigures.map((figure) => `the figure ${figure} (not in the data this answer used)`),
    ...findings.falseClaims.map((claim) => `"${claim.claim}" (${claimProblem(claim)})`),
  ];
  return `⚠ Not verified: ${parts.join('; ')}. Check these before relying on them.`;
}

function claimProblem(claim: ClaimFinding): string {
  if (claim.problem === 'pending_approval') return `${claim.tool} only filed an approval request (${claim.approvalId}); nothing happens until a manager approves it, so it is pending approval, not ${claim.claim}`;
  if (claim.problem === 'failed') return `the ${claim.tool} call failed, so nothing was ${claim.claim}`;
  return `no tool that does this ran in this turn, so nothing was ${claim.claim}`;
}
