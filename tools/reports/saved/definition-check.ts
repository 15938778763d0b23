import type { ToolContext } from '../../registry/context.ts';
import { ToolError, type FieldIssue } from '../../registry/errors.ts';
import { loadMetricLibrary } from '../metrics/metric-library.ts';
import type { MetricKind, MetricSpec } from '../metrics/metric-spec.ts';
import type { ReportRequest } from '../report-request.ts';
import { editDistance } from '../../common/edit-distance.ts';

/** How many close matches an unknown key's message names. */
const SUGGESTED = 3;

/**
 * Checks that every metric and dimension key of a report definition resolves in the
 * organisation's metric library (built in or its own, active), so a saved report cannot hold a
 * typo that only fails when it runs. Dimensions may also be record fields (`payload.<path>`).
 * Throws invalid_input naming each bad key at `<path>.metrics[i]` with the closest keys.
 */
export async function checkDefinition(ctx: Pick<ToolContext, 'db'>, definition: Pick<ReportRequest, 'metrics' | 'dimensions'>, path = 'definition'): Promise<void> {
  const library = await loadMetricLibrary(ctx.db);
  const all = library.all().filter((spec) => spec.active);
  const issues: FieldIssue[] = [];
  const check = (field: 'metrics' | 'dimensions', kind: MetricKind) =>
    definition[field].forEach((key, index) => {
      if (kind === 'dimension' && key.startsWith('payload.') && key.length > 'payload.'.length) return;
      const spec = library.resolve(key);
      if (spec && spec.active && spec.kind === kind) return;
      issues.push({ path: `${path}.${field}[${index}]`, message: problem(key, kind, spec, all) });
    });
  check('metrics', 'metric');
  check('dimensions', 'dimension');
  if (issues.length) throw new ToolError('invalid_input', issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
}

function problem(key: string, kind: MetricKind, spec: MetricSpec | undefined, all: MetricSpec[]): string {
  if (spec && !spec.active) return `"${key}" is switched off in this organisation's metric library.`;
  if (spec) return `"${key}" is a ${spec.kind}, not a ${kind}${kind === 'metric' ? ' (put it in dimensions)' : ' (put it in metrics)'}.`;
  const close = closeMatches(key, all.filter((candidate) => candidate.kind === kind));
  const hint = close.length ? ` Did you mean ${close.map((match) => `"${match}"`).join(', ')}?` : ' list_metrics lists them.';
  return `"${key}" is not a ${kind} of this organisation's metric library.${hint}`;
}

/** The keys nearest a typo: edit distance up to a third of its length (at least 2), or sharing a prefix or substring. */
export function closeMatches(typed: string, specs: MetricSpec[]): string[] {
  const wanted = typed.toLowerCase();
  const scored: Array<{ key: string; score: number }> = [];
  for (const spec of specs) {
    let best = Infinity;
    for (const name of [spec.key, ...spec.aliases]) {
      const candidate = name.toLowerCase();
      const distance = editDistance(wanted, candidate);
      const contains = wanted.length >= 3 && (candidate.includes(wanted) || wanted.includes(candidate));
      const score = distance <= Math.max(2, Math.floor(wanted.length / 3)) ? distance : contains ? 10 + Math.abs(candidate.length - wanted.length) : Infinity;
      best = Math.min(best, score);
    }
    if (best < Infinity) scored.push({ key: spec.key, score: best });
  }
  return scored.sort((a, b) => a.score - b.score || a.key.localeCompare(b.key)).slice(0, SUGGESTED).map((match) => match.key);
}
