import { randomBytes } from 'node:crypto';
import { APICallError, RetryError } from 'ai';
import { isBudgetExceeded } from '../budget/budget-exceeded.ts';

export type FailureKind = 'cancelled' | 'timeout' | 'overloaded' | 'auth' | 'provider' | 'internal' | 'budget';

/** A turn that could not finish, as the user reads it: one sentence and a reference id that is in the logs. */
export interface TurnFailure {
  kind: FailureKind;
  message: string;
  reference: string;
}

/**
 * Turns whatever stopped a turn into one sentence a marketer can act on. Rate limits and
 * overloads were already retried (with backoff honouring retry-after) by the time they get here.
 */
export function describeTurnFailure(error: unknown, context: { timeoutMs: number }): TurnFailure {
  const reference = randomBytes(4).toString('hex');
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  const say = (kind: FailureKind, message: string): TurnFailure => ({ kind, message: `${message} (reference ${reference})`, reference });

  // Not a fault: the sentence already says whose budget and until when.
  if (isBudgetExceeded(cause)) return { kind: 'budget', message: cause.message, reference };
  if (isAbort(cause, 'TimeoutError')) return say('timeout', `The answer took longer than ${Math.round(context.timeoutMs / 1000)} seconds and was stopped; try a narrower question`);
  if (isAbort(cause, 'AbortError')) return say('cancelled', 'The answer was cancelled before it finished');
  if (APICallError.isInstance(cause)) {
    const status = cause.statusCode;
    if (status === 401 || status === 403) return say('auth', 'The model provider refused our credentials; an administrator should check ANTHROPIC_API_KEY (or the OpenAI-compatible server key)');
    if (status === 429 || status === 529 || status === 503 || /overloaded/i.test(cause.message)) {
      return say('overloaded', 'The model provider is overloaded or rate-limiting us and still was after several retries; please try again in a minute');
    }
    if (status === undefined) return say('provider', 'The model provider could not be reached; please try again shortly');
    return say('provider', `The model provider answered with an error (HTTP ${status}); please try again`);
  }
  if (isOverloadedStreamError(cause)) return say('overloaded', 'The model provider is overloaded and still was after several retries; please try again in a minute');
  return say('internal', 'Something failed on our side while answering; it has been logged');
}

function isAbort(error: unknown, name: 'AbortError' | 'TimeoutError'): boolean {
  if (!(error instanceof Error) && !(typeof DOMException !== 'undefined' && error instanceof DOMException)) return false;
  const found = error as Error;
  return found.name === name || (found.cause instanceof Error && found.cause.name === name);
}

/** Anthropic can fail a stream that already started with an `overloaded_error` event. */
function isOverloadedStreamError(error: unknown): boolean {
  const text = typeof error === 'object' && error !== null ? JSON.stringify(error) : String(error);
  return /overloaded_error|"overloaded"/i.test(text);
}
