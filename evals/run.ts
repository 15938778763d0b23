// `npm run evals [-- --scripted] [-- --case ID] [-- --runs N]`: runs every eval case against the
// configured model (live: each case 3 times, in a freshly seeded organisation per run, for pass^3),
// or, without one, once against a scripted model (tools and harness only); then the adversarial
// fake models. Writes evals/results/<mode>.md and .json, runs/<date>-<mode>.md, and a history row.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../bin/config.ts';
import { agentModelFromConfig } from '../agent/model/agent-model.ts';
import { createConsoleLogger } from '../tools/registry/context.ts';
import { runAdversarialCases } from './adversarial/run-adversarial.ts';
import { EVAL_CASES } from './cases/index.ts';
import { openEvalWorld } from './harness/eval-world.ts';
import { markdownReport, summarise } from './harness/report.ts';
import { currentCommit, writeRunResults } from './harness/results-files.ts';
import { runCase } from './harness/run-case.ts';
import type { CaseScore } from './harness/score-case.ts';

const { values } = parseArgs({ options: { scripted: { type: 'boolean' }, case: { type: 'string', multiple: true }, runs: { type: 'string' } } });
const log = createConsoleLogger('error');
const liveModel = values.scripted ? null : agentModelFromConfig(loadConfig(process.env).model, log);
const mode = liveModel ? 'live' : 'scripted';
// A live model varies from run to run: pass^3 shows how often it is right every time. The scripted model does not.
const runCount = values.runs ? Number(values.runs) : liveModel ? 3 : 1;
if (!Number.isInteger(runCount) || runCount < 1) throw new Error(`--runs must be a whole number of at least 1, not ${values.runs}`);
const cases = values.case ? EVAL_CASES.filter((evalCase) => values.case!.includes(evalCase.id)) : EVAL_CASES;
if (!cases.length) throw new Error(`no eval case matches ${values.case?.join(', ')}`);

process.stderr.write(`evals: ${cases.length} cases x ${runCount} run(s), ${mode} mode${liveModel ? ` (${liveModel.modelId})` : ' (no model configured, or --scripted)'}\n`);
const runs: CaseScore[][] = [];
for (let run = 1; run <= runCount; run++) {
  process.stderr.write(`run ${run} of ${runCount}: seeding the demo organisation...\n`);
  // Each run starts from the same seeded organisation: the writes of one run never change what the next one reads.
  const world = await openEvalWorld();
  const scores: CaseScore[] = [];
  try {
    for (const evalCase of cases) {
      const score = await runCase(world, evalCase, liveModel, log).catch((error: unknown): CaseScore => crashed(evalCase.id, evalCase.area, error));
      process.stderr.write(`  ${score.passed ? 'pass' : 'FAIL'}  ${evalCase.id}${score.failures.length ? `: ${score.failures.join('; ')}` : ''}\n`);
      scores.push(score);
    }
  } finally {
    await world.close();
  }
  runs.push(scores);
}

process.stderr.write('adversarial fake models...\n');
const adversarial = values.case ? [] : await runAdversarialCases();
for (const result of adversarial) process.stderr.write(`  ${result.held ? 'held' : 'BROKEN'}  ${result.id}${result.failures.length ? `: ${result.failures.join('; ')}` : ''}\n`);

const root = join(import.meta.dirname, '..');
const summary = summarise(mode, liveModel?.modelId ?? 'scripted', runs, new Date(), currentCommit(root), adversarial);
const written = writeRunResults(join(import.meta.dirname, 'results'), summary, runs, adversarial);
const report = markdownReport(summary, runs, adversarial);
process.stdout.write(`${report.slice(0, report.indexOf('## Cases')).trimEnd()}\n\nwrote ${written.map((file) => `evals/results/${file}`).join(', ')}\n`);
// Scripted mode checks the plumbing: every case must pass. The guards never depend on the model: every one must hold in either mode.
const guardsHeld = summary.adversarial.held === summary.adversarial.cases;
process.exitCode = (mode === 'scripted' && summary.passed !== summary.cases) || !guardsHeld ? 1 : 0;

function crashed(id: string, area: CaseScore['area'], error: unknown): CaseScore {
  return {
    id, area, passed: false, failures: [`threw: ${error instanceof Error ? error.message : String(error)}`], toolsCalled: [], precision: 0, recall: 0,
    figures: 0, groundedFigures: 0, steps: 0, discoverySteps: 0, inputTokens: 0, outputTokens: 0, latencyMs: 0, answer: '',
  };
}
