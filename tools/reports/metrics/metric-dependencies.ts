import { FormulaError, parseFormula, type FormulaNode, type ParsedFormula } from './formula.ts';
import { MetricLibrary } from './metric-library.ts';
import type { MetricSpec } from './metric-spec.ts';

/**
 * What a metric depends on and what depends on it, over an organisation's whole library: formula
 * references (aliases resolved to their key), weights of weighted averages, cycles, and the
 * dependency tree. Pure (no database): define/update tools, the report engine and the web metric
 * builder share it.
 */

/** One thing wrong with a metric; `position` is the 0-based character of its formula it points at. */
export interface MetricProblem {
  key: string;
  field: 'formula' | 'weight_key';
  position: number | null;
  message: string;
}

/** The metric a key (or alias) stands for in a formula or tree node. */
export interface DependencyNode {
  key: string;
  label: string;
  formula?: string;
  source?: string;
  /** What it reads: a formula's metrics in order of appearance, then a weighted average's weight. */
  uses: DependencyNode[];
}

export interface MetricUser {
  key: string;
  label: string;
  active: boolean;
  via: 'formula' | 'weight';
}

const parsedByText = new Map<string, ParsedFormula | FormulaError>();

/** Parses once per text (the library's formulas are checked again on every change). */
export function parseCached(text: string): ParsedFormula | FormulaError {
  let parsed = parsedByText.get(text);
  if (!parsed) {
    try {
      parsed = parseFormula(text);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      parsed = error;
    }
    if (parsedByText.size > 2000) parsedByText.clear();
    parsedByText.set(text, parsed);
  }
  return parsed;
}

/** Where each referenced name first appears (0-based), from the checked tree. */
export function referencePositions(root: FormulaNode): Map<string, number> {
  const positions = new Map<string, number>();
  const visit = (node: FormulaNode): void => {
    if (node.type === 'metric') {
      const known = positions.get(node.key);
      if (known === undefined || node.position < known) positions.set(node.key, node.position);
    } else if (node.type === 'negate') visit(node.operand);
    else if (node.type === 'binary') (visit(node.left), visit(node.right));
    else if (node.type === 'call') node.args.forEach(visit);
  };
  visit(root);
  return positions;
}

/** The keys a metric reads directly (formula references resolved through aliases, then its weight); unknown names are left out. */
export function dependenciesOf(spec: MetricSpec, library: MetricLibrary): string[] {
  const keys: string[] = [];
  if (spec.formula) {
    const parsed = parseCached(spec.formula);
    if (!(parsed instanceof FormulaError)) {
      for (const name of parsed.references) {
        const used = library.resolve(name);
        if (used && !keys.includes(used.key)) keys.push(used.key);
      }
    }
  }
  if (spec.weightKey) {
    const weight = library.resolve(spec.weightKey);
    if (weight && !keys.includes(weight.key)) keys.push(weight.key);
  }
  return keys;
}

/**
 * Checks a formula for metric `key` (a new or existing one, or none) against the library: it
 * parses, and every name is an active metric (not a dimension) other than `key` itself. Cycles
 * through other metrics are found by `findCycle` over the library with the formula in place.
 */
export function checkFormula(library: MetricLibrary, text: string, key?: string): { parsed: ParsedFormula; uses: string[] } | MetricProblem {
  const owner = key ?? '';
  const parsed = parseCached(text);
  if (parsed instanceof FormulaError) return { key: owner, field: 'formula', position: parsed.position, message: parsed.reason };
  const positions = referencePositions(parsed.root);
  const uses: string[] = [];
  for (const name of parsed.references) {
    const position = positions.get(name) ?? 0;
    const spec = library.resolve(name);
    const at = (message: string): MetricProblem => ({ key: owner, field: 'formula', position, message });
    if (key && (name === key || spec?.key === key)) return at(`${key} cannot use itself (${key} -> ${key})`);
    if (!spec) {
      const close = library.closest(name, 8).filter((candidate) => library.resolve(candidate)?.kind === 'metric').slice(0, 3);
      return at(`unknown metric "${name}"${close.length ? `; did you mean ${close.join(', ')}?` : '; list_metrics lists the keys'}`);
    }
    const named = spec.key === name ? name : `${name} (${spec.key})`;
    if (spec.kind !== 'metric') return at(`${named} is a dimension: a formula can only use metrics`);
    if (!spec.active) return at(`${named} is inactive; reactivate it (deactivate_metric with reactivate: true) or use another metric`);
    if (!uses.includes(spec.key)) uses.push(spec.key);
  }
  return { parsed, uses };
}

/** A weighted average's weight: an active base metric (its values exist per record). */
export function checkWeight(library: MetricLibrary, weightKey: string, key?: string): MetricSpec | MetricProblem {
  const weight = library.resolve(weightKey);
  const problem = (message: string): MetricProblem => ({ key: key ?? '', field: 'weight_key', position: null, message });
  if (!weight) {
    const close = library.closest(weightKey, 8).filter((candidate) => library.resolve(candidate)?.kind === 'metric').slice(0, 3);
    return problem(`unknown metric "${weightKey}"${close.length ? `; did you mean ${close.join(', ')}?` : ''}`);
  }
  if (key && weight.key === key) return problem(`${key} cannot weight itself`);
  if (weight.kind !== 'metric') return problem(`${weight.key} is a dimension, not a metric`);
  if (!weight.active) return problem(`${weight.key} is inactive`);
  if (weight.formula) return problem(`${weight.key} is calculated; the weight must be a base metric (values per record)`);
  return weight;
}

/**
 * The first cycle among active metrics, as keys in order with the first repeated at the end
 * (`a -> b -> a`), starting from its alphabetically first key so the same cycle always reads the same.
 */
export function findCycle(library: MetricLibrary): string[] | null {
  const specs = library.all().filter((spec) => spec.active);
  const edges = new Map(specs.map((spec) => [spec.key, dependenciesOf(spec, library)]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | null => {
    if (state.get(key) === 'done') return null;
    if (state.get(key) === 'open') return path.slice(path.indexOf(key));
    state.set(key, 'open');
    path.push(key);
    for (const next of edges.get(key) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(key, 'done');
    return null;
  };
  for (const spec of [...specs].sort((a, b) => a.key.localeCompare(b.key))) {
    const cycle = visit(spec.key);
    if (cycle) {
      const start = cycle.indexOf([...cycle].sort()[0]!);
      const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
      return [...rotated, rotated[0]!];
    }
  }
  return null;
}

/** Every active metric's problems (formula, references, weight), keyed by metric; cycles under the key `*cycle*`. */
export function libraryProblems(library: MetricLibrary): Map<string, MetricProblem> {
  const problems = new Map<string, MetricProblem>();
  for (const spec of library.all()) {
    if (!spec.active) continue;
    if (spec.formula) {
      const checked = checkFormula(library, spec.formula, spec.key);
      if ('message' in checked) problems.set(spec.key, { ...checked, key: spec.key });
    }
    if (spec.weightKey && !problems.has(spec.key)) {
      const weight = checkWeight(library, spec.weightKey, spec.key);
      if ('message' in weight) problems.set(spec.key, { ...weight, key: spec.key });
    }
  }
  const cycle = findCycle(library);
  if (cycle) problems.set(CYCLE, { key: cycle[0]!, field: 'formula', position: null, message: `the formulas form a cycle: ${cycle.join(' -> ')}` });
  return problems;
}

/** The key libraryProblems files a cycle under. */
export const CYCLE = '*cycle*';

/** The library with `spec` added or replacing the metric of the same key. */
export function withSpec(library: MetricLibrary, spec: MetricSpec): MetricLibrary {
  const specs = library.all().filter((existing) => existing.key !== spec.key);
  return new MetricLibrary([...specs, spec]);
}

/** What `key` reads, all the way down to base metrics (built-in leaves included). */
export function dependencyTree(library: MetricLibrary, spec: MetricSpec): DependencyNode {
  const build = (current: MetricSpec, onPath: ReadonlySet<string>): DependencyNode => {
    const below = new Set(onPath).add(current.key);
    const uses = dependenciesOf(current, library)
      .filter((key) => !below.has(key))
      .map((key) => build(library.resolve(key)!, below));
    return {
      key: current.key,
      label: current.label,
      ...(current.formula ? { formula: current.formula } : {}),
      ...(current.source ? { source: current.source } : {}),
      uses,
    };
  };
  return build(spec, new Set());
}

/** The metrics that read `key` directly (through a formula, by key or alias, or as their weight). */
export function usersOf(library: MetricLibrary, key: string): MetricUser[] {
  const users: MetricUser[] = [];
  for (const spec of library.all()) {
    if (spec.key === key) continue;
    if (spec.formula && dependenciesOf({ ...spec, weightKey: null }, library).includes(key)) users.push({ key: spec.key, label: spec.label, active: spec.active, via: 'formula' });
    else if (spec.weightKey && library.resolve(spec.weightKey)?.key === key) users.push({ key: spec.key, label: spec.label, active: spec.active, via: 'weight' });
  }
  return users;
}

/**
 * A problem as people read it: the 1-based character and the formula with a caret under it
 * (long formulas are cut to the part around the caret).
 */
export function describeProblem(problem: Pick<MetricProblem, 'position' | 'message'>, formula?: string): string {
  if (problem.position === null || formula === undefined) return problem.message;
  const window = 60;
  const start = formula.length > window ? Math.max(0, Math.min(problem.position - window / 2, formula.length - window)) : 0;
  const end = Math.min(formula.length, start + window);
  const excerpt = `${start > 0 ? '…' : ''}${formula.slice(start, end)}${end < formula.length ? '…' : ''}`;
  const caret = ' '.repeat(problem.position - start + (start > 0 ? 1 : 0));
  return `${problem.message} (at character ${problem.position + 1}):\n  ${excerpt}\n  ${caret}^`;
}

/** "a, b and c". */
export function listed(keys: readonly string[]): string {
  return keys.length <= 1 ? (keys[0] ?? '') : `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}`;
}
