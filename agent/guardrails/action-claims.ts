import type { ToolAccess } from '../../tools/registry/define-tool.ts';
import type { AgentToolCall } from '../tools/agent-tools.ts';
import { filedApprovals } from './approval-notice.ts';

/** A sentence of the answer that says an action was carried out, and why that is not so. */
export interface ClaimFinding {
  /** The action word as written ("paid", "paused"). */
  claim: string;
  sentence: string;
  /**
   * not_done: no call that does it ran this turn. pending_approval: an approval tool only filed a
   * request. failed: the call that would do it failed.
   */
  problem: 'not_done' | 'pending_approval' | 'failed';
  tool?: string;
  approvalId?: string;
}

/** Each action word, with what a tool that does it is called. */
const ACTIONS: ReadonlyArray<[words: string, tools: RegExp]> = [
  ['paid|transferred|wired|refunded', /pay|transfer|payout|refund/],
  ['scheduled|queued', /schedule|queue/],
  ['sent|emailed|notified|messaged', /send|email|notify|message|post/],
  ['posted|published', /publish|post/],
  ['paused|stopped|suspended', /pause|stop|update|status/],
  ['resumed|reactivated|restarted|unpaused', /resume|activate|update|status/],
  ['created|added|registered', /create|add|import|record|register|bind|set_/],
  ['deleted|removed|unbound', /delete|remove|unbind|archive/],
  ['archived', /archive|remove/],
  ['updated|changed|renamed|edited|saved', /update|set|rename|edit|save/],
  ['approved|rejected|declined', /decide|approve|reject/],
  ['cancell?ed', /cancel|remove|delete|update/],
  ['booked|committed|allocated|reallocated', /book|commit|allocat|plan|placement/],
  ['imported|uploaded', /import|upload/],
];

const VERBS = ACTIONS.map(([words]) => words).join('|');
const ADVERBS = '(?:(?:just|now|successfully|already|also)\\s+)*';
/** Forms that say "it is done": "I paused", "has been paid", "was successfully sent", "Paused the campaign". */
const CLAIMS: readonly RegExp[] = [
  new RegExp(`\\b(?:I|I've|I have|we|we've|we have)\\s+${ADVERBS}(${VERBS})\\b`, 'gi'),
  new RegExp(`\\b(?:has|have|had)\\s+${ADVERBS}been\\s+${ADVERBS}(${VERBS})\\b`, 'gi'),
  new RegExp(`\\b(?:is|are|was|were)\\s+(?:now|successfully|just)\\s+${ADVERBS}(${VERBS})\\b`, 'gi'),
  new RegExp(`(?:^|[.!?:]\\s+|\\n\\s*(?:[-*]\\s+)?|\\b(?:done|all set)[,!.:—–-]*\\s+)(${VERBS.replace(/(^|\|)(\w)/g, (_m, bar: string, letter: string) => `${bar}[${letter.toUpperCase()}${letter}]`)})\\s+(?:the|it|them|this|that|all|your|both|\\d|["'“‘])`, 'g'),
  new RegExp(`\\b(${VERBS})\\s+successfully\\b`, 'gi'),
];

/** Words before the action that make it not a claim of this turn's work ("has not been paid", "once approved, it will"). */
const NEGATED = /\b(?:not|never|nothing|no one|none|neither|yet to|cannot|can't|couldn't|won't|wasn't|weren't|hasn't|haven't|isn't|aren't|didn't|if|once|until|unless|when|after|before|would|could|should)\b|n't\b/i;
/** Words that make it a report of the data rather than of this turn ("has been paid USD 500 so far"). */
const HISTORICAL = /\b(?:so far|in total|to date|since|last (?:week|month|quarter|year)|previously|earlier this|on \d{4}-\d{2}-\d{2}|in (?:19|20)\d{2}|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b/i;

/**
 * The action claims of an answer that what ran this turn does not back: each must match an
 * executed write call (by what the tool is called); an approval tool that filed a request backs
 * only "pending approval", never "done"; a proposed change the person declined backs nothing.
 */
export function uncheckedActionClaims(answer: string, calls: readonly AgentToolCall[], accessOf: (tool: string) => ToolAccess | undefined): ClaimFinding[] {
  const findings: ClaimFinding[] = [];
  const seen = new Set<string>();
  const pending = new Map(filedApprovals(calls).map((approval) => [approval.approval_id, approval]));
  const states = statusWords(calls);
  for (const claim of actionClaims(answer)) {
    // "The campaign has been paused" where a tool reported status "paused": the answer reports the data.
    if (!claim.firstPerson && states.has(claim.verb.toLowerCase())) continue;
    const tools = ACTIONS.find(([words]) => new RegExp(`^(?:${words})$`, 'i').test(claim.verb))![1];
    // A change the person declined never ran: a claim of it is simply not done.
    const matching = calls.filter((call) => tools.test(call.name) && !call.declined);
    const executed = matching.find((call) => call.ok && accessOf(call.name) === 'write' && !pendingApprovalOf(call, pending));
    if (executed) continue;
    const key = `${claim.verb.toLowerCase()}|${claim.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const filed = matching.find((call) => pendingApprovalOf(call, pending));
    const failed = matching.find((call) => !call.ok);
    if (filed) findings.push({ claim: claim.verb, sentence: claim.sentence, problem: 'pending_approval', tool: filed.name, approvalId: pendingApprovalOf(filed, pending) });
    else if (failed) findings.push({ claim: claim.verb, sentence: claim.sentence, problem: 'failed', tool: failed.name });
    else findings.push({ claim: claim.verb, sentence: claim.sentence, problem: 'not_done' });
  }
  return findings;
}

interface ActionClaim {
  verb: string;
  sentence: string;
  /** "I paused", not "it has been paused". */
  firstPerson: boolean;
}

/** Decisions only people make: in the passive ("has been approved") the answer reports an approver's decision. */
const DECISIONS = /^(?:approved|rejected|declined)$/i;

/** The sentences that say an action was done, with the action word. */
export function actionClaims(answer: string): ActionClaim[] {
  const claims: ActionClaim[] = [];
  for (const pattern of CLAIMS) {
    for (const match of answer.matchAll(pattern)) {
      const verbIndex = match.index + match[0].toLowerCase().lastIndexOf(match[1]!.toLowerCase());
      const sentence = sentenceAround(answer, verbIndex);
      const clauseBefore = answer.slice(sentence.start, verbIndex);
      if (NEGATED.test(clauseBefore) || HISTORICAL.test(sentence.text) || sentence.text.trimEnd().endsWith('?')) continue;
      const firstPerson = pattern === CLAIMS[0];
      if (!firstPerson && DECISIONS.test(match[1]!)) continue;
      claims.push({ verb: match[1]!, sentence: sentence.text.trim(), firstPerson });
    }
  }
  return claims;
}

/** One-word string values of the results (statuses such as "paused", "EXECUTED"), lower-cased. */
function statusWords(calls: readonly AgentToolCall[]): Set<string> {
  const words = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/^[a-z_]{3,20}$/i.test(value)) words.add(value.toLowerCase());
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  // An approval's own pending result says nothing about the action having happened.
  for (const call of calls) if (call.ok && !(call.output as { approval_id?: unknown } | undefined)?.approval_id) visit(call.output);
  return words;
}

function pendingApprovalOf(call: AgentToolCall, pending: ReadonlyMap<string, unknown>): string | undefined {
  const id = (call.output as { approval_id?: unknown } | undefined)?.approval_id;
  return call.ok && typeof id === 'string' && pending.has(id) ? id : undefined;
}

const SENTENCE_CHARS = 200;

function sentenceAround(text: string, index: number): { start: number; text: string } {
  const boundaries = /[.!?](?=\s)|\n/g;
  let start = 0;
  for (const match of text.matchAll(boundaries)) {
    if (match.index >= index) break;
    start = match.index + 1;
  }
  const endMatch = /[.!?](?=\s|$)|\n/.exec(text.slice(index));
  const end = endMatch ? index + endMatch.index + 1 : text.length;
  const sentence = text.slice(start, end);
  return { start, text: sentence.length > SENTENCE_CHARS ? `${sentence.slice(0, SENTENCE_CHARS)}…` : sentence };
}
