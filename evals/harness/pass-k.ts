import type { CaseScore } from './score-case.ts';

/** One case over every run of it: how many runs passed, and whether all did (pass^k). */
export interface RepeatedCase {
  id: string;
  area: CaseScore['area'];
  runs: number;
  passes: number;
  /** Passed in every run: pass^k, where k is `runs`. */
  passedEveryRun: boolean;
}

/** Groups the scores of k runs by case (a case missing from a run counts as a failed run of it). */
export function repeatedCases(runs: readonly CaseScore[][]): RepeatedCase[] {
  const ids = [...new Set(runs.flatMap((run) => run.map((score) => score.id)))];
  return ids.map((id) => {
    const scores = runs.map((run) => run.find((score) => score.id === id));
    const passes = scores.filter((score) => score?.passed).length;
    return { id, area: scores.find(Boolean)!.area, runs: runs.length, passes, passedEveryRun: passes === runs.length };
  });
}

/**
 * The single-run pass rate (passing runs over all runs of all cases) and pass^k (cases that passed
 * every one of their k runs, over cases). pass^k is never above the single-run rate: a case that
 * passes 2 runs of 3 counts 2/3 in the first and 0 in the second.
 */
export function passRates(cases: readonly RepeatedCase[]): { singleRun: number; everyRun: number; runs: number } {
  const totalRuns = cases.reduce((sum, repeated) => sum + repeated.runs, 0);
  return {
    singleRun: totalRuns ? cases.reduce((sum, repeated) => sum + repeated.passes, 0) / totalRuns : 0,
    everyRun: cases.length ? cases.filter((repeated) => repeated.passedEveryRun).length / cases.length : 0,
    runs: Math.max(0, ...cases.map((repeated) => repeated.runs)),
  };
}
