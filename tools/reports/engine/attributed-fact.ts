import { Prisma } from '../../../db/generated/prisma/client.ts';
import { isoDay } from '../../common/format.ts';
import { inAnalyticSession } from '../../attribution/engine/analytic-session.ts';
import { attribute } from '../../attribution/engine/attribute.ts';
import { resolveScope, type ResolvedScope } from '../../attribution/engine/attribution-scope.ts';
import { conversionCtes, journeyCte } from '../../attribution/engine/journey-sql.ts';
import { weightSql } from '../../attribution/engine/rule-based-credit.ts';
import { POSITION_BASED_WEIGHTS, type AttributionModel, type GroupBy } from '../../attribution/models.ts';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput } from '../../registry/errors.ts';
import type { DimensionRef } from './dimensions.ts';
import type { FactResult, FactScope } from './fact-query.ts';
import { filterSql } from './filters.ts';
import { periodKey, periodSql } from './periods.ts';

/** Measures credited to journeys' touchpoints (channel, campaign or artist) under a model. */
export const ATTRIBUTED_MEASURES = ['revenue', 'conversions', 'new_customers', 'first_touch_revenue', 'last_touch_revenue', 'assisted_conversions', 'journey_length'] as const;
export type AttributedMeasure = (typeof ATTRIBUTED_MEASURES)[number];

/** Dimensions a journey's touchpoints can be credited to. */
export const ATTRIBUTION_KEYS: readonly GroupBy[] = ['channel', 'campaign', 'artist'];

export const attributionKeyOf = (dimension: DimensionRef): GroupBy | null =>
  'builtIn' in dimension && (ATTRIBUTION_KEYS as readonly string[]).includes(dimension.builtIn) ? (dimension.builtIn as GroupBy) : null;

/** The one attribution key the report splits by (channel when it splits by none). Two of them cannot be credited at once. */
export function attributionKey(dimensions: readonly DimensionRef[]): GroupBy | null {
  const keys = dimensions.map(attributionKeyOf).filter((key): key is GroupBy => key !== null);
  if (keys.length > 1) throw invalidInput('dimensions', `attributed revenue is credited to one of channel, campaign or artist at a time, not ${keys.join(' and ')}`);
  return keys[0] ?? null;
}

export interface AttributedScope extends FactScope {
  ctx: ToolContext;
  model: AttributionModel;
}

/**
 * The conversions in range, each credited to its journey's touchpoints (same journeys, windows and
 * weights as calculate_attribution), summed by the conversion's period and the report's dimensions.
 */
export async function queryAttributed(scope: AttributedScope, measures: readonly AttributedMeasure[]): Promise<FactResult> {
  const key = attributionKey(scope.dimensions);
  const journeys = await resolveScope(scope.ctx, { from: isoDay(scope.range.fromDay), to: isoDay(scope.range.toDay), group_by: key ?? 'channel' });
  const journeyScope: ResolvedScope = { ...journeys, from: scope.range.start, to: scope.range.end };
  if (scope.model === 'markov') return markov(scope, journeyScope, key, measures);
  if (scope.model === 'custom' && !journeyScope.customWeights) {
    throw invalidInput('attribution_model', 'the custom model needs weights saved with set_attribution_settings');
  }
  const weight = weightSql(scope.model, { halfLifeDays: journeyScope.halfLifeDays, customWeights: journeyScope.customWeights ?? POSITION_BASED_WEIGHTS, positionWeights: POSITION_BASED_WEIGHTS });
  const conditions: Prisma.Sql[] = [];
  for (const filter of scope.filters) {
    if (attributionKeyOf(filter.dimension) !== key || !key) {
      scope.notes.add(`Attributed figures are credited by ${key ?? 'channel'}, so the filter on ${filter.dimension.key} leaves them out.`);
      return emptyResult(measures);
    }
    conditions.push(filterSql(filter, Prisma.sql`key`));
  }
  const period = scope.grain ? periodSql(scope.grain, scope.org.timeZone, scope.range, { instant: Prisma.sql`converted_at` }) : Prisma.sql`NULL::text`;
  const dimensionColumns = scope.dimensions.map((dimension, index) => {
    if (attributionKeyOf(dimension)) return Prisma.sql`key AS ${Prisma.raw(`d${index}`)}`;
    scope.notes.add(`Attributed figures have no ${dimension.key}: shown with an empty ${dimension.key}.`);
    return Prisma.sql`NULL::text AS ${Prisma.raw(`d${index}`)}`;
  });
  const groupColumns = [Prisma.raw('period'), ...scope.dimensions.map((_, index) => Prisma.raw(`d${index}`))];
  const grandTotal = Prisma.sql`GROUPING(${Prisma.join(groupColumns)})`;
  // Journey length per key counts each conversion the key touched once; overall, each conversion once.
  const touchesPerConversion = key && scope.dimensions.some((dimension) => attributionKeyOf(dimension))
    ? Prisma.sql`CASE WHEN ${grandTotal} = 0 THEN sum(touches) FILTER (WHERE key_rank = 1) ELSE sum(touches) FILTER (WHERE position = 1) END`
    : Prisma.sql`sum(touches) FILTER (WHERE position = 1)`;
  const aggregates: Record<AttributedMeasure, Prisma.Sql> = {
    revenue: Prisma.sql`coalesce(sum(w * revenue), 0)`,
    conversions: Prisma.sql`coalesce(sum(w), 0)`,
    new_customers: Prisma.sql`coalesce(sum(w) FILTER (WHERE first_purchase), 0)`,
    first_touch_revenue: Prisma.sql`coalesce(sum(revenue) FILTER (WHERE position = 1), 0)`,
    last_touch_revenue: Prisma.sql`coalesce(sum(revenue) FILTER (WHERE position = touches OR touches = 0), 0)`,
    assisted_conversions: Prisma.sql`count(DISTINCT conversion_id) FILTER (WHERE position < touches)`,
    journey_length: Prisma.sql`${touchesPerConversion}::float8 / nullif(count(DISTINCT conversion_id), 0)`,
  };
  const rows = await inAnalyticSession(scope.ctx, (db) => db.$queryRaw<Array<Record<string, unknown>>>(Prisma.sql`
    WITH ${conversionCtes(journeyScope, { firstPurchase: true })}, ${journeyCte(journeyScope)},
    credited AS (
      SELECT ${period} AS period, ${Prisma.join([...dimensionColumns, Prisma.sql`key`])}, revenue, first_purchase, touches, position, conversion_id,
             CASE WHEN touches = 0 THEN 1.0 ELSE ${weight} END AS w,
             row_number() OVER (PARTITION BY conversion_id, key ORDER BY position) AS key_rank
      FROM journey
    )
    SELECT ${Prisma.join([...groupColumns.map((column) => Prisma.sql`${column}`), ...measures.map((measure) => Prisma.sql`${aggregates[measure]}::float8 AS ${Prisma.raw(measure)}`)])},
           ${grandTotal} AS grand_total
    FROM credited
    ${conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty}
    GROUP BY GROUPING SETS ((${Prisma.join(groupColumns)}), ())`));
  const result: FactResult = emptyResult(measures);
  for (const row of rows) {
    const values = new Map(measures.map((measure) => [measure, row[measure] === null ? null : Number(row[measure])]));
    if (Number(row.grand_total) !== 0) result.totals = values;
    else result.rows.push({ period: scope.grain && row.period !== null ? periodKey(scope.grain, row.period) : null, dimensions: scope.dimensions.map((_, index) => (row[`d${index}`] as string | null) ?? null), values });
  }
  return result;
}

function emptyResult(measures: readonly AttributedMeasure[]): FactResult {
  return { rows: [], totals: new Map(measures.map((measure) => [measure, measure === 'journey_length' ? null : 0])) };
}

/** Markov credit is a property of all paths together, so it has no per-period split. */
async function markov(scope: AttributedScope, journeyScope: ResolvedScope, key: GroupBy | null, measures: readonly AttributedMeasure[]): Promise<FactResult> {
  if (scope.grain) throw invalidInput('attribution_model', 'markov credit is computed over all paths at once and cannot be split by period; drop time_grain or choose another model');
  const unsupported = measures.filter((measure) => measure !== 'revenue' && measure !== 'conversions' && measure !== 'new_customers');
  if (unsupported.length) throw invalidInput('attribution_model', `markov gives revenue and conversions only, not ${unsupported.join(', ')}`);
  if (scope.filters.length) throw invalidInput('filters', 'markov credit cannot be filtered; drop the filters or choose another model');
  const attribution = (await attribute(scope.ctx, journeyScope, ['markov'], { firstPurchase: true })).get('markov')!;
  const pick = (credit: { revenue: number; conversions: number; firstPurchases: number }, measure: AttributedMeasure) =>
    measure === 'revenue' ? credit.revenue : measure === 'conversions' ? credit.conversions : credit.firstPurchases;
  const total = { revenue: 0, conversions: 0, firstPurchases: 0 };
  for (const row of attribution.rows) {
    total.revenue += row.revenue;
    total.conversions += row.conversions;
    total.firstPurchases += row.firstPurchases;
  }
  const rows = key && scope.dimensions.some((dimension) => attributionKeyOf(dimension))
    ? attribution.rows.map((row) => ({
      period: null,
      dimensions: scope.dimensions.map((dimension) => (attributionKeyOf(dimension) ? row.key : null)),
      values: new Map(measures.map((measure) => [measure, pick(row, measure)])),
    }))
    : [{ period: null, dimensions: scope.dimensions.map(() => null), values: new Map(measures.map((measure) => [measure, pick(total, measure)])) }];
  return { rows, totals: new Map(measures.map((measure) => [measure, pick(total, measure)])) };
}
