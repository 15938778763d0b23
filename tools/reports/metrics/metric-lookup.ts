import { ToolError } from '../../registry/errors.ts';
import type { MetricLibrary } from './metric-library.ts';
import type { MetricSpec } from './metric-spec.ts';

/**
 * The metric or dimension a key or alias names in this organisation's library, active or not;
 * not_found with the closest keys otherwise (another organisation's metrics are never found).
 */
export function findMetric(library: MetricLibrary, key: string): MetricSpec {
  const spec = library.resolve(key.trim());
  if (spec) return spec;
  const close = library.closest(key.trim());
  const hint = close.length ? ` Did you mean ${close.join(', ')}?` : ' list_metrics lists them.';
  throw new ToolError('not_found', `No metric or dimension "${key}" in this organisation.${hint}`);
}
