export const START = '(start)';
export const CONVERSION = '(conversion)';
export const NULL_STATE = '(null)';

/** How often a path stepped from one state to the next, counted over all paths. */
export interface TransitionCount {
  from: string;
  to: string;
  count: number;
}

export interface RemovalEffects {
  /** P(reaching conversion from start) in the full chain. */
  conversionProbability: number;
  /** Per channel: 1 - P(conversion without it) / P(conversion). */
  removalEffects: Map<string, number>;
  /** Per channel: its removal effect / the sum of all removal effects (0 for all when the sum is 0). */
  shares: Map<string, number>;
}

/**
 * First-order Markov attribution. The transient states are (start) and the channels; (conversion)
 * and (null) absorb. P(conversion) is solved exactly: the absorption probabilities x satisfy
 * x = r + Q x, i.e. (I - Q) x = r, with Q the transient-to-transient probabilities and r the
 * one-step probabilities of converting. Removing a channel redirects every transition into it to
 * (null), which is the same as deleting its column from Q.
 */
export function markovRemovalEffects(transitions: readonly TransitionCount[]): RemovalEffects {
  const channels = [...new Set(transitions.flatMap(({ from, to }) => [from, to]))]
    .filter((state) => state !== START && state !== CONVERSION && state !== NULL_STATE)
    .sort();
  const states = [START, ...channels];
  const index = new Map(states.map((state, position) => [state, position]));
  const outgoing = new Array<number>(states.length).fill(0);
  for (const { from, count } of transitions) outgoing[stateIndex(index, from)]! += count;

  const q = states.map(() => new Array<number>(states.length).fill(0));
  const r = new Array<number>(states.length).fill(0);
  for (const { from, to, count } of transitions) {
    if (count <= 0) continue;
    const row = stateIndex(index, from);
    const probability = count / outgoing[row]!;
    if (to === CONVERSION) r[row]! += probability;
    else if (to !== NULL_STATE) q[row]![stateIndex(index, to)]! += probability;
  }

  const conversionProbability = absorptionFromStart(q, r, null);
  const removalEffects = new Map<string, number>();
  for (const channel of channels) {
    const without = absorptionFromStart(q, r, index.get(channel)!);
    removalEffects.set(channel, conversionProbability > 0 ? 1 - without / conversionProbability : 0);
  }
  const total = [...removalEffects.values()].reduce((sum, effect) => sum + effect, 0);
  const shares = new Map(channels.map((channel) => [channel, total > 0 ? removalEffects.get(channel)! / total : 0]));
  return { conversionProbability, removalEffects, shares };
}

function stateIndex(index: Map<string, number>, state: string): number {
  const position = index.get(state);
  if (position === undefined) throw new Error(`Transition from absorbing state ${state}`);
  return position;
}

/** Solves (I - Q) x = r for x[start], with `removed` made unreachable (its column dropped). */
function absorptionFromStart(q: number[][], r: number[], removed: number | null): number {
  const size = r.length;
  const matrix = q.map((row, i) => row.map((value, j) => (i === j ? 1 : 0) - (j === removed ? 0 : value)));
  const rhs = r.map((value, i) => (i === removed ? 0 : value));
  if (removed !== null) {
    // The removed state can no longer be entered; pin x = 0 there so its row cannot make I - Q singular.
    matrix[removed] = matrix[removed]!.map((_, j) => (j === removed ? 1 : 0));
  }
  return solveLinearSystem(matrix, rhs, size)[0]!;
}

/** Gaussian elimination with partial pivoting; states with no way to absorb (never on a path) get 0. */
function solveLinearSystem(matrix: number[][], rhs: number[], size: number): number[] {
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let column = 0; column < size; column++) {
    let pivot = column;
    for (let row = column + 1; row < size; row++) if (Math.abs(a[row]![column]!) > Math.abs(a[pivot]![column]!)) pivot = row;
    if (Math.abs(a[pivot]![column]!) < 1e-15) continue;
    [a[column], a[pivot]] = [a[pivot]!, a[column]!];
    const pivotRow = a[column]!;
    for (let row = 0; row < size; row++) {
      if (row === column) continue;
      const factor = a[row]![column]! / pivotRow[column]!;
      if (factor === 0) continue;
      for (let k = column; k <= size; k++) a[row]![k]! -= factor * pivotRow[k]!;
    }
  }
  return a.map((row, i) => (Math.abs(row[i]!) < 1e-15 ? 0 : row[size]! / row[i]!));
}
