import { editDistance } from '../../common/edit-distance.ts';
import type { FieldIssue } from '../../registry/errors.ts';
import type { MetricLibrary } from '../../reports/metrics/metric-library.ts';

/**
 * What a BigQuery table's columns can feed: the row's identity (day, platform, account, campaign)
 * and the daily campaign metrics CampaignMetric stores. Metric keys are the reports metric
 * library's (spend, impressions, clicks, conversions, reach, frequency) and its aliases (cost ->
 * spend), plus the campaign-metric keys the library does not define (conversion_value, video_*).
 */
export const IDENTITY_KEYS = ['date', 'platform', 'account_id', 'account_name', 'currency', 'campaign_id', 'campaign_name'] as const;
export const METRIC_KEYS = ['spend', 'impressions', 'clicks', 'conversions', 'conversion_value', 'reach', 'frequency', 'video_views', 'video_p25', 'video_p50', 'video_p75', 'video_p100'] as const;
export const REQUIRED_KEYS = ['date', 'platform', 'account_id', 'campaign_id', 'spend'] as const;

export type ColumnKey = (typeof IDENTITY_KEYS)[number] | (typeof METRIC_KEYS)[number];
export type ColumnMap = Partial<Record<ColumnKey, string>>;

/** A BigQuery column name (letters, digits, underscores; not starting with a digit). */
const COLUMN = /^[A-Za-z_][A-Za-z0-9_]{0,299}$/;
/** Project ids (optionally domain-scoped, example.com:project), dataset and table names as BigQuery allows them, minus anything that needs escaping. */
export const PROJECT_ID = /^(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
export const DATASET = /^[A-Za-z0-9_]{1,1024}$/;
export const TABLE = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,1023}$/;

/**
 * The map as stored (canonical keys), or the issues: unknown keys with the nearest known ones,
 * metric keys that are calculated (ctr, roas) rather than stored, bad column names, required keys
 * missing, one key mapped twice.
 */
export function checkColumnMap(input: Record<string, string>, library: MetricLibrary): { map: ColumnMap; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const map: ColumnMap = {};
  const known = new Set<string>([...IDENTITY_KEYS, ...METRIC_KEYS]);
  for (const [rawKey, column] of Object.entries(input)) {
    const key = rawKey.trim().toLowerCase();
    const path = `column_map.${rawKey}`;
    let canonical: ColumnKey | undefined = known.has(key) ? (key as ColumnKey) : undefined;
    if (!canonical) {
      const spec = library.resolve(key);
      if (spec && known.has(spec.key)) canonical = spec.key as ColumnKey;
      else if (spec) {
        issues.push({ path, message: spec.formula ? `${spec.key} is calculated (${spec.formula}), not read from a table: map its inputs instead` : `${spec.key} is not a daily campaign metric Crescendo stores from BigQuery (use one of ${METRIC_KEYS.join(', ')})` });
        continue;
      } else {
        const near = closest(key, library);
        issues.push({ path, message: `"${rawKey}" is not a metric or column key${near.length ? `; did you mean ${near.join(', ')}?` : ''} (keys: ${[...IDENTITY_KEYS, ...METRIC_KEYS].join(', ')})` });
        continue;
      }
    }
    if (!COLUMN.test(column)) {
      issues.push({ path, message: `"${column.slice(0, 60)}" is not a BigQuery column name (letters, digits and underscores, not starting with a digit)` });
      continue;
    }
    if (map[canonical] !== undefined) {
      issues.push({ path, message: `${canonical} is mapped twice (also to ${map[canonical]})` });
      continue;
    }
    map[canonical] = column;
  }
  for (const key of REQUIRED_KEYS) if (!map[key] && !issues.some((issue) => issue.path.toLowerCase() === `column_map.${key}`)) issues.push({ path: `column_map.${key}`, message: `${key} is required: name the column that holds it` });
  return { map, issues };
}

/** Known keys (library metrics and this map's own) nearest to an unknown one. */
function closest(wanted: string, library: MetricLibrary): string[] {
  const own = [...IDENTITY_KEYS, ...METRIC_KEYS].map((key) => ({ key, distance: editDistance(wanted, key) }));
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const ours = own.filter(({ key, distance }) => distance <= limit || key.includes(wanted) || wanted.includes(key));
  const merged = new Map<string, number>();
  for (const { key, distance } of ours) merged.set(key, distance);
  for (const key of library.closest(wanted, 3)) if (!merged.has(key)) merged.set(key, editDistance(wanted, key));
  return [...merged.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([key]) => key);
}

/**
 * The query: each mapped column selected under its key, the day between @from and @to (query
 * parameters). Every identifier was checked against the patterns above, so backtick quoting is safe.
 */
export function buildQuery(source: { projectId: string; dataset: string; table: string; columnMap: ColumnMap }): string {
  const { projectId, dataset, table, columnMap } = source;
  if (!PROJECT_ID.test(projectId) || !DATASET.test(dataset) || !TABLE.test(table)) throw new Error('BigQuery source identifiers failed validation');
  const columns = (Object.entries(columnMap) as Array<[ColumnKey, string]>).filter(([, column]) => COLUMN.test(column));
  if (columns.length !== Object.keys(columnMap).length) throw new Error('BigQuery column names failed validation');
  const select = columns.map(([key, column]) => `\`${column}\` AS \`${key}\``).join(', ');
  return `SELECT ${select} FROM \`${projectId}.${dataset}.${table}\` WHERE \`${columnMap.date}\` BETWEEN @from AND @to`;
}
