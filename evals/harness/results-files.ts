import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AdversarialResult } from '../adversarial/run-adversarial.ts';
import { markdownReport, summaryHeader, summaryRow, type RunSummary } from './report.ts';
import type { CaseScore } from './score-case.ts';

/** The commit the run measured, with "+changes" when tracked files differ from it; 'unknown' outside a git checkout. */
export function currentCommit(cwd: string): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  try {
    const commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
    return git('status', '--porcelain', '--untracked-files=no') ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}

/**
 * Writes a run's results: the latest per mode (<mode>.md and .json), the run's own report
 * (runs/<date>-<mode>.md, kept), and one row appended to history.md, so runs can be compared.
 * Returns the paths written, relative to `folder`.
 */
export function writeRunResults(folder: string, summary: RunSummary, runs: CaseScore[][], adversarial: AdversarialResult[]): string[] {
  const report = markdownReport(summary, runs, adversarial);
  const stamp = summary.date.slice(0, 19).replace(/[T:]/g, '-');
  const runFile = join('runs', `${stamp}-${summary.mode}.md`);
  mkdirSync(join(folder, 'runs'), { recursive: true });
  writeFileSync(join(folder, `${summary.mode}.json`), `${JSON.stringify({ summary, adversarial, runs }, null, 2)}\n`);
  writeFileSync(join(folder, `${summary.mode}.md`), report);
  writeFileSync(join(folder, runFile), report);
  const history = join(folder, 'history.md');
  if (!existsSync(history)) {
    writeFileSync(history, ['# Eval runs', '', 'One row per `npm run evals` (newest last); each links its full report in runs/.', '', ...summaryHeader().map((line, index) => (index === 0 ? `${line} report |` : `${line} --- |`)), ''].join('\n'));
  }
  appendFileSync(history, `${summaryRow(summary)} [${runFile}](${runFile}) |\n`);
  return [`${summary.mode}.md`, `${summary.mode}.json`, runFile, 'history.md'];
}
