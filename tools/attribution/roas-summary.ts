import { z } from 'zod';
import { isoDate, isoDay, money, moneyOrNull, rate } from '../common/format.ts';
import { defineTool } from '../registry/define-tool.ts';
import { attribute, type AttributedKey } from './engine/attribute.ts';
import { groupByInput, halfLifeInput, resolveScope } from './engine/attribution-scope.ts';
import { labelKeys } from './key-labels.ts';
import { spendByKey, type KeySpend } from '../spend/spend-by-key.ts';
import { ATTRIBUTION_MODELS } from './models.ts';

const DEFAULT_MODEL = 'linear';

const ratio = (numerator: number, denominator: number | null): number | null => (denominator ? numerator / denominator : null);

const figures = {
  spend: z.number(),
  attributed_revenue: z.number(),
  attributed_conversions: z.number(),
  new_customers: z.number().describe('Credit of conversions that were a customer\'s first purchase.'),
  roas: z.number().nullable().describe('attributed_revenue / spend.'),
  roi: z.number().nullable().describe('(attributed_revenue - spend) / spend.'),
  cac: z.number().nullable().describe('spend / new_customers.'),
  cpa: z.number().nullable().describe('spend / attributed_conversions.'),
  impressions: z.int().nullable(),
  clicks: z.int().nullable(),
  cpm: z.number().nullable().describe('spend per 1,000 impressions.'),
  cpc: z.number().nullable().describe('spend / clicks.'),
  ctr: z.number().nullable().describe('clicks / impressions.'),
  conversion_rate: z.number().nullable().describe('attributed_conversions / clicks.'),
};

export const roasSummary = defineTool({
  name: 'roas_summary',
  title: 'ROAS summary',
  description:
    'Spend, attributed revenue, ROAS, ROI, CAC and CPA (plus CPM, CPC, CTR and conversion rate where known) per channel, campaign or artist over a period, under an attribution model (default linear). Use it for return on ad spend; base currency.',
  area: 'attribution',
  access: 'read',
  permission: 'attribution:read',
  keywords: ['return on ad spend', 'best channel', 'roi', 'profit', 'paid media performance'],
  input: z.object({
    group_by: groupByInput,
    from: isoDate.describe('First day (YYYY-MM-DD, inclusive, organisation time zone).'),
    to: isoDate.describe('Last day (inclusive).'),
    model: z.enum(ATTRIBUTION_MODELS).default(DEFAULT_MODEL).describe('Attribution model crediting revenue to keys (default linear).'),
    lookback_days: z.int().min(1).max(365).optional().describe('Attribution lookback window (default 30 or the organisation setting).'),
    half_life_days: halfLifeInput,
  }),
  output: z.object({
    group_by: z.string(),
    model: z.enum(ATTRIBUTION_MODELS),
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    rows: z.array(z.object({
      key: z.string(),
      label: z.string().describe('The key as people read it: a channel\'s display name, the playlist campaign\'s name.'),
      campaign_id: z.string().nullable().describe('The playlist campaign the key names (group_by campaign), else null.'),
      ...figures,
    })),
    totals: z.object(figures),
  }),
  example: { group_by: 'channel', from: '2026-10-01', to: '2026-10-31' },
  async handler(ctx, input) {
    const scope = await resolveScope(ctx, input);
    const attribution = (await attribute(ctx, scope, [input.model], { firstPurchase: true })).get(input.model)!;
    const spend = await spendByKey(ctx.db, ctx.org, input.group_by, scope.fromDay!, scope.toDay!);
    const keys = new Set([...spend.map((row) => row.key), ...attribution.rows.map((row) => row.key)]);
    const byKey = [...keys].map((key) => combine(key, spend.find((row) => row.key === key), attribution.rows.find((row) => row.key === key)));
    byKey.sort((a, b) => b.spend - a.spend || b.revenue - a.revenue || a.key.localeCompare(b.key));
    const total = combine('total', sumSpend(spend), sumCredit(attribution.rows));
    const labels = await labelKeys(ctx, input.group_by, keys);
    return {
      group_by: input.group_by,
      model: input.model,
      from: isoDay(scope.fromDay!),
      to: isoDay(scope.toDay!),
      currency: ctx.org.baseCurrency,
      rows: byKey.map(({ key, ...row }) => ({ key, ...labels.get(key)!, ...present(row) })),
      totals: present(total),
    };
  },
});

interface Combined extends Omit<KeySpend, 'key'> {
  key: string;
  revenue: number;
  conversions: number;
  newCustomers: number;
}

const NO_SPEND: Omit<KeySpend, 'key'> = {
  spend: 0, impressions: null, clicks: null, spendWithImpressions: 0, spendWithClicks: 0, clicksWithImpressions: 0, impressionsWithClicks: 0,
};

function combine(key: string, spend: KeySpend | undefined, credit: Pick<AttributedKey, 'revenue' | 'conversions' | 'firstPurchases'> | undefined): Combined {
  return { ...NO_SPEND, ...spend, key, revenue: credit?.revenue ?? 0, conversions: credit?.conversions ?? 0, newCustomers: credit?.firstPurchases ?? 0 };
}

function sumSpend(rows: KeySpend[]): KeySpend {
  const sumNullable = (pick: (row: KeySpend) => number | null) => {
    const values = rows.map(pick).filter((value): value is number => value !== null);
    return values.length ? values.reduce((sum, value) => sum + value, 0) : null;
  };
  const sum = (pick: (row: KeySpend) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    key: 'total',
    spend: sum((row) => row.spend),
    impressions: sumNullable((row) => row.impressions),
    clicks: sumNullable((row) => row.clicks),
    spendWithImpressions: sum((row) => row.spendWithImpressions),
    spendWithClicks: sum((row) => row.spendWithClicks),
    clicksWithImpressions: sum((row) => row.clicksWithImpressions),
    impressionsWithClicks: sum((row) => row.impressionsWithClicks),
  };
}

function sumCredit(rows: AttributedKey[]) {
  return {
    revenue: rows.reduce((sum, row) => sum + row.revenue, 0),
    conversions: rows.reduce((sum, row) => sum + row.conversions, 0),
    firstPurchases: rows.reduce((sum, row) => sum + row.firstPurchases, 0),
  };
}

function present(row: Omit<Combined, 'key'>) {
  const { spend, revenue, conversions, newCustomers, impressions, clicks } = row;
  // Delivery ratios pair each denominator with the spend (or clicks) of the rows that report it.
  return {
    spend: money(spend),
    attributed_revenue: money(revenue),
    attributed_conversions: rate(conversions)!,
    new_customers: rate(newCustomers)!,
    roas: rate(ratio(revenue, spend)),
    roi: rate(ratio(revenue - spend, spend)),
    cac: moneyOrNull(ratio(spend, newCustomers)),
    cpa: moneyOrNull(ratio(spend, conversions)),
    impressions,
    clicks,
    cpm: moneyOrNull(impressions ? (row.spendWithImpressions / impressions) * 1000 : null),
    cpc: moneyOrNull(clicks ? row.spendWithClicks / clicks : null),
    ctr: rate(row.impressionsWithClicks ? row.clicksWithImpressions / row.impressionsWithClicks : null),
    conversion_rate: rate(clicks ? conversions / clicks : null),
  };
}
