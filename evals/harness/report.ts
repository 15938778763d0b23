import type { AdversarialResult } from '../adversarial/run-adversarial.ts';
import { passRates, repeatedCases, type RepeatedCase } from './pass-k.ts';
import type { CaseScore } from './score-case.ts';

export interface RunSummary {
  mode: 'scripted' | 'live';
  model: string;
  date: string;
  /** git rev-parse --short HEAD, or 'unknown' outside a checkout. */
  commit: string;
  cases: number;
  /** How many times each case ran (k of pass^k). */
  runs: number;
  /** Cases that passed every run. */
  passed: number;
  /** Passing runs over all runs (the single-run pass rate). */
  passRate: number;
  /** Cases that passed all k runs, over cases. */
  passEveryRun: number;
  toolPrecision: number;
  toolRecall: number;
  groundedFigureRate: number | null;
  meanSteps: number;
  /** Cases in which the agent searched for a tool (find_tools) before it could answer. */
  casesWithDiscovery: number;
  inputTokens: number;
  outputTokens: number;
  medianLatencyMs: number;
  byArea: Array<{ area: string; cases: number; passed: number }>;
  adversarial: { cases: number; held: number };
}

export function summarise(mode: RunSummary['mode'], model: string, runs: CaseScore[][], date: Date, commit = 'unknown', adversarial: AdversarialResult[] = []): RunSummary {
  const scores = runs.flat();
  const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0);
  const figures = scores.reduce((sum, score) => sum + score.figures, 0);
  const latencies = scores.map((score) => score.latencyMs).sort((a, b) => a - b);
  const repeated = repeatedCases(runs);
  const rates = passRates(repeated);
  const areas = [...new Set(repeated.map((entry) => entry.area))];
  return {
    mode,
    model,
    date: date.toISOString(),
    commit,
    cases: repeated.length,
    runs: rates.runs,
    passed: repeated.filter((entry) => entry.passedEveryRun).length,
    passRate: rates.singleRun,
    passEveryRun: rates.everyRun,
    toolPrecision: mean(scores.map((score) => score.precision)),
    toolRecall: mean(scores.map((score) => score.recall)),
    groundedFigureRate: figures ? scores.reduce((sum, score) => sum + score.groundedFigures, 0) / figures : null,
    meanSteps: mean(scores.map((score) => score.steps)),
    casesWithDiscovery: new Set(scores.filter((score) => score.discoverySteps > 0).map((score) => score.id)).size,
    inputTokens: scores.reduce((sum, score) => sum + score.inputTokens, 0),
    outputTokens: scores.reduce((sum, score) => sum + score.outputTokens, 0),
    medianLatencyMs: latencies.length ? latencies[Math.floor(latencies.length / 2)]! : 0,
    byArea: areas.map((area) => ({ area, cases: repeated.filter((entry) => entry.area === area).length, passed: repeated.filter((entry) => entry.area === area && entry.passedEveryRun).length })),
    adversarial: { cases: adversarial.length, held: adversarial.filter((result) => result.held).length },
  };
}

const percent = (ratio: number | null) => (ratio === null ? 'n/a' : `${(ratio * 100).toFixed(1)}%`);
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The headline table: one row per run (also the row appended to the history). */
export function summaryHeader(): string[] {
  return [
    '| date | mode | model | commit | cases | runs each | pass rate (single run) | pass^k (all k runs) | tool precision | tool recall | grounded figures | adversarial guards held | mean steps | tokens in / out | median latency |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
}

export function summaryRow(summary: RunSummary): string {
  const single = Math.round(summary.passRate * summary.cases * summary.runs);
  return `| ${summary.date.slice(0, 16).replace('T', ' ')} | ${summary.mode} | ${summary.model} | ${summary.commit} | ${summary.cases} | ${summary.runs} | ${percent(summary.passRate)} (${single}/${summary.cases * summary.runs}) | ${percent(summary.passEveryRun)} (${summary.passed}/${summary.cases}) | ${percent(summary.toolPrecision)} | ${percent(summary.toolRecall)} | ${percent(summary.groundedFigureRate)} | ${summary.adversarial.held}/${summary.adversarial.cases} | ${summary.meanSteps.toFixed(2)} | ${summary.inputTokens} / ${summary.outputTokens} | ${summary.medianLatencyMs} ms |`;
}

export function markdownReport(summary: RunSummary, runs: CaseScore[][], adversarial: AdversarialResult[] = []): string {
  const warning = summary.mode === 'scripted'
    ? '> **Scripted mode**: no model was configured, so a scripted model issued each case\'s expected tool calls and composed the answer from their results. This checks the tools, the agent loop and the harness, **not a model**; these figures are not a live pass rate.\n'
    : `> **Live mode** against ${summary.model}: each case ran ${summary.runs} times in a freshly seeded organisation. A run fails on any figure not grounded in a tool result, any forbidden tool call, a wrong status or a missing fact; pass^${summary.runs} counts a case only if all ${summary.runs} runs passed.\n`;
  const repeated = repeatedCases(runs);
  const lines = [
    `# Agent evals (${summary.mode})`,
    '',
    warning,
    `Run ${summary.date} at commit ${summary.commit}; demo organisation seeded as of 2026-11-16.`,
    '',
    ...summaryHeader(),
    summaryRow(summary),
    '',
    '| area | cases | passed every run |',
    '| --- | --- | --- |',
    ...summary.byArea.map((area) => `| ${area.area} | ${area.cases} | ${area.passed} |`),
    '',
    '## Adversarial fake models',
    '',
    'Fake models scripted to misbehave; each case asserts the agent\'s guard (the database and the stored answer check), never the model.',
    '',
    '| case | misbehaviour | guard | held | failures |',
    '| --- | --- | --- | --- | --- |',
    ...adversarial.map((result) => `| ${result.id} | ${cell(result.misbehaviour)} | ${cell(result.guard)} | ${result.held ? 'yes' : '**no**'} | ${cell(result.failures.join('; ')) || '-'} |`),
    '',
    `## Cases (${summary.mode})`,
    '',
    '| case | area | passed runs | tools called (first run) | precision | recall | figures grounded | steps (of which find_tools) | latency | failures |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...repeated.map((entry) => caseRow(entry, runs)),
    '',
  ];
  return lines.join('\n');
}

function caseRow(entry: RepeatedCase, runs: CaseScore[][]): string {
  const scores = runs.map((run) => run.find((score) => score.id === entry.id)).filter((score): score is CaseScore => !!score);
  const first = scores[0]!;
  const failures = [...new Set(scores.flatMap((score, index) => score.failures.map((failure) => (runs.length > 1 ? `run ${index + 1}: ${failure}` : failure))))];
  const passed = entry.passedEveryRun ? `${entry.passes}/${entry.runs}` : `**${entry.passes}/${entry.runs}**`;
  return `| ${entry.id} | ${entry.area} | ${passed} | ${first.toolsCalled.join(', ') || '-'} | ${percent(first.precision)} | ${percent(first.recall)} | ${first.groundedFigures}/${first.figures} | ${first.steps} (${first.discoverySteps}) | ${first.latencyMs} ms | ${cell(failures.join('; ')) || '-'} |`;
}
