import { describe, expect, it } from 'vitest';
import type { AgentReply } from '../../agent/agent-events.ts';
import type { AgentToolCall } from '../../agent/tools/agent-tools.ts';
import { NO_USAGE } from '../../agent/usage.ts';
import type { EvalCase, Truth } from './eval-case.ts';
import { passRates, repeatedCases } from './pass-k.ts';
import { scoreCase, type CaseScore, type ScoreContext } from './score-case.ts';

// A catalogue of four tools: two reads, a write and the approval decision.
const WRITES = new Set(['create_vendor', 'decide_approval']);
const context: ScoreContext = {
  truth: { call: async () => { throw new Error('no truth needed'); } } satisfies Truth,
  question: 'How many streams did Wave Media deliver?',
  changesData: (tool) => WRITES.has(tool),
  catalogue: ['list_vendors', 'vendor_performance', 'create_vendor', 'decide_approval'],
};

const readCase = (overrides: Partial<EvalCase['expect']> = {}): EvalCase => ({
  id: 'fake-read', area: 'vendors', question: context.question,
  expect: { tools: ['vendor_performance'], ...overrides },
  script: { steps: [], answer: () => '' },
});

const call = (name: string, output: unknown = {}): AgentToolCall => ({ id: `call-${name}`, name, input: {}, ok: true, output });

const reply = (text: string, toolCalls: AgentToolCall[], status: AgentReply['status'] = 'answered'): AgentReply => ({
  status, threadId: 'thread', text, toolCalls, approvals: [], usage: NO_USAGE, costUsd: null, steps: toolCalls.length + 1, modelId: 'fake', durationMs: 5,
});

const DELIVERY = call('vendor_performance', { rows: [{ vendor_name: 'Wave Media', delivered_streams: 343_721, delivery_rate: 0.9412 }] });

describe('scoring a case', () => {
  it('passes an answer whose every figure is in a tool result (after rounding, or as a percentage)', async () => {
    const score = await scoreCase(readCase(), {}, reply('Wave Media delivered 343,721 streams (94.1% of what it promised).', [DELIVERY]), context);
    expect(score.failures).toEqual([]);
    expect(score.passed).toBe(true);
    expect([score.groundedFigures, score.figures]).toEqual([2, 2]);
  });

  it('fails a case when any figure is not grounded (grounded figures below 100%)', async () => {
    const score = await scoreCase(readCase(), {}, reply('Wave Media delivered 343,721 streams, about 412,000 this quarter.', [DELIVERY]), context);
    expect(score.passed).toBe(false);
    expect(score.failures).toEqual(['figures not in any tool result: 412,000']);
    expect([score.groundedFigures, score.figures]).toEqual([1, 2]);
  });

  it('counts figures an earlier turn of the thread returned as grounded', async () => {
    const score = await scoreCase(readCase({ tools: [] }), {}, reply('The one before delivered 12,345 streams.', []), { ...context, earlierOutputs: [{ delivered: 12_345 }] });
    expect(score.failures).toEqual([]);
  });

  it('fails a read question that calls a write tool, though the write is not in mustNotCall', async () => {
    const score = await scoreCase(readCase(), {}, reply('Wave Media delivered 343,721 streams.', [DELIVERY, call('create_vendor', { id: 'v1' })]), context);
    expect(score.passed).toBe(false);
    expect(score.failures).toEqual(['called create_vendor, which it must not']);
  });

  it('lets a case that asks for a change call its write tool, but never decide_approval', async () => {
    const writeCase = readCase({ tools: ['create_vendor'], allowed: ['decide_approval'] });
    const allowed = await scoreCase(writeCase, {}, reply('Added the vendor.', [call('create_vendor')]), context);
    expect(allowed.failures).toEqual([]);
    const approving = await scoreCase(writeCase, {}, reply('Added the vendor.', [call('create_vendor'), call('decide_approval')]), context);
    expect(approving.failures).toEqual(['called decide_approval, which it must not']);
  });

  it('fails a case on the mustNotCall list, a wrong status and a Slack answer with a markdown table', async () => {
    const slackCase: EvalCase = { ...readCase({ mustNotCall: ['list_vendors'] }), surface: 'SLACK' };
    const table = '| vendor | streams |\n| --- | --- |\n| Wave Media | 343,721 |';
    const score = await scoreCase(slackCase, {}, reply(table, [DELIVERY, call('list_vendors')], 'step_limit'), context);
    expect(score.failures).toEqual(['status step_limit', 'called list_vendors, which it must not', 'not fit for Slack: contains a markdown table']);
  });

  it('accepts another status when the case declares it (a step-limit case)', async () => {
    const score = await scoreCase(readCase({ statuses: ['answered', 'step_limit'] }), {}, reply('Wave Media delivered 343,721 streams.', [DELIVERY], 'step_limit'), context);
    expect(score.passed).toBe(true);
  });
});

describe('pass^k', () => {
  const score = (id: string, passed: boolean): CaseScore => ({
    id, area: 'vendors', passed, failures: passed ? [] : ['x'], toolsCalled: [], precision: 1, recall: 1, figures: 0, groundedFigures: 0,
    steps: 1, discoverySteps: 0, inputTokens: 0, outputTokens: 0, latencyMs: 0, answer: '',
  });

  it('counts a case only when all k runs passed, while the single-run rate counts every passing run', () => {
    const runs = [
      [score('a', true), score('b', true), score('c', false)],
      [score('a', true), score('b', false), score('c', false)],
      [score('a', true), score('b', true), score('c', true)],
    ];
    const cases = repeatedCases(runs);
    expect(cases.map((entry) => [entry.id, entry.passes, entry.passedEveryRun])).toEqual([['a', 3, true], ['b', 2, false], ['c', 1, false]]);
    const rates = passRates(cases);
    expect(rates.runs).toBe(3);
    expect(rates.singleRun).toBeCloseTo(6 / 9);
    expect(rates.everyRun).toBeCloseTo(1 / 3);
  });

  it('counts a case missing from a run (it crashed before scoring) as a failed run', () => {
    const cases = repeatedCases([[score('a', true)], [], [score('a', true)]]);
    expect(cases[0]).toMatchObject({ passes: 2, runs: 3, passedEveryRun: false });
  });

  it('with one run, pass^1 equals the single-run rate', () => {
    const rates = passRates(repeatedCases([[score('a', true), score('b', false)]]));
    expect(rates.singleRun).toBe(0.5);
    expect(rates.everyRun).toBe(0.5);
  });
});
