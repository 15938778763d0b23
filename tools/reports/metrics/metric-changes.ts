import type { ToolContext } from '../../registry/context.ts';
import { conflict, invalidInput, ToolError } from '../../registry/errors.ts';
import { loadMetricLibrary, type MetricLibrary } from './metric-library.ts';
import type { MetricSpec } from './metric-spec.ts';
import { checkFormula, checkWeight, CYCLE, describeProblem, findCycle, libraryProblems, listed, usersOf, withSpec, type MetricProblem } from './metric-dependencies.ts';
import { checkDataType, storedColumns } from './metric-fields.ts';
import { STANDARD_METRICS } from './standard-library.ts';

/**
 * How a metric may be shaped: a metric has exactly one of a formula or a source, a base metric an
 * aggregation, a weighted average its weight; a dimension reads a source and aggregates nothing.
 */
export function checkShape(spec: MetricSpec): void {
  checkDataType(spec.dataType, spec.kind);
  if (spec.kind === 'dimension') {
    if (spec.formula) throw invalidInput('formula', 'a dimension reads a source; only metrics have formulas');
    if (!spec.source) throw invalidInput('source', 'a dimension needs a source (payload.<path> or a record column)');
    if (spec.aggregation) throw invalidInput('aggregation', 'a dimension is not aggregated; leave aggregation out');
    if (spec.weightKey) throw invalidInput('weight_key', 'a dimension has no weight');
    return;
  }
  if (spec.formula && spec.source) throw invalidInput('source', 'give either a formula (a calculated metric) or a source (a base metric), not both');
  if (!spec.formula && !spec.source) throw invalidInput('source', 'give a formula (a calculated metric) or a source such as payload.revenue (a base metric)');
  if (spec.formula && spec.aggregation) throw invalidInput('aggregation', 'not allowed with a formula: a formula is evaluated on its inputs\' aggregated values');
  if (!spec.formula && !spec.aggregation) throw invalidInput('aggregation', 'a base metric needs one: sum, avg, count, distinct or weighted_avg');
  if (spec.category === 'calculated' && !spec.formula) throw invalidInput('category', 'calculated metrics have a formula; use external, platform or attribution for a base metric');
  if (spec.aggregation === 'weighted_avg' && !spec.weightKey) throw invalidInput('weight_key', 'weighted_avg needs the metric that weights it');
  if (spec.weightKey && spec.aggregation !== 'weighted_avg') throw invalidInput('weight_key', 'only a weighted_avg metric has a weight');
}

/**
 * Checks `next` (a new or changed metric) against the whole library and returns the library with
 * it in place. Its own formula and weight must hold (invalid_input pointing at the place); it may not
 * close a cycle (named in order); and no other active metric may break because of it (conflict
 * naming them, saying how to proceed).
 */
export function checkChange(library: MetricLibrary, next: MetricSpec): MetricLibrary {
  const after = withSpec(library, next);
  if (next.formula) {
    const checked = checkFormula(after, next.formula, next.key);
    if ('message' in checked) throw formulaError(checked, next.formula);
  }
  if (next.active && next.weightKey) {
    const weight = checkWeight(after, next.weightKey, next.key);
    if ('message' in weight) throw invalidInput('weight_key', weight.message);
  }
  const cycle = next.active ? findCycle(after) : null;
  if (cycle && !findCycle(library)) throw invalidInput('formula', `this would make a cycle: ${cycle.join(' -> ')}`);
  const before = libraryProblems(library);
  const broken = [...libraryProblems(after)].filter(([key, problem]) => key !== next.key && key !== CYCLE && before.get(key)?.message !== problem.message).map(([key]) => key);
  if (broken.length) throw brokenUsers(library, next, broken);
  return after;
}

export function formulaError(problem: MetricProblem, formula: string): ToolError {
  return invalidInput(problem.field, describeProblem(problem, formula));
}

function brokenUsers(library: MetricLibrary, next: MetricSpec, broken: string[]): ToolError {
  const direct = new Set(usersOf(library, next.key).map((user) => user.key));
  const one = broken.length === 1;
  const changeable = broken.filter((key) => !library.resolve(key)?.builtIn);
  const orChange = changeable.length ? ` or change ${one ? 'its formula' : `the formula${changeable.length === 1 ? '' : 's'} of ${listed(changeable)}`} (update_metric)` : '';
  if (!next.active) {
    return conflict(`${listed(broken)} ${one ? 'uses' : 'use'} ${next.key}. Deactivate ${one ? 'it' : 'them'} first (deactivate_metric)${orChange}, then deactivate ${next.key}.`);
  }
  const why = broken.every((key) => direct.has(key)) ? `, which ${one ? 'uses' : 'use'} ${next.key}` : '';
  return conflict(`This change would break ${listed(broken)}${why}. Change ${one ? 'it' : 'them'} first${orChange ? ' (update_metric)' : ''}, or leave ${next.key} as it is.`);
}

/**
 * The organisation's library, read for a change: changes are checked against the whole library,
 * so two at once (a uses b here, b uses a there) are made one after the other.
 */
export async function loadForChange(ctx: ToolContext): Promise<MetricLibrary> {
  await ctx.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('metric_library'), hashtext(${ctx.orgId}))::text`;
  return loadMetricLibrary(ctx.db);
}

/** Stores a new metric of the organisation's own (a key taken meanwhile is a conflict). */
export async function createOwn(ctx: ToolContext, spec: MetricSpec): Promise<void> {
  await ctx.db.metricDefinition.create({ data: { organizationId: ctx.orgId, key: spec.key, ...storedColumns(spec), createdById: ctx.actor.userId } });
}

/** Stores the changes to one of the organisation's own metrics. */
export async function storeOwn(ctx: ToolContext, spec: MetricSpec): Promise<void> {
  await ctx.db.metricDefinition.update({ where: { organizationId_key: { organizationId: ctx.orgId, key: spec.key } }, data: storedColumns(spec) });
}

/** A built-in's changes, stored as an override row: only label, description, aliases and the active flag are read from it. */
export async function storeOverride(ctx: ToolContext, key: string, change: { label?: string; description?: string | null; aliases?: string[]; active?: boolean }): Promise<void> {
  const builtIn = STANDARD_METRICS.find((spec) => spec.key === key)!;
  const where = { organizationId_key: { organizationId: ctx.orgId, key } };
  const row = await ctx.db.metricDefinition.findUnique({ where });
  const override = {
    label: change.label ?? row?.label ?? builtIn.label,
    // Null keeps the built-in's own description (and any improvement to it).
    description: change.description !== undefined ? change.description : (row?.description ?? null),
    aliases: change.aliases ?? row?.aliases ?? [],
    isActive: change.active ?? row?.isActive ?? true,
  };
  const { category, kind, dataType } = storedColumns(builtIn);
  await ctx.db.metricDefinition.upsert({
    where,
    create: { organizationId: ctx.orgId, key, category, kind, dataType, ...override, createdById: ctx.actor.userId },
    update: override,
  });
}
