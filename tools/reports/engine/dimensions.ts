import { Prisma } from '../../../db/generated/prisma/client.ts';
import { normalizeName } from '../../common/channel-name.ts';
import { invalidInput } from '../../registry/errors.ts';
import type { MetricLibrary } from '../metrics/metric-library.ts';

/** Dimensions Crescendo's own tables can be split by. */
export const BUILT_IN_DIMENSIONS = ['channel', 'campaign', 'artist', 'platform', 'track', 'data_source', 'source_category', 'asset', 'customer'] as const;
export type BuiltInDimension = (typeof BUILT_IN_DIMENSIONS)[number];

/** Unified-record columns a custom dimension may name as its source. */
const RECORD_COLUMN_DIMENSIONS: Record<string, BuiltInDimension> = {
  data_source: 'data_source', source_category: 'source_category', campaign_key: 'campaign', asset_key: 'asset', customer_key: 'customer',
};

/** A dimension as asked (its key is the column key in the result) and where its values come from. */
export type DimensionRef =
  | { key: string; label: string; builtIn: BuiltInDimension }
  | { key: string; label: string; payloadPath: string[]; dataSource: string | null };

const PATH_SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `payload.a.b` (optionally `<data_source>:payload.a.b`) as its path segments, or null when `text` is not one. */
export function parsePayloadPath(text: string): { path: string[]; dataSource: string | null } | null {
  const match = /^(?:([a-z][a-z0-9_]*):)?payload\.(.+)$/.exec(text);
  if (!match) return null;
  const path = match[2]!.split('.');
  return path.every((segment) => PATH_SEGMENT.test(segment)) ? { path, dataSource: match[1] ?? null } : null;
}

/** Resolves a dimension key (built-in, custom, alias or payload.<path>), or an invalid_input at `at`. */
export function resolveDimension(text: string, library: MetricLibrary, at: string): DimensionRef {
  const payload = parsePayloadPath(text);
  if (payload) return { key: text, label: text.replace(/^.*payload\./, ''), payloadPath: payload.path, dataSource: payload.dataSource };
  const spec = library.resolve(text);
  if (!spec) {
    const close = library.closest(text).filter((key) => library.resolve(key)?.kind === 'dimension');
    throw invalidInput(at, `unknown dimension "${text}"${close.length ? `; did you mean ${close.join(', ')}?` : ''} (or use payload.<field> for a record field)`);
  }
  if (spec.kind !== 'dimension') throw invalidInput(at, `"${text}" is a metric, not a dimension; put it in metrics`);
  if (!spec.active) throw invalidInput(at, `dimension "${spec.key}" is deactivated`);
  const source = spec.source ?? '';
  const builtIn = source.startsWith('builtin:') ? source.slice('builtin:'.length) : RECORD_COLUMN_DIMENSIONS[source];
  if (builtIn && (BUILT_IN_DIMENSIONS as readonly string[]).includes(builtIn)) return { key: spec.key, label: spec.label, builtIn: builtIn as BuiltInDimension };
  const custom = parsePayloadPath(source);
  if (custom) return { key: spec.key, label: spec.label, payloadPath: custom.path, dataSource: custom.dataSource };
  throw invalidInput(at, `dimension "${spec.key}" has no usable source (${source || 'none'})`);
}

/** Names compared the way they are stored (channel and platform names are normalised on import). */
export function normalizeDimensionValue(dimension: DimensionRef, value: string): string {
  return 'builtIn' in dimension && (dimension.builtIn === 'channel' || dimension.builtIn === 'platform') ? normalizeName(value) : value;
}

/** Text of a JSON path in a jsonb column, for grouping and filtering. */
export function payloadText(column: Prisma.Sql, path: readonly string[]): Prisma.Sql {
  return Prisma.sql`(${column} #>> ${path}::text[])`;
}
