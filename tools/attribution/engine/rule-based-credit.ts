import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { positionCredit, type PositionWeights, type RuleBasedModel } from '../models.ts';
import { conversionCtes, journeyCte, type JourneyScope } from './journey-sql.ts';

export interface RuleBasedParameters {
  halfLifeDays: number;
  /** Shares for `custom`. */
  customWeights: PositionWeights;
  positionWeights: PositionWeights;
}

/** One key's credit under one model. */
export interface KeyCredit {
  key: string;
  revenue: number;
  conversions: number;
  /** Credit of conversions that were the customer's first purchase (for CAC). */
  firstPurchases: number;
}

/** Per key: the touchpoints in conversion windows, and each model's credit. */
export interface RuleBasedCredit {
  touchpoints: Map<string, number>;
  byModel: Map<RuleBasedModel, KeyCredit[]>;
}

/** The SQL weight of one journey row (`position` of `touches`, `relative_age` seconds) under a model. */
export function weightSql(model: RuleBasedModel, parameters: RuleBasedParameters): Prisma.Sql {
  switch (model) {
    case 'first_touch':
      return Prisma.sql`CASE WHEN position = 1 THEN 1.0 ELSE 0.0 END`;
    case 'last_touch':
      return Prisma.sql`CASE WHEN position = touches THEN 1.0 ELSE 0.0 END`;
    case 'linear':
      return Prisma.sql`1.0 / touches`;
    case 'time_decay': {
      const halfLifeSeconds = parameters.halfLifeDays * 86_400;
      return Prisma.sql`power(2.0::float8, -relative_age / ${halfLifeSeconds}::float8)
        / sum(power(2.0::float8, -relative_age / ${halfLifeSeconds}::float8)) OVER (PARTITION BY conversion_id)`;
    }
    case 'position_based':
      return positionWeightSql(parameters.positionWeights);
    case 'custom':
      return positionWeightSql(parameters.customWeights);
  }
}

/** The shares come from `positionCredit`, so the SQL and the rule as documented cannot drift apart. */
function positionWeightSql(weights: PositionWeights): Prisma.Sql {
  const [firstOfTwo, lastOfTwo] = [positionCredit(weights, 1, 2), positionCredit(weights, 2, 2)];
  return Prisma.sql`CASE
    WHEN touches = 1 THEN 1.0
    WHEN touches = 2 THEN CASE WHEN position = 1 THEN ${firstOfTwo}::float8 ELSE ${lastOfTwo}::float8 END
    WHEN position = 1 THEN ${weights.first}::float8
    WHEN position = touches THEN ${weights.last}::float8
    ELSE ${weights.middle}::float8 / (touches - 2) END`;
}

/** The query behind `ruleBasedCredit`: one row per key with `touchpoints` and `revenueN`, `conversionsN`, `firstN` per model N. */
export function ruleBasedCreditSql(scope: JourneyScope, models: readonly RuleBasedModel[], parameters: RuleBasedParameters, options: { firstPurchase?: boolean } = {}): Prisma.Sql {
  const weightColumns = models.map((model, index) => Prisma.sql`CASE WHEN touches = 0 THEN 1.0 ELSE ${weightSql(model, parameters)} END AS ${Prisma.raw(`w${index}`)}`);
  const sums = models.map((_, index) => {
    const weight = Prisma.raw(`w${index}`);
    return Prisma.sql`sum(${weight} * revenue) AS ${Prisma.raw(`revenue${index}`)}, sum(${weight}) AS ${Prisma.raw(`conversions${index}`)},
      coalesce(sum(${weight}) FILTER (WHERE first_purchase), 0) AS ${Prisma.raw(`first${index}`)}`;
  });
  return Prisma.sql`
    WITH ${conversionCtes(scope, options)}, ${journeyCte(scope)},
    weighted AS (
      SELECT key, revenue, first_purchase, touch_id, ${Prisma.join(weightColumns)} FROM journey
    )
    SELECT key, count(touch_id) AS touchpoints, ${Prisma.join(sums)}
    FROM weighted GROUP BY key`;
}

/**
 * Credits every conversion in scope under each requested rule-based model, in one pass over the
 * journeys: each conversion's credit (summing to 1) times its revenue goes to the keys of its
 * touchpoints; a conversion without touchpoints goes to (direct) whole.
 */
export async function ruleBasedCredit(
  db: ToolDb,
  scope: JourneyScope,
  models: readonly RuleBasedModel[],
  parameters: RuleBasedParameters,
  options: { firstPurchase?: boolean } = {},
): Promise<RuleBasedCredit> {
  const rows = await db.$queryRaw<Array<Record<string, unknown> & { key: string; touchpoints: bigint | number }>>(ruleBasedCreditSql(scope, models, parameters, options));
  return {
    touchpoints: new Map(rows.map((row) => [row.key, Number(row.touchpoints)])),
    byModel: new Map(
      models.map((model, index) => [
        model,
        rows.map((row) => ({
          key: row.key,
          revenue: Number(row[`revenue${index}`] ?? 0),
          conversions: Number(row[`conversions${index}`] ?? 0),
          firstPurchases: Number(row[`first${index}`] ?? 0),
        })),
      ]),
    ),
  };
}
