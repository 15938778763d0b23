import { describe, expect, it } from 'vitest';
import type { ToolAccess } from '../../tools/registry/define-tool.ts';
import type { AgentToolCall } from '../tools/agent-tools.ts';
import { actionClaims } from './action-claims.ts';
import { checkAnswer, correctionRequest, unverifiedNote, type AnswerCheckInput } from './answer-check.ts';
import { figuresIn, figureStates } from './figures.ts';

const ACCESS: Record<string, ToolAccess> = { vendor_performance: 'read', list_vendors: 'read', update_placement: 'write', create_vendor: 'write', pay_vendor: 'approval', send_report: 'approval' };
const accessOf = (tool: string) => ACCESS[tool];

const performance: AgentToolCall = {
  id: 'c1', name: 'vendor_performance', input: { as_of: '2026-11-20', limit: 25 }, ok: true,
  output: { rows: [{ vendor: 'Neon Media', delivered_streams: 182400, real_cost_per_1k: 20744.5612, delivery_rate: 0.6312, streams_28d: 1234567 }], currency: 'USD' },
};
const pendingPayment: AgentToolCall = {
  id: 'c2', name: 'pay_vendor', input: { vendor: 'Pulse Media', amount: 250 }, ok: true,
  output: { status: 'pending', approval_id: 'ap-1', approve_url: 'http://x/approvals/ap-1', preview: 'Pay Pulse Media USD 250.00' },
};

function check(answer: string, overrides: Partial<AnswerCheckInput> = {}) {
  return checkAnswer({ answer, question: 'How did the top 25 vendors do as of 2026-11-20?', toolCalls: [performance], accessOf, ...overrides });
}

describe('figures in an answer', () => {
  it('reads money, percentages, separators and k/M/bn as values with the step their writing expresses', () => {
    expect(figuresIn('USD 20,744.56, 63%, 1.2k, 3.4 million, $1.2M, −12.5 percent').map((figure) => [figure.text, figure.value, figure.percent, figure.step])).toEqual([
      ['20,744.56', 20744.56, false, 0.01],
      ['63%', 63, true, 1],
      ['1.2k', 1200, false, 100],
      ['3.4 million', 3_400_000, false, 100_000],
      ['1.2M', 1_200_000, false, 100_000],
      ['−12.5 percent', 12.5, true, 0.1],
    ]);
  });

  it('leaves out dates, times, years, ids, links, versions, list numbering and small counts', () => {
    const answer = [
      '1. Neon Media (as of 2026-11-20, Nov 20, 2026 and 20 November; at 14:30 UTC; in 2026; Q3 and week 46)',
      '2) id 01a201a5-0be2-7617-bd96-312267f2ef6b, `ap_123456`, v2.1.3, streams_28d, #4521 http://x.test/approvals/98765',
      '- 3 vendors, top 5, 11/20/2026, a@b.co',
    ].join('\n');
    expect(figuresIn(answer)).toEqual([]);
  });
});

describe('a figure matches its source after rounding', () => {
  const figure = (text: string) => figuresIn(text)[0]!;
  it('accepts the rounded or truncated value, a percentage of a ratio, and k/M; not a different number', () => {
    expect(figureStates(figure('20,744.56'), 20744.5612)).toBe(true);
    expect(figureStates(figure('20,744.6'), 20744.5612)).toBe(true);
    expect(figureStates(figure('20,745'), 20744.5612)).toBe(true);
    expect(figureStates(figure('20,700'), 20744.5612)).toBe(true);
    expect(figureStates(figure('20.7k'), 20744.5612)).toBe(true);
    expect(figureStates(figure('63%'), 0.6312)).toBe(true);
    expect(figureStates(figure('63.1%'), 0.6312)).toBe(true);
    expect(figureStates(figure('63.12%'), 63.12)).toBe(true);
    expect(figureStates(figure('1.2M'), 1_234_567)).toBe(true);
    expect(figureStates(figure('down 12%'), -0.12)).toBe(true);

    expect(figureStates(figure('20,754.56'), 20744.5612)).toBe(false);
    expect(figureStates(figure('64%'), 0.6312)).toBe(false);
    expect(figureStates(figure('63.2%'), 0.6312)).toBe(false);
    expect(figureStates(figure('1.3M'), 1_234_567)).toBe(false);
    expect(figureStates(figure('500'), 520)).toBe(false);
  });
});

describe('the answer check: figures', () => {
  it('passes an answer quoting the tool results, rounded, with counts and dates from the question', () => {
    const findings = check('As of 2026-11-20, the top 25 vendors: Neon Media delivered 182,400 streams (1.2M in the last 28 days), a delivery rate of 63%, at USD 20,744.56 per 1k.');
    expect(findings).toEqual({ unsupportedFigures: [], falseClaims: [] });
  });

  it('reads answers written in German or French number formats', () => {
    expect(check('Neon Media lieferte 182.400 Streams, Lieferquote 63 %, reale Kosten 20.744,56 USD pro 1.000 Streams.').unsupportedFigures).toEqual([]);
    expect(check('Neon Media a livré 182\u202f400 streams, soit 63,1 % de l’objectif.').unsupportedFigures).toEqual([]);
    expect(check('Neon Media lieferte 182.500 Streams zu 20.744,99 USD.').unsupportedFigures).toEqual(['182.500', '20.744,99']);
  });

  it('catches an invented figure, and one off by more than its rounding', () => {
    const findings = check('Neon Media delivered 182,400 streams, a delivery rate of 71%, and will reach 250,000 by December.');
    expect(findings.unsupportedFigures).toEqual(['71%', '250,000']);
  });

  it('catches a figure stated without any tool call', () => {
    expect(check('Your ROAS last month was 3.4.', { toolCalls: [] }).unsupportedFigures).toEqual(['3.4']);
  });

  it('grounds figures in earlier results of the thread and the glossary it was given', () => {
    expect(check('Earlier you saw 4,321 streams; 90% counts as delivered.', { context: [{ streams: 4321 }, 'delivery rate >= 0.9'] }).unsupportedFigures).toEqual([]);
  });

  it('counts rows a tool returned, and numbers inside result strings', () => {
    const rows: AgentToolCall = { id: 'c3', name: 'list_vendors', input: {}, ok: true, output: { rows: Array.from({ length: 14 }, (_, index) => ({ id: `v${index}` })), note: 'USD 1,250.50 outstanding' } };
    expect(check('There are 14 vendors; USD 1,250.50 is outstanding.', { toolCalls: [rows] }).unsupportedFigures).toEqual([]);
  });
});

describe('the answer check: action claims', () => {
  it('catches "paid" when the payment tool only filed a pending approval, even next to the words "pending approval"', () => {
    const findings = check('Done, Pulse Media has been paid (pending approval: http://x/approvals/ap-1).', { toolCalls: [pendingPayment] });
    expect(findings.falseClaims).toEqual([expect.objectContaining({ claim: 'paid', problem: 'pending_approval', tool: 'pay_vendor', approvalId: 'ap-1' })]);
  });

  it('accepts a pending approval called pending, and future or negated wording', () => {
    for (const answer of [
      'The payment of USD 250 to Pulse Media is pending approval: http://x/approvals/ap-1. Once a manager approves it, Pulse Media will be paid.',
      'Nothing has been paid yet; the request is pending approval (http://x/approvals/ap-1).',
      'Pulse Media has not been paid: USD 250 is pending approval.',
    ]) expect(check(answer, { toolCalls: [pendingPayment] }).falseClaims, answer).toEqual([]);
  });

  it('catches a claimed action that no call did, and one whose call failed', () => {
    expect(check('I paused the Summer Hearts campaign.').falseClaims).toEqual([expect.objectContaining({ claim: 'paused', problem: 'not_done' })]);
    const failed: AgentToolCall = { id: 'c4', name: 'create_vendor', input: { name: 'X' }, ok: false, error: { code: 'conflict', message: 'exists' } };
    expect(check('Created the vendor X.', { toolCalls: [failed] }).falseClaims).toEqual([expect.objectContaining({ claim: 'Created', problem: 'failed', tool: 'create_vendor' })]);
    expect(check('The report was successfully sent to the team.').falseClaims).toEqual([expect.objectContaining({ claim: 'sent' })]);
  });

  it('accepts a claim an executed write backs', () => {
    const paused: AgentToolCall = { id: 'c5', name: 'update_placement', input: { placement_id: 'p1', status: 'paused' }, ok: true, output: { id: 'p1', status: 'PAUSED' } };
    expect(check('I paused the placement; it is now paused.', { toolCalls: [paused] }).falseClaims).toEqual([]);
  });

  it('does not read a reported status or a person\'s decision as a claim of this turn', () => {
    const campaigns: AgentToolCall = { id: 'c6', name: 'list_campaigns_fixture', input: {}, ok: true, output: { rows: [{ name: 'Summer Hearts', status: 'PAUSED' }] } };
    expect(check('Summer Hearts has been paused; your payment request has been approved by Jane and executed.', { toolCalls: [campaigns] }).falseClaims).toEqual([]);
    expect(check('Summer Hearts has been paused.').falseClaims).toEqual([expect.objectContaining({ claim: 'paused' })]);
    expect(check('I paused Summer Hearts.', { toolCalls: [campaigns] }).falseClaims).toEqual([expect.objectContaining({ claim: 'paused', problem: 'not_done' })]);
    expect(check('I approved the payment.').falseClaims).toEqual([expect.objectContaining({ claim: 'approved' })]);
  });

  it('does not read reports of the data, questions or advice as claims', () => {
    expect(actionClaims('Pulse Media has been paid USD 500 so far. Neon was paid in October. Should I pause it? Paused placements: none. If you want, I can pause it.')).toEqual([]);
  });
});

describe('what the model and the user are told', () => {
  it('names each finding and what to do instead', () => {
    const findings = check('Pulse Media has been paid 9,999 USD.', { toolCalls: [pendingPayment] });
    expect(correctionRequest(findings)).toContain('The figure 9,999 is in no tool result');
    expect(correctionRequest(findings)).toContain('pending approval');
    expect(unverifiedNote(findings)).toBe('⚠ Not verified: the figure 9,999 (not in the data this answer used); "paid" (pay_vendor only filed an approval request (ap-1); nothing happens until a manager approves it, so it is pending approval, not paid). Check these before relying on them.');
  });
});
