import type { MetricDefinition } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import type { MetricAggregation, MetricCategory, MetricDataType, MetricKind, MetricSpec } from './metric-spec.ts';
import { STANDARD_METRICS } from './standard-library.ts';
import { editDistance } from '../../common/edit-distance.ts';

const lower = <T extends string>(value: string): T => value.toLowerCase() as T;

/** An organisation's metrics and dimensions: the standard library with its changes, plus its own. */
export class MetricLibrary {
  private readonly byKey = new Map<string, MetricSpec>();
  private readonly byAlias = new Map<string, MetricSpec>();

  constructor(specs: readonly MetricSpec[]) {
    for (const spec of specs) this.byKey.set(spec.key, spec);
    for (const spec of specs) for (const alias of spec.aliases) if (!this.byKey.has(alias)) this.byAlias.set(alias, spec);
  }

  /** The metric or dimension a key or legacy alias names (active or not), if any. */
  resolve(keyOrAlias: string): MetricSpec | undefined {
    return this.byKey.get(keyOrAlias) ?? this.byAlias.get(keyOrAlias);
  }

  all(): MetricSpec[] {
    return [...this.byKey.values()];
  }

  /** Known keys closest to `wanted` (shared prefix, containment or a small edit distance), for "did you mean". */
  closest(wanted: string, count = 3): string[] {
    const scored = [...this.byKey.values()]
      .filter((spec) => spec.active)
      .map((spec) => ({ key: spec.key, distance: Math.min(editDistance(wanted, spec.key), ...spec.aliases.map((alias) => editDistance(wanted, alias))) }))
      .filter(({ key, distance }) => distance <= Math.max(2, Math.floor(wanted.length / 3)) || key.includes(wanted) || wanted.includes(key));
    return scored.sort((a, b) => a.distance - b.distance || a.key.localeCompare(b.key)).slice(0, count).map(({ key }) => key);
  }
}

export async function loadMetricLibrary(db: ToolDb): Promise<MetricLibrary> {
  const stored = await db.metricDefinition.findMany({ orderBy: { key: 'asc' } });
  return new MetricLibrary(mergeLibrary(stored));
}

/** Built-ins first (with the organisation's label, alias and active-flag changes), then its own. */
export function mergeLibrary(stored: readonly MetricDefinition[]): MetricSpec[] {
  const overrides = new Map(stored.map((row) => [row.key, row]));
  const builtIns = STANDARD_METRICS.map((spec) => {
    const row = overrides.get(spec.key);
    if (!row) return spec;
    return { ...spec, label: row.label, description: row.description ?? spec.description, aliases: row.aliases.length ? row.aliases : spec.aliases, active: row.isActive, overridden: true };
  });
  const builtInKeys = new Set(STANDARD_METRICS.map((spec) => spec.key));
  const own = stored.filter((row) => !builtInKeys.has(row.key)).map(storedSpec);
  return [...builtIns, ...own];
}

export function storedSpec(row: MetricDefinition): MetricSpec {
  return {
    key: row.key,
    label: row.label,
    description: row.description ?? '',
    category: lower<MetricCategory>(row.category),
    kind: lower<MetricKind>(row.kind),
    dataType: lower<MetricDataType>(row.dataType),
    display: 'number',
    aggregation: row.aggregation ? lower<MetricAggregation>(row.aggregation) : null,
    weightKey: row.weightKey,
    source: row.source,
    formula: row.formula,
    aliases: row.aliases,
    active: row.isActive,
    builtIn: false,
  };
}
