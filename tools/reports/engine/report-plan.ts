import { invalidInput } from '../../registry/errors.ts';
import { evaluateFormula, FormulaError, parseFormula, type ParsedFormula } from '../metrics/formula.ts';
import type { MetricLibrary } from '../metrics/metric-library.ts';
import type { MetricSpec } from '../metrics/metric-spec.ts';
import { parsePayloadPath } from './dimensions.ts';

/** A requested metric: the key as asked (the result's column key) and its definition. */
export interface RequestedMetric {
  asked: string;
  spec: MetricSpec;
}

/** Where a base metric's values come from. */
export type BaseSource =
  | { kind: 'builtin'; fact: string; measure: string }
  | { kind: 'payload'; path: string[]; dataSource: string | null };

export interface ReportPlan {
  requested: RequestedMetric[];
  /** Every base metric the report needs, by key, directly or through formulas. */
  bases: Map<string, { spec: MetricSpec; source: BaseSource }>;
  /** Every formula the report evaluates, by metric key. */
  formulas: Map<string, ParsedFormula>;
}

export function parseBaseSource(spec: MetricSpec): BaseSource {
  const source = spec.source ?? '';
  const builtIn = /^builtin:([a-z_]+)\.([a-z_]+)$/.exec(source);
  if (builtIn) return { kind: 'builtin', fact: builtIn[1]!, measure: builtIn[2]! };
  const payload = parsePayloadPath(source);
  if (payload) return { kind: 'payload', path: payload.path, dataSource: payload.dataSource };
  throw invalidInput('metrics', `metric "${spec.key}" has no usable source (${source || 'none'}); fix it with update_metric`);
}

/** Resolves the asked keys (aliases too) and everything their formulas use, refusing unknown, inactive and circular ones. */
export function planReport(metricKeys: readonly string[], library: MetricLibrary): ReportPlan {
  const plan: ReportPlan = { requested: [], bases: new Map(), formulas: new Map() };
  metricKeys.forEach((asked, index) => {
    const at = `metrics[${index}]`;
    if (metricKeys.indexOf(asked) !== index) throw invalidInput(at, `"${asked}" is asked twice`);
    const spec = library.resolve(asked);
    if (!spec) {
      const close = library.closest(asked).filter((key) => library.resolve(key)?.kind === 'metric');
      throw invalidInput(at, `unknown metric "${asked}"${close.length ? `; did you mean ${close.join(', ')}?` : ''} (list_metrics lists them)`);
    }
    if (spec.kind !== 'metric') throw invalidInput(at, `"${asked}" is a dimension; put it in dimensions`);
    if (!spec.active) throw invalidInput(at, `metric "${spec.key}" is deactivated (deactivate_metric with reactivate: true brings it back)`);
    plan.requested.push({ asked, spec });
    collect(spec, library, plan, at, []);
  });
  return plan;
}

function collect(spec: MetricSpec, library: MetricLibrary, plan: ReportPlan, at: string, path: string[]): void {
  if (path.includes(spec.key)) throw invalidInput(at, `metric formulas form a cycle: ${[...path.slice(path.indexOf(spec.key)), spec.key].join(' -> ')}`);
  if (plan.bases.has(spec.key) || plan.formulas.has(spec.key)) return;
  if (!spec.formula) {
    plan.bases.set(spec.key, { spec, source: parseBaseSource(spec) });
    return;
  }
  let parsed: ParsedFormula;
  try {
    parsed = parseFormula(spec.formula);
  } catch (error) {
    if (error instanceof FormulaError) throw invalidInput(at, `metric "${spec.key}"'s formula does not parse: ${error.message}`);
    throw error;
  }
  plan.formulas.set(spec.key, parsed);
  for (const reference of parsed.references) {
    const used = library.resolve(reference);
    if (!used || used.kind !== 'metric') throw invalidInput(at, `metric "${spec.key}" uses "${reference}", which is not a metric; fix its formula with update_metric`);
    if (!used.active) throw invalidInput(at, `metric "${spec.key}" uses "${used.key}", which is deactivated`);
    collect(used, library, plan, at, [...path, spec.key]);
  }
}

/** Evaluates a metric in a row: a base metric's value, or its formula on the row's values (aliases resolved). */
export function metricValue(key: string, values: Map<string, number | null>, plan: ReportPlan, library: MetricLibrary | null, emptyAsZero: Map<string, boolean>, memo = new Map<string, number | null>()): number | null {
  if (memo.has(key)) return memo.get(key)!;
  const formula = plan.formulas.get(key);
  let value: number | null;
  if (formula) {
    value = evaluateFormula(formula, (reference) => {
      const resolved = plan.bases.has(reference) || plan.formulas.has(reference) ? reference : (library?.resolve(reference)?.key ?? reference);
      return metricValue(resolved, values, plan, library, emptyAsZero, memo);
    });
  } else {
    value = values.get(key) ?? (emptyAsZero.get(key) ? 0 : null);
  }
  memo.set(key, value);
  return value;
}
