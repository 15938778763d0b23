import type { CaseScore } from './score-case.ts';

export interface RunSummary {
  mode: 'scripted' | 'live';
  model: string;
  date: string;
  cases: number;
  passed: number;
  passRate: number;
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
}

export function summarise(mode: RunSummary['mode'], model: string, scores: CaseScore[], date: Date): RunSummary {
  const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0);
  const figures = scores.reduce((sum, score) => sum + score.figures, 0);
  const latencies = scores.map((score) => score.latencyMs).sort((a, b) => a - b);
  const areas = [...new Set(scores.map((score) => score.area))];
  const passed = scores.filter((score) => score.passed).length;
  return {
    mode,
    model,
    date: date.toISOString(),
    cases: scores.length,
    passed,
    passRate: scores.length ? passed / scores.length : 0,
    toolPrecision: mean(scores.map((score) => score.precision)),
    toolRecall: mean(scores.map((score) => score.recall)),
    groundedFigureRate: figures ? scores.reduce((sum, score) => sum + score.groundedFigures, 0) / figures : null,
    meanSteps: mean(scores.map((score) => score.steps)),
    casesWithDiscovery: scores.filter((score) => score.discoverySteps > 0).length,
    inputTokens: scores.reduce((sum, score) => sum + score.inputTokens, 0),
    outputTokens: scores.reduce((sum, score) => sum + score.outputTokens, 0),
    medianLatencyMs: latencies.length ? latencies[Math.floor(latencies.length / 2)]! : 0,
    byArea: areas.map((area) => ({ area, cases: scores.filter((score) => score.area === area).length, passed: scores.filter((score) => score.area === area && score.passed).length })),
  };
}

const percent = (ratio: number | null) => (ratio === null ? 'n/a' : `${(ratio * 100).toFixed(1)}%`);

export function markdownReport(summary: RunSummary, scores: CaseScore[]): string {
  const warning = summary.mode === 'scripted'
    ? '> **Scripted mode**: no model was configured, so a scripted model issued each case\'s expected tool calls and composed the answer from their results. This checks the tools, the agent loop and the harness, **not a model**; these figures are not a live pass rate.\n'
    : `> **Live mode** against ${summary.model}.\n`;
  const lines = [
    `# Agent evals (${summary.mode})`,
    '',
    warning,
    `Run ${summary.date}; demo organisation seeded as of 2026-11-16.`,
    '',
    '| mode | model | cases | pass rate | tool precision | tool recall | grounded figures | mean steps | cases that searched for a tool | tokens in / out | median latency |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${summary.mode} | ${summary.model} | ${summary.cases} | ${percent(summary.passRate)} (${summary.passed}/${summary.cases}) | ${percent(summary.toolPrecision)} | ${percent(summary.toolRecall)} | ${percent(summary.groundedFigureRate)} | ${summary.meanSteps.toFixed(2)} | ${summary.casesWithDiscovery} | ${summary.inputTokens} / ${summary.outputTokens} | ${summary.medianLatencyMs} ms |`,
    '',
    '| area | cases | passed |',
    '| --- | --- | --- |',
    ...summary.byArea.map((area) => `| ${area.area} | ${area.cases} | ${area.passed} |`),
    '',
    '| case | area | pass | tools called | precision | recall | figures grounded | steps (of which find_tools) | latency | failures |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...scores.map((score) =>
      `| ${score.id} | ${score.area} | ${score.passed ? 'yes' : '**no**'} | ${score.toolsCalled.join(', ') || '-'} | ${percent(score.precision)} | ${percent(score.recall)} | ${score.groundedFigures}/${score.figures} | ${score.steps} (${score.discoverySteps}) | ${score.latencyMs} ms | ${score.failures.join('; ').replace(/\|/g, '\\|') || '-'} |`),
    '',
  ];
  return lines.join('\n');
}
