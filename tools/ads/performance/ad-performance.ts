import { z } from 'zod';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import { isoDate, isoDay, money, parseDay, rate, startOfDayIn, todayIn } from '../../common/format.ts';
import { fxSegmentsTable, fxSegmentsWithGaps } from '../../money/fx.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput, notFound } from '../../registry/errors.ts';
import { evaluateFormula, parseFormula, type ParsedFormula } from '../../reports/metrics/formula.ts';
import { STANDARD_METRICS } from '../../reports/metrics/standard-library.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { AD_PLATFORMS } from '../connectors/ad-connector.ts';

const DAY_MS = 86_400_000;
const MAX_DAYS = 731;
export const GROUP_BYS = ['platform', 'account', 'campaign', 'day'] as const;
type GroupBy = (typeof GROUP_BYS)[number];

/**
 * The ratios come from the reports' standard metric library (tools/reports/metrics), evaluated on
 * each row's sums (a ratio of sums, never an average of ratios), so a CTR here is the CTR a report shows.
 * The library calls conversion value `revenue`.
 */
const RATIOS = ['ctr', 'cpc', 'cpm', 'cpa', 'roas'] as const;
const FORMULAS: Record<(typeof RATIOS)[number], ParsedFormula> = Object.fromEntries(
  RATIOS.map((key) => {
    const spec = STANDARD_METRICS.find((metric) => metric.key === key);
    if (!spec?.formula) throw new Error(`The standard metric library has no formula for ${key}.`);
    return [key, parseFormula(spec.formula)];
  }),
) as Record<(typeof RATIOS)[number], ParsedFormula>;

const videoView = z
  .object({
    views: z.number(),
    p25: z.number(),
    p50: z.number(),
    p75: z.number(),
    p100: z.number(),
    completion_rate: z.number().nullable().describe('p100 / views: the share of video views watched to the end.'),
  })
  .nullable()
  .describe('Video funnel (views, then watched to 25/50/75/100%); null when no row reports video.');

const figures = z.object({
  spend: z.number().describe('In the base currency, each day at that day\'s exchange rate (spend no rate converts is left out and noted; CPM, CPC, CPA and ROAS are then null).'),
  impressions: z.number(),
  clicks: z.number(),
  conversions: z.number(),
  conversion_value: z.number().describe('In the base currency, like spend.'),
  cpm: z.number().nullable().describe('spend / impressions x 1000.'),
  cpc: z.number().nullable().describe('spend / clicks.'),
  ctr: z.number().nullable().describe('clicks / impressions (0.0123 = 1.23%).'),
  cpa: z.number().nullable().describe('spend / conversions.'),
  roas: z.number().nullable().describe('conversion value / spend.'),
  reach: z.number().nullable().describe('Sum of daily reach (people reached each day, not deduplicated across days); null when no row reports it.'),
  video: videoView,
});

const previousView = z
  .object({
    spend: z.number(),
    conversions: z.number(),
    cpa: z.number().nullable(),
    roas: z.number().nullable(),
    ctr: z.number().nullable(),
    spend_change: z.number().nullable().describe('(spend - previous spend) / previous spend; null when the previous period spent nothing.'),
  })
  .nullable();

const rowView = figures.extend({
  key: z.string().describe('platform code, ad_account_id, ad_campaign_id or the day.'),
  label: z.string(),
  platform: z.enum(AD_PLATFORMS).nullable(),
  ad_account_id: z.string().nullable(),
  account_name: z.string().nullable(),
  ad_campaign_id: z.string().nullable(),
  campaign_name: z.string().nullable(),
  campaign_status: z.string().nullable(),
  day: z.string().nullable(),
  spend_by_currency: z.array(z.object({ currency: z.string(), spend: z.number() })).describe("Spend in each account currency, as the platforms report it."),
  share_of_spend: z.number().nullable().describe("This row's share of the total spend."),
  previous: previousView.optional().describe('With compare_previous: the same figures over the equally long period just before.'),
});

export const adPerformance = defineTool({
  name: 'ad_performance',
  title: 'Ad performance',
  description:
    "Paid-media results across ad platforms from the synced daily metrics: spend, impressions, clicks, conversions, conversion value, CPM, CPC, CTR, CPA, ROAS, reach and the video funnel (views, 25/50/75/100%, completion rate), grouped by platform, account, campaign or day, sorted by spend (days in date order), with totals. Days are each account's own dates; money in the organisation's base currency at each day's rate, plus per currency. Default: the last 7 days up to yesterday. E.g. yesterday's spend by platform (from = to = yesterday), the campaign spending most this week (group_by campaign), video completion on TikTok (platforms [tiktok]).",
  area: 'ads',
  access: 'read',
  permission: 'ads:read',
  keywords: ['ad spend', 'facebook ads', 'google ads', 'tiktok ads', 'cpm', 'cpc', 'ctr', 'cpa', 'roas', 'video completion', 'paid media', 'campaign performance', 'spend by platform'],
  input: z.object({
    from: isoDate.optional().describe('First day (YYYY-MM-DD, in each account\'s own dates); default 6 days before to.'),
    to: isoDate.optional().describe("Last day, inclusive; default yesterday in the organisation's time zone."),
    days: z.number().int().min(1).max(MAX_DAYS).optional().describe('Instead of from: the last N days ending on to (1 = just that day, 7 = a week).'),
    platforms: z.array(z.enum(AD_PLATFORMS)).min(1).max(AD_PLATFORMS.length).optional().describe('Only these platforms (lower case: meta, google, tiktok...).'),
    ad_account_id: z.string().uuid().optional().describe('Only this ad account (list_ad_accounts).'),
    creator_campaign_id: z.string().uuid().optional().describe("Only the ad campaigns working for this Crescendo campaign (assign_ad_account): those assigned to it, and the unassigned campaigns of accounts assigned to it."),
    group_by: z.enum(GROUP_BYS).default('platform').describe('platform (default), account, campaign or day (for a chart).'),
    compare_previous: z.boolean().default(false).describe('Also the equally long period just before, per row and in total.'),
    limit: z.number().int().min(1).max(500).default(50).describe('Rows listed at most (totals always cover everything).'),
  }),
  output: z.object({
    from: z.string(),
    to: z.string(),
    previous_from: z.string().nullable(),
    previous_to: z.string().nullable(),
    group_by: z.enum(GROUP_BYS),
    base_currency: z.string(),
    rows: z.array(rowView),
    rows_total: z.number().int().describe('Rows before the limit.'),
    totals: figures.extend({
      spend_by_currency: z.array(z.object({ currency: z.string(), spend: z.number() })),
      accounts: z.number().int(),
      campaigns: z.number().int(),
      days_with_data: z.number().int(),
      previous: previousView.optional(),
    }),
    notes: z.array(z.string()),
  }),
  example: { group_by: 'platform', compare_previous: true },
  async handler(ctx, input) {
    const to = input.to ?? isoDay(new Date(todayIn(ctx.org.timeZone, ctx.now()).getTime() - DAY_MS));
    if (input.days !== undefined && input.from !== undefined) throw invalidInput('days', 'give from or days, not both');
    const from = input.from ?? isoDay(new Date(parseDay(to, 'to').getTime() - ((input.days ?? 7) - 1) * DAY_MS));
    const fromDay = parseDay(from, 'from');
    const toDay = parseDay(to, 'to');
    if (fromDay > toDay) throw invalidInput('from', `${from} is after to (${to})`);
    const days = Math.round((toDay.getTime() - fromDay.getTime()) / DAY_MS) + 1;
    if (days > MAX_DAYS) throw invalidInput('from', `the range covers ${days} days; ask for at most ${MAX_DAYS}`);
    if (input.ad_account_id && !(await ctx.db.adAccount.findFirst({ where: { id: input.ad_account_id }, select: { id: true } }))) throw notFound('ad account', input.ad_account_id);
    if (input.creator_campaign_id && !(await ctx.db.campaign.findFirst({ where: { id: input.creator_campaign_id }, select: { id: true } }))) throw notFound('creator campaign', input.creator_campaign_id);

    const filters = { platforms: input.platforms, adAccountId: input.ad_account_id, creatorCampaignId: input.creator_campaign_id };
    const previousTo = new Date(fromDay.getTime() - DAY_MS);
    const previousFrom = new Date(fromDay.getTime() - days * DAY_MS);
    const fxFrom = input.compare_previous ? previousFrom : fromDay;
    const fx = await performanceFx(ctx.db, ctx.orgId, ctx.org, fxFrom, toDay);
    const scope: QueryScope = { orgId: ctx.orgId, timeZone: ctx.org.timeZone, fx: fx.table, ...filters };
    const current = await aggregate(ctx.db, scope, input.group_by, fromDay, toDay);
    const previous = input.compare_previous ? await aggregate(ctx.db, scope, input.group_by, previousFrom, previousTo) : null;

    const total = sumGroups([...current.groups.values()]);
    const previousTotal = previous ? sumGroups([...previous.groups.values()]) : null;
    const ordered = [...current.groups.values()].sort((a, b) =>
      input.group_by === 'day' ? a.key.localeCompare(b.key) : b.spend - a.spend || a.label.localeCompare(b.label) || a.key.localeCompare(b.key),
    );
    const rows = ordered.slice(0, input.limit).map((group) => ({
      ...group.identity,
      key: group.key,
      label: group.label,
      ...figuresOf(group),
      spend_by_currency: currencyList(group.byCurrency),
      share_of_spend: total.spend > 0 ? rate(group.spend / total.spend) : null,
      ...(previous ? { previous: previousOf(previous.groups.get(group.key) ?? null, group) } : {}),
    }));

    const notes: string[] = [];
    const unconverted = new Map<string, number>();
    for (const [currency, amount] of [...current.unconverted, ...(previous?.unconverted ?? [])]) unconverted.set(currency, (unconverted.get(currency) ?? 0) + amount);
    for (const [currency, amount] of unconverted) {
      notes.push(`${money(amount).toFixed(2)} ${currency} of spend (and its conversion value) is left out of the base-currency figures: no exchange rate from ${currency} to ${ctx.org.baseCurrency} on or before those days; add one with set_fx_rate. spend_by_currency still counts it.`);
    }
    if (current.groups.size === 0) {
      const accounts = await ctx.db.adAccount.count();
      notes.push(accounts === 0
        ? 'No ad account is connected: connect one with connect_ad_account (Meta, Google Ads, TikTok).'
        : `No synced metrics from ${from} to ${to} for this selection. Accounts sync daily; sync_ad_account pulls now and sync_status shows the last runs.`);
    }
    if (ordered.length > input.limit) notes.push(`${ordered.length - input.limit} more ${input.group_by === 'day' ? 'days' : `${input.group_by}s`} not listed (limit ${input.limit}); the totals include them.`);

    return {
      from, to,
      previous_from: previous ? isoDay(previousFrom) : null,
      previous_to: previous ? isoDay(previousTo) : null,
      group_by: input.group_by,
      base_currency: ctx.org.baseCurrency,
      rows,
      rows_total: ordered.length,
      totals: {
        ...figuresOf(total),
        spend_by_currency: currencyList(total.byCurrency),
        accounts: current.accounts,
        campaigns: current.campaigns,
        days_with_data: current.days,
        ...(previousTotal ? { previous: previousOf(previousTotal, total) } : {}),
      },
      notes,
    };
  },
});

interface Sums {
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number;
  conversionValue: number;
  reach: number;
  reachRows: number;
  videoViews: number;
  p25: number;
  p50: number;
  p75: number;
  p100: number;
  videoRows: number;
  /** Native spend no exchange rate converts: the base-currency money figures leave it out. */
  unconverted: number;
  byCurrency: Map<string, number>;
}

interface Group extends Sums {
  key: string;
  label: string;
  identity: { platform: (typeof AD_PLATFORMS)[number] | null; ad_account_id: string | null; account_name: string | null; ad_campaign_id: string | null; campaign_name: string | null; campaign_status: string | null; day: string | null };
}

interface QueryScope {
  orgId: string;
  timeZone: string;
  fx: Prisma.Sql;
  platforms?: readonly string[];
  adAccountId?: string;
  creatorCampaignId?: string;
}

const emptySums = (): Sums => ({ spend: 0, impressions: 0, clicks: 0, conversions: 0, conversionValue: 0, reach: 0, reachRows: 0, videoViews: 0, p25: 0, p50: 0, p75: 0, p100: 0, videoRows: 0, unconverted: 0, byCurrency: new Map() });

/** Exchange rates of every account currency, as spend converts (each row's day, its local midnight in the organisation's zone). */
async function performanceFx(db: ToolDb, orgId: string, org: { baseCurrency: string; timeZone: string }, from: Date, to: Date) {
  const currencies = await db.campaignMetric.groupBy({ by: ['currency'], where: { organizationId: orgId, date: { gte: from, lte: to } }, _min: { date: true } });
  const { segments } = await fxSegmentsWithGaps(db, org.baseCurrency, org.timeZone, new Map(currencies.map((row) => [row.currency, startOfDayIn(row._min.date!, org.timeZone)])));
  return { table: fxSegmentsTable(segments) };
}

interface SqlRow {
  key: string;
  label: string;
  platform: string | null;
  account_id: string | null;
  account_name: string | null;
  campaign_id: string | null;
  campaign_name: string | null;
  campaign_status: string | null;
  currency: string;
  spend_native: number;
  spend_base: number | null;
  unconverted: number | null;
  value_base: number | null;
  impressions: number;
  clicks: number;
  conversions: number;
  reach: number | null;
  reach_rows: number;
  video_views: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p100: number | null;
  video_rows: number;
}

/** One pass over CampaignMetric: sums per group and currency, converted in SQL at each day's rate. */
async function aggregate(db: ToolDb, scope: QueryScope, groupBy: GroupBy, from: Date, to: Date) {
  const keyColumns: Record<GroupBy, Prisma.Sql> = {
    platform: Prisma.sql`lower(a.platform::text) AS key, lower(a.platform::text) AS label, lower(a.platform::text) AS platform, NULL::text AS account_id, NULL::text AS account_name, NULL::text AS campaign_id, NULL::text AS campaign_name, NULL::text AS campaign_status`,
    account: Prisma.sql`a.id AS key, a.name AS label, lower(a.platform::text) AS platform, a.id AS account_id, a.name AS account_name, NULL::text AS campaign_id, NULL::text AS campaign_name, NULL::text AS campaign_status`,
    campaign: Prisma.sql`c.id AS key, c.name AS label, lower(a.platform::text) AS platform, a.id AS account_id, a.name AS account_name, c.id AS campaign_id, c.name AS campaign_name, lower(c.status) AS campaign_status`,
    day: Prisma.sql`to_char(m.date, 'YYYY-MM-DD') AS key, to_char(m.date, 'YYYY-MM-DD') AS label, NULL::text AS platform, NULL::text AS account_id, NULL::text AS account_name, NULL::text AS campaign_id, NULL::text AS campaign_name, NULL::text AS campaign_status`,
  };
  const groupColumns: Record<GroupBy, Prisma.Sql> = {
    platform: Prisma.sql`a.platform`,
    account: Prisma.sql`a.id, a.name, a.platform`,
    campaign: Prisma.sql`c.id, c.name, c.status, a.id, a.name, a.platform`,
    day: Prisma.sql`m.date`,
  };
  const platforms = scope.platforms?.length ? Prisma.sql`AND lower(a.platform::text) = ANY(${[...scope.platforms]}::text[])` : Prisma.empty;
  const account = scope.adAccountId ? Prisma.sql`AND a.id = ${scope.adAccountId}` : Prisma.empty;
  const campaign = scope.creatorCampaignId
    ? Prisma.sql`AND (c."campaignId" = ${scope.creatorCampaignId} OR (c."campaignId" IS NULL AND a."campaignId" = ${scope.creatorCampaignId}))`
    : Prisma.empty;
  const day = Prisma.sql`(m.date::timestamp AT TIME ZONE ${scope.timeZone})`;
  const where = Prisma.sql`m."organizationId" = ${scope.orgId} AND m.date >= ${from} AND m.date <= ${to} ${platforms} ${account} ${campaign}`;
  const joins = Prisma.sql`FROM "CampaignMetric" m
      JOIN "AdAccount" a ON a."organizationId" = m."organizationId" AND a.id = m."adAccountId"
      JOIN "AdCampaign" c ON c."organizationId" = m."organizationId" AND c.id = m."adCampaignId"`;
  const [rows, counts] = await Promise.all([
    db.$queryRaw<SqlRow[]>(Prisma.sql`
      WITH fx AS (${scope.fx})
      SELECT ${keyColumns[groupBy]}, m.currency,
        sum(m.spend)::float8 AS spend_native,
        sum(m.spend * fx.rate::numeric)::float8 AS spend_base,
        sum(CASE WHEN fx.rate IS NULL THEN m.spend END)::float8 AS unconverted,
        sum(m."conversionValue" * fx.rate::numeric)::float8 AS value_base,
        sum(m.impressions)::float8 AS impressions, sum(m.clicks)::float8 AS clicks, sum(m.conversions)::float8 AS conversions,
        sum(m.reach)::float8 AS reach, count(m.reach)::int AS reach_rows,
        sum(m."videoViews")::float8 AS video_views, sum(m."videoP25")::float8 AS p25, sum(m."videoP50")::float8 AS p50,
        sum(m."videoP75")::float8 AS p75, sum(m."videoP100")::float8 AS p100, count(m."videoViews")::int AS video_rows
      ${joins}
      LEFT JOIN fx ON fx.currency = m.currency AND ${day} >= fx.valid_from AND ${day} < fx.valid_to
      WHERE ${where}
      GROUP BY ${groupColumns[groupBy]}, m.currency`),
    db.$queryRaw<Array<{ accounts: number; campaigns: number; days: number }>>(Prisma.sql`
      SELECT count(DISTINCT m."adAccountId")::int AS accounts, count(DISTINCT m."adCampaignId")::int AS campaigns, count(DISTINCT m.date)::int AS days
      ${joins}
      WHERE ${where}`),
  ]);
  const groups = new Map<string, Group>();
  const unconverted = new Map<string, number>();
  for (const row of rows) {
    let group = groups.get(row.key);
    if (!group) {
      group = {
        ...emptySums(),
        key: row.key,
        label: row.label,
        identity: {
          platform: row.platform as Group['identity']['platform'], ad_account_id: row.account_id, account_name: row.account_name,
          ad_campaign_id: row.campaign_id, campaign_name: row.campaign_name, campaign_status: row.campaign_status, day: groupBy === 'day' ? row.key : null,
        },
      };
      groups.set(row.key, group);
    }
    addRow(group, row);
    if (row.unconverted) unconverted.set(row.currency, (unconverted.get(row.currency) ?? 0) + row.unconverted);
  }
  const count = counts[0] ?? { accounts: 0, campaigns: 0, days: 0 };
  return { groups, unconverted, accounts: count.accounts, campaigns: count.campaigns, days: count.days };
}

function addRow(sums: Sums, row: SqlRow): void {
  sums.spend += row.spend_base ?? 0;
  sums.conversionValue += row.value_base ?? 0;
  sums.impressions += row.impressions;
  sums.clicks += row.clicks;
  sums.conversions += row.conversions;
  sums.reach += row.reach ?? 0;
  sums.reachRows += row.reach_rows;
  sums.videoViews += row.video_views ?? 0;
  sums.p25 += row.p25 ?? 0;
  sums.p50 += row.p50 ?? 0;
  sums.p75 += row.p75 ?? 0;
  sums.p100 += row.p100 ?? 0;
  sums.videoRows += row.video_rows;
  sums.unconverted += row.unconverted ?? 0;
  sums.byCurrency.set(row.currency, (sums.byCurrency.get(row.currency) ?? 0) + row.spend_native);
}

function sumGroups(groups: readonly Sums[]): Sums {
  const total = emptySums();
  for (const group of groups) {
    for (const key of ['spend', 'impressions', 'clicks', 'conversions', 'conversionValue', 'reach', 'reachRows', 'videoViews', 'p25', 'p50', 'p75', 'p100', 'videoRows', 'unconverted'] as const) total[key] += group[key];
    for (const [currency, amount] of group.byCurrency) total.byCurrency.set(currency, (total.byCurrency.get(currency) ?? 0) + amount);
  }
  return total;
}

function ratios(sums: Sums) {
  const values: Record<string, number> = { spend: sums.spend, impressions: sums.impressions, clicks: sums.clicks, conversions: sums.conversions, revenue: sums.conversionValue };
  const lookup = (key: string) => values[key] ?? null;
  // Spend some rate could not convert would make CPM, CPC, CPA and ROAS look cheaper or better than they are: none then.
  if (sums.unconverted > 0) return { ctr: rate(evaluateFormula(FORMULAS.ctr, lookup)), cpc: null, cpm: null, cpa: null, roas: null };
  return {
    ctr: rate(evaluateFormula(FORMULAS.ctr, lookup)),
    cpc: moneyOrNull(evaluateFormula(FORMULAS.cpc, lookup)),
    cpm: moneyOrNull(evaluateFormula(FORMULAS.cpm, lookup)),
    cpa: moneyOrNull(evaluateFormula(FORMULAS.cpa, lookup)),
    roas: rate(evaluateFormula(FORMULAS.roas, lookup)),
  };
}

const moneyOrNull = (value: number | null) => (value === null ? null : money(value));

function figuresOf(sums: Sums) {
  return {
    spend: money(sums.spend),
    impressions: Math.round(sums.impressions),
    clicks: Math.round(sums.clicks),
    conversions: rate(sums.conversions)!,
    conversion_value: money(sums.conversionValue),
    ...ratios(sums),
    reach: sums.reachRows > 0 ? Math.round(sums.reach) : null,
    video: sums.videoRows > 0
      ? { views: Math.round(sums.videoViews), p25: Math.round(sums.p25), p50: Math.round(sums.p50), p75: Math.round(sums.p75), p100: Math.round(sums.p100), completion_rate: sums.videoViews > 0 ? rate(sums.p100 / sums.videoViews) : null }
      : null,
  };
}

function previousOf(previous: Sums | null, current: Sums) {
  const before = previous ?? emptySums();
  const r = ratios(before);
  return {
    spend: money(before.spend),
    conversions: rate(before.conversions)!,
    cpa: r.cpa,
    roas: r.roas,
    ctr: r.ctr,
    spend_change: before.spend > 0 ? rate((current.spend - before.spend) / before.spend) : null,
  };
}

function currencyList(byCurrency: ReadonlyMap<string, number>) {
  return [...byCurrency].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([currency, spend]) => ({ currency, spend: money(spend) }));
}
