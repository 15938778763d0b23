import type { TurnUsage } from '../usage.ts';
import { checkAnswer, correctionRequest, hasFindings, unverifiedNote, type AnswerCheckInput, type AnswerCheckOutcome } from './answer-check.ts';

export interface ReviewedAnswer {
  text: string;
  outcome: AnswerCheckOutcome;
  /** What the correction call used, if one was made. */
  usage?: TurnUsage;
}

/** One more model call: the rewritten answer, or null when it could not be made (the budget, the provider). */
export type Corrector = (request: string) => Promise<{ text: string; usage: TurnUsage } | null>;

/**
 * The answer check with its one correction: a passing answer goes out as it is; a failing one is
 * sent back to the model once with the findings; if the rewrite still fails (or cannot be made),
 * the answer goes out with a visible note of what could not be verified.
 */
export async function reviewAnswer(input: AnswerCheckInput, correct: Corrector): Promise<ReviewedAnswer> {
  const findings = checkAnswer(input);
  if (!hasFindings(findings)) return { text: input.answer, outcome: { status: 'passed' } };
  const rewrite = await correct(correctionRequest(findings));
  if (!rewrite || !rewrite.text.trim()) {
    return { text: `${input.answer}\n\n${unverifiedNote(findings)}`, outcome: { status: 'flagged', findings, unverified: findings }, usage: rewrite?.usage };
  }
  const remaining = checkAnswer({ ...input, answer: rewrite.text });
  if (!hasFindings(remaining)) return { text: rewrite.text, outcome: { status: 'corrected', findings }, usage: rewrite.usage };
  return { text: `${rewrite.text}\n\n${unverifiedNote(remaining)}`, outcome: { status: 'flagged', findings, unverified: remaining }, usage: rewrite.usage };
}
