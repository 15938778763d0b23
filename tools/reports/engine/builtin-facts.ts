import { Prisma } from '../../../db/generated/prisma/client.ts';
import { startOfDayIn } from '../../common/format.ts';
import { fxSegmentsTable, fxSegmentsToBase } from '../../money/fx.ts';
import { knownStreamRatesInBase } from '../../spend/earnings/stream-rates.ts';
import { spendFx } from '../../spend/spend-fx.ts';
import { payloadText, type DimensionRef } from './dimensions.ts';
import { SUM, type FactBranch, type FactScope, type MeasureAggregate } from './fact-query.ts';

/** A built-in fact: its measures and, for a scope, the branches (tables) its rows come from. */
export interface BuiltInFact {
  name: string;
  measures: Record<string, Omit<MeasureAggregate, 'name'>>;
  branches(scope: FactScope): Promise<FactBranch[]>;
}

const sum = { aggregate: SUM, emptyAsZero: true, additive: true };
const countDistinct = { aggregate: (column: Prisma.Sql) => Prisma.sql`count(DISTINCT ${column})`, emptyAsZero: true, text: true };
const count = { aggregate: (column: Prisma.Sql) => Prisma.sql`count(${column})`, emptyAsZero: true, additive: true };

const CRESCENDO_SOURCE = 'crescendo';
const constant = (value: string) => Prisma.sql`${value}::text`;

/** Dimensions every table of Crescendo's own data answers the same way. */
function ownDataDimension(dimension: DimensionRef): Prisma.Sql | null {
  if (!('builtIn' in dimension)) return null;
  if (dimension.builtIn === 'data_source') return constant(CRESCENDO_SOURCE);
  if (dimension.builtIn === 'source_category') return constant('platform_native');
  return null;
}

const dayRange = (column: Prisma.Sql, scope: FactScope) => Prisma.sql`${column} >= ${scope.range.fromDay}::date AND ${column} <= ${scope.range.toDay}::date`;
const instantRange = (column: Prisma.Sql, scope: FactScope) => Prisma.sql`${column} >= ${scope.range.start}::timestamptz AND ${column} < ${scope.range.end}::timestamptz`;

/** A unified record's number at `path`, or null when it is missing or not a number. */
export function payloadNumber(column: Prisma.Sql, path: readonly string[]): Prisma.Sql {
  const json = Prisma.sql`(${column} #> ${path}::text[])`;
  return Prisma.sql`CASE WHEN jsonb_typeof(${json}) = 'number' THEN (${json})::float8 END`;
}

/** How unified records answer the dimensions (alias `u`). */
export function recordDimension(dimension: DimensionRef): Prisma.Sql | null {
  if ('payloadPath' in dimension) {
    const value = payloadText(Prisma.sql`u.payload`, dimension.payloadPath);
    return dimension.dataSource ? Prisma.sql`CASE WHEN u."dataSource" = ${dimension.dataSource} THEN ${value} END` : value;
  }
  switch (dimension.builtIn) {
    // import_records stores channel and platform names normalised, as every import does.
    case 'channel': return Prisma.sql`coalesce(u.payload ->> 'channel', u."dataSource")`;
    case 'campaign': return Prisma.sql`coalesce(u."campaignKey", u.payload ->> 'campaign')`;
    case 'artist': return Prisma.sql`(u.payload ->> 'artist')`;
    case 'platform': return Prisma.sql`(u.payload ->> 'platform')`;
    case 'track': return Prisma.sql`(u.payload ->> 'track_id')`;
    case 'data_source': return Prisma.sql`u."dataSource"`;
    case 'source_category': return Prisma.sql`lower(u."sourceCategory"::text)`;
    case 'asset': return Prisma.sql`u."assetKey"`;
    case 'customer': return Prisma.sql`u."customerKey"`;
  }
}

function recordsBranch(scope: FactScope, measure: (name: string) => Prisma.Sql | null, only: Prisma.Sql = Prisma.empty): FactBranch {
  return {
    name: 'unified records',
    from: Prisma.sql`"UnifiedRecord" u WHERE u."organizationId" = ${scope.org.id} AND ${instantRange(Prisma.sql`u."recordedAt"`, scope)} ${only}`,
    at: { instant: Prisma.sql`u."recordedAt"` },
    payloadColumn: Prisma.sql`u.payload`,
    dimension: recordDimension,
    measure,
  };
}

export const MARKETING_FIELDS = ['spend', 'impressions', 'clicks', 'reach'] as const;

/** Paid media: imported MarketingSpend rows plus unified records carrying spend, impressions, clicks or reach. */
const marketing: BuiltInFact = {
  name: 'marketing',
  measures: { spend: sum, impressions: sum, clicks: sum, reach: sum },
  async branches(scope) {
    const fx = await spendFx(scope.db, scope.org, scope.range.fromDay, scope.range.toDay);
    const spendRows: FactBranch = {
      name: 'spend',
      with: Prisma.sql`fx AS (${fx.table})`,
      from: Prisma.sql`"MarketingSpend" s JOIN fx ON ${fx.joinOn} WHERE s."organizationId" = ${scope.org.id} AND ${dayRange(Prisma.sql`s.date`, scope)}`,
      at: { day: Prisma.sql`s.date` },
      dimension(dimension) {
        if ('builtIn' in dimension) {
          if (dimension.builtIn === 'channel') return Prisma.sql`s.channel`;
          if (dimension.builtIn === 'campaign') return Prisma.sql`s.campaign`;
          if (dimension.builtIn === 'artist') return Prisma.sql`s.artist`;
        }
        return ownDataDimension(dimension);
      },
      measure(name) {
        if (name === 'spend') return Prisma.sql`s.amount::float8 * fx.rate`;
        if (name === 'impressions') return Prisma.sql`s.impressions`;
        if (name === 'clicks') return Prisma.sql`s.clicks`;
        return null;
      },
    };
    const records = recordsBranch(scope, (name) => ((MARKETING_FIELDS as readonly string[]).includes(name) ? payloadNumber(Prisma.sql`u.payload`, [name]) : null));
    return [spendRows, records];
  },
};

/**
 * Conversions as recorded (revenue in the base currency at each conversion's time). Split by
 * channel, campaign or artist these measures come from the attributed fact instead.
 */
const conversions: BuiltInFact = {
  name: 'conversions',
  measures: { revenue: sum, conversions: sum, customers: countDistinct, new_customers: sum, repeat_customers: countDistinct },
  async branches(scope) {
    const earliest = await scope.db.conversion.groupBy({ by: ['currency'], where: { occurredAt: { gte: scope.range.start, lt: scope.range.end } }, _min: { occurredAt: true } });
    const segments = await fxSegmentsToBase(scope.db, scope.org.baseCurrency, scope.org.timeZone, new Map(earliest.map((row) => [row.currency, row._min.occurredAt!])));
    const firstPurchase = Prisma.sql`NOT EXISTS (SELECT 1 FROM "Conversion" earlier WHERE earlier."organizationId" = ${scope.org.id}
      AND earlier."customerId" = c."customerId" AND (earlier."occurredAt", earlier.id) < (c."occurredAt", c.id))`;
    return [{
      name: 'conversions',
      with: Prisma.sql`conversion_fx AS (${fxSegmentsTable(segments)})`,
      from: Prisma.sql`"Conversion" c JOIN conversion_fx f ON f.currency = c.currency AND c."occurredAt" >= f.valid_from AND c."occurredAt" < f.valid_to
        WHERE c."organizationId" = ${scope.org.id} AND ${instantRange(Prisma.sql`c."occurredAt"`, scope)}`,
      at: { instant: Prisma.sql`c."occurredAt"` },
      dimension(dimension) {
        if ('builtIn' in dimension && dimension.builtIn === 'customer') return Prisma.sql`c."customerId"`;
        return ownDataDimension(dimension);
      },
      measure(name) {
        switch (name) {
          case 'revenue': return Prisma.sql`c.revenue::float8 * f.rate`;
          case 'conversions': return Prisma.sql`1`;
          case 'customers': return Prisma.sql`c."customerId"`;
          case 'new_customers': return Prisma.sql`CASE WHEN ${firstPurchase} THEN 1 ELSE 0 END`;
          case 'repeat_customers': return Prisma.sql`CASE WHEN NOT ${firstPurchase} THEN c."customerId" END`;
          default: return null;
        }
      },
    }];
  },
};

const touchpoints: BuiltInFact = {
  name: 'touchpoints',
  measures: { touchpoints: count },
  async branches(scope) {
    return [{
      name: 'touchpoints',
      from: Prisma.sql`"Touchpoint" t WHERE t."organizationId" = ${scope.org.id} AND ${instantRange(Prisma.sql`t."occurredAt"`, scope)}`,
      at: { instant: Prisma.sql`t."occurredAt"` },
      dimension(dimension) {
        if ('builtIn' in dimension) {
          if (dimension.builtIn === 'channel') return Prisma.sql`t.channel`;
          if (dimension.builtIn === 'campaign') return Prisma.sql`t.campaign`;
          if (dimension.builtIn === 'customer') return Prisma.sql`t."customerId"`;
        }
        return ownDataDimension(dimension);
      },
      measure: (name) => (name === 'touchpoints' ? Prisma.sql`1` : null),
    }];
  },
};

/** Daily streams, and estimated earnings at each platform's per-stream rate (converted as estimated_earnings does: at the range's last day). */
const streams: BuiltInFact = {
  name: 'streams',
  measures: { streams: sum, estimated_earnings: sum },
  async branches(scope) {
    const platforms = await scope.db.streamStat.groupBy({ by: ['platform'], where: { date: { gte: scope.range.fromDay, lte: scope.range.toDay } } });
    const rates = await knownStreamRatesInBase(scope.db, scope.org.baseCurrency, platforms.map((row) => row.platform), scope.range.toDay);
    const unrated = platforms.map((row) => row.platform).filter((platform) => !rates.has(platform));
    if (unrated.length) scope.notes.add(`Estimated earnings leave out ${unrated.join(', ')}: no per-stream rate (set_stream_rates).`);
    const [names, values] = [[...rates.keys()], [...rates.values()]];
    return [{
      name: 'streams',
      with: Prisma.sql`stream_rate AS (SELECT * FROM unnest(${names}::text[], ${values}::float8[]) AS r(platform, rate))`,
      from: Prisma.sql`"StreamStat" st LEFT JOIN stream_rate r ON r.platform = st.platform
        WHERE st."organizationId" = ${scope.org.id} AND ${dayRange(Prisma.sql`st.date`, scope)}`,
      at: { day: Prisma.sql`st.date` },
      dimension(dimension) {
        if ('builtIn' in dimension) {
          if (dimension.builtIn === 'artist') return Prisma.sql`st.artist`;
          if (dimension.builtIn === 'platform') return Prisma.sql`st.platform`;
          if (dimension.builtIn === 'track') return Prisma.sql`st."trackId"`;
        }
        return ownDataDimension(dimension);
      },
      measure(name) {
        if (name === 'streams') return Prisma.sql`st.streams`;
        if (name === 'estimated_earnings') return Prisma.sql`st.streams * r.rate`;
        return null;
      },
    }];
  },
};

/** Payouts received, dated by their period's first day and converted at that day's rate. */
const payouts: BuiltInFact = {
  name: 'payouts',
  measures: { payouts: sum },
  async branches(scope) {
    const earliest = await scope.db.actualPayout.groupBy({ by: ['currency'], where: { periodStart: { gte: scope.range.fromDay, lte: scope.range.toDay } }, _min: { periodStart: true } });
    const segments = await fxSegmentsToBase(scope.db, scope.org.baseCurrency, scope.org.timeZone, new Map(earliest.map((row) => [row.currency, startOfDayIn(row._min.periodStart!, scope.org.timeZone)])));
    const day = Prisma.sql`(p."periodStart"::timestamp AT TIME ZONE ${scope.org.timeZone})`;
    return [{
      name: 'payouts',
      with: Prisma.sql`payout_fx AS (${fxSegmentsTable(segments)})`,
      from: Prisma.sql`"ActualPayout" p JOIN payout_fx f ON f.currency = p.currency AND ${day} >= f.valid_from AND ${day} < f.valid_to
        WHERE p."organizationId" = ${scope.org.id} AND ${dayRange(Prisma.sql`p."periodStart"`, scope)}`,
      at: { day: Prisma.sql`p."periodStart"` },
      dimension(dimension) {
        if ('builtIn' in dimension) {
          if (dimension.builtIn === 'artist') return Prisma.sql`p.artist`;
          if (dimension.builtIn === 'platform') return Prisma.sql`p.platform`;
        }
        return ownDataDimension(dimension);
      },
      measure: (name) => (name === 'payouts' ? Prisma.sql`p.amount::float8 * f.rate` : null),
    }];
  },
};

/** Unified records by count; custom metrics over their payload fields join this fact (see ./record-metrics.ts). */
const records: BuiltInFact = {
  name: 'records',
  measures: { records: count },
  async branches(scope) {
    return [recordsBranch(scope, (name) => (name === 'records' ? Prisma.sql`1` : null))];
  },
};

export const BUILT_IN_FACTS: Record<string, BuiltInFact> = { marketing, conversions, touchpoints, streams, payouts, records };

export { recordsBranch };
