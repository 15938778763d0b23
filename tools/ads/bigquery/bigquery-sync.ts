import { isoDay, todayIn } from '../../common/format.ts';
import type { ToolContext } from '../../registry/context.ts';
import { ToolError } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import type { DailyCampaignMetrics, DateRange } from '../connectors/ad-connector.ts';
import { storeSync } from '../sync/sync-account.ts';
import { runQuery } from './bigquery-client.ts';
import { requireBigQuery } from './bigquery-config.ts';
import { buildQuery, type ColumnMap } from './column-map.ts';
import { serviceAccountToken } from './service-account.ts';

const DAY_MS = 86_400_000;
/** A first read covers this many days; later reads start this many days before the last day read (late data). */
export const FIRST_READ_DAYS = 30;
export const LATE_DAYS = 3;
export const MAX_RANGE_DAYS = 400;

type PlatformEnum = 'META' | 'GOOGLE' | 'TIKTOK' | 'SNAPCHAT' | 'LINKEDIN' | 'TWITTER' | 'PINTEREST' | 'AMAZON' | 'DV360';

/** Platform words tables use, to the schema's enum. */
const PLATFORM_WORDS: Record<string, PlatformEnum> = {
  meta: 'META', facebook: 'META', fb: 'META', instagram: 'META', meta_ads: 'META', facebook_ads: 'META',
  google: 'GOOGLE', google_ads: 'GOOGLE', googleads: 'GOOGLE', adwords: 'GOOGLE', youtube: 'GOOGLE',
  tiktok: 'TIKTOK', tiktok_ads: 'TIKTOK', snapchat: 'SNAPCHAT', snap: 'SNAPCHAT', linkedin: 'LINKEDIN', linkedin_ads: 'LINKEDIN',
  twitter: 'TWITTER', x: 'TWITTER', x_ads: 'TWITTER', pinterest: 'PINTEREST', amazon: 'AMAZON', amazon_ads: 'AMAZON', dv360: 'DV360', display_video_360: 'DV360',
};

export interface BigQuerySourceRow {
  id: string;
  name: string;
  projectId: string;
  dataset: string;
  table: string;
  columnMap: unknown;
  syncedThrough: Date | null;
}

export interface SyncOutcome {
  source: string;
  from: string;
  to: string;
  rows_read: number;
  metric_rows: number;
  spend_rows: number;
  accounts_created: number;
  campaigns_created: number;
  skipped_rows: number;
  skipped_examples: string[];
  outcome: 'succeeded' | 'partial' | 'failed';
  error: string | null;
}

/** One campaign's day as the table gives it, with the account it belongs to. */
interface DayRow extends DailyCampaignMetrics {
  platform: PlatformEnum;
  accountId: string;
  accountName: string | null;
  /** The table's currency for the row, when it has a currency column; else the account's. */
  currency: string | null;
  /** Table rows summed into it (ad- or ad-set-level tables). */
  parts: number;
}

/** The days to read: as given, else from a few days before the last day read (first time: 30 days) to today. */
export function syncRange(source: Pick<BigQuerySourceRow, 'syncedThrough'>, input: { from?: string; to?: string }, timeZone: string, now: Date): { from: string; to: string } {
  const today = todayIn(timeZone, now);
  const to = input.to ?? isoDay(today);
  const defaultFrom = source.syncedThrough ? new Date(Math.min(source.syncedThrough.getTime(), today.getTime()) - LATE_DAYS * DAY_MS) : new Date(today.getTime() - (FIRST_READ_DAYS - 1) * DAY_MS);
  const from = input.from ?? isoDay(defaultFrom);
  if (from > to) throw new ToolError('invalid_input', `from (${from}) is after to (${to}).`, [{ path: 'from', message: `must not be after to (${to})` }]);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days > MAX_RANGE_DAYS) throw new ToolError('invalid_input', `from..to spans ${days} days; read at most ${MAX_RANGE_DAYS} at a time.`, [{ path: 'from', message: `at most ${MAX_RANGE_DAYS} days before to` }]);
  return { from, to };
}

/** Reads one source's rows for the range and writes them (own transaction), recording an AdSyncRun. */
export async function syncBigQuerySource(ctx: ToolContext, source: BigQuerySourceRow, range: { from: string; to: string }, trigger: string): Promise<SyncOutcome> {
  const startedAt = ctx.now();
  const base: SyncOutcome = { source: source.name, ...range, rows_read: 0, metric_rows: 0, spend_rows: 0, accounts_created: 0, campaigns_created: 0, skipped_rows: 0, skipped_examples: [], outcome: 'failed', error: null };
  let rows: Array<Record<string, unknown>>;
  try {
    const config = requireBigQuery();
    const billing = config.billingProjectId ?? source.projectId;
    const accessToken = await serviceAccountToken(config.key, config.deps, ctx.now());
    const result = await runQuery({
      apiRoot: config.apiRoot,
      projectId: billing,
      accessToken,
      query: buildQuery({ projectId: source.projectId, dataset: source.dataset, table: source.table, columnMap: source.columnMap as ColumnMap }),
      parameters: [{ name: 'from', type: 'DATE', value: range.from }, { name: 'to', type: 'DATE', value: range.to }],
      deps: config.deps,
    });
    rows = result.rows;
  } catch (error) {
    const message = error instanceof ToolError ? error.message : 'BigQuery could not be read (an unexpected error; it has been logged).';
    if (!(error instanceof ToolError)) ctx.log.error('bigquery read failed', { source: source.id, error: String(error) });
    await ctx.inTransaction((db) => recordRun(db, ctx.orgId, { range, trigger, startedAt, finishedAt: ctx.now(), outcome: 'FAILED', rows: 0, error: message }));
    if (error instanceof ToolError && (error.code === 'unavailable' || error.code === 'forbidden')) throw error;
    return { ...base, error: message };
  }
  const { days, skipped, examples } = normalise(rows, range);
  const written = await ctx.inTransaction(async (db) => {
    const counts = await writeDays(db, ctx, range, [...days.values()]);
    await db.bigQuerySource.update({ where: { id: source.id }, data: { syncedThrough: new Date(`${range.to}T00:00:00Z`) } });
    const error = skipped ? `${skipped} row${skipped === 1 ? '' : 's'} skipped: ${examples.join('; ')}` : null;
    await recordRun(db, ctx.orgId, { range, trigger, startedAt, finishedAt: ctx.now(), outcome: skipped ? 'PARTIAL' : 'SUCCEEDED', rows: counts.metricRows, error });
    return counts;
  });
  // New figures: the budget alerts are checked again (as after a platform sync).
  for (const adAccountId of written.accountIds) ctx.jobs.enqueue({ name: 'ads.alerts.check', payload: { organizationId: ctx.orgId, adAccountId } });
  return {
    ...base,
    rows_read: rows.length,
    metric_rows: written.metricRows,
    spend_rows: written.spendRows,
    accounts_created: written.accountsCreated,
    campaigns_created: written.campaignsCreated,
    skipped_rows: skipped,
    skipped_examples: examples,
    outcome: skipped ? 'partial' : 'succeeded',
  };
}

function recordRun(db: ToolDb, organizationId: string, run: { range: { from: string; to: string }; trigger: string; startedAt: Date; finishedAt: Date; outcome: 'SUCCEEDED' | 'PARTIAL' | 'FAILED'; rows: number; error: string | null }) {
  return db.adSyncRun.create({
    data: {
      organizationId, adAccountId: null, kind: 'bigquery', trigger: run.trigger,
      rangeFrom: new Date(`${run.range.from}T00:00:00Z`), rangeTo: new Date(`${run.range.to}T00:00:00Z`),
      startedAt: run.startedAt, finishedAt: run.finishedAt, outcome: run.outcome, rows: run.rows, error: run.error,
    },
  });
}

const text = (value: unknown): string | null => (value === null || value === undefined || String(value).trim() === '' ? null : String(value).trim());
const number = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

/** Table rows to one row per platform, account, campaign and day (rows of finer grain summed); bad rows counted with examples. */
function normalise(rows: Array<Record<string, unknown>>, range: { from: string; to: string }) {
  const days = new Map<string, DayRow>();
  let skipped = 0;
  const examples: string[] = [];
  const skip = (index: number, why: string) => {
    skipped += 1;
    if (examples.length < 5) examples.push(`row ${index + 1}: ${why}`);
  };
  rows.forEach((row, index) => {
    const rawDate = text(row.date);
    const date = rawDate?.slice(0, 10) ?? null;
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || date < range.from || date > range.to) return skip(index, `date "${rawDate ?? ''}" is not a day in ${range.from}..${range.to}`);
    const platformWord = text(row.platform)?.toLowerCase().replace(/[\s-]+/g, '_') ?? '';
    const platform = PLATFORM_WORDS[platformWord] ?? (PLATFORM_WORDS[platformWord.toUpperCase()] as PlatformEnum | undefined);
    if (!platform) return skip(index, `platform "${text(row.platform) ?? ''}" is not one Crescendo knows (meta, google, tiktok, snapchat, linkedin, twitter, pinterest, amazon, dv360)`);
    let accountId = text(row.account_id);
    const campaignId = text(row.campaign_id);
    if (!accountId) return skip(index, 'no account id');
    if (!campaignId) return skip(index, 'no campaign id');
    // As the connectors store them: Meta without act_, Google customer ids without dashes.
    if (platform === 'META') accountId = accountId.replace(/^act_/, '');
    if (platform === 'GOOGLE') accountId = accountId.replace(/-/g, '');
    const spend = number(row.spend);
    if (spend === null || spend < 0) return skip(index, `spend "${text(row.spend) ?? ''}" is not an amount`);
    const currency = text(row.currency)?.toUpperCase() ?? null;
    if (currency !== null && !/^[A-Z]{3}$/.test(currency)) return skip(index, `currency "${currency}" is not an ISO code`);
    const count = (value: unknown) => Math.max(0, Math.round(number(value) ?? 0));
    const optionalCount = (value: unknown) => (number(value) === null ? null : count(value));
    const key = `${platform}|${accountId}|${campaignId}|${date}`;
    const existing = days.get(key);
    const next: DayRow = {
      platform, accountId, accountName: text(row.account_name), currency, campaignExternalId: campaignId, campaignName: text(row.campaign_name), date,
      spend, impressions: count(row.impressions), clicks: count(row.clicks), conversions: Math.max(0, number(row.conversions) ?? 0), conversionValue: Math.max(0, number(row.conversion_value) ?? 0),
      reach: optionalCount(row.reach), frequency: number(row.frequency), videoViews: optionalCount(row.video_views),
      videoP25: optionalCount(row.video_p25), videoP50: optionalCount(row.video_p50), videoP75: optionalCount(row.video_p75), videoP100: optionalCount(row.video_p100), parts: 1,
    };
    if (!existing) return void days.set(key, next);
    const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
    existing.spend += next.spend;
    existing.impressions += next.impressions;
    existing.clicks += next.clicks;
    existing.conversions += next.conversions;
    existing.conversionValue += next.conversionValue;
    existing.reach = add(existing.reach, next.reach);
    existing.videoViews = add(existing.videoViews, next.videoViews);
    existing.videoP25 = add(existing.videoP25, next.videoP25);
    existing.videoP50 = add(existing.videoP50, next.videoP50);
    existing.videoP75 = add(existing.videoP75, next.videoP75);
    existing.videoP100 = add(existing.videoP100, next.videoP100);
    existing.accountName ??= next.accountName;
    existing.campaignName ??= next.campaignName;
    existing.currency ??= next.currency;
    existing.parts += 1;
    // Summed rows: frequency is impressions per person reached again (reach summed over rows is an upper bound).
    existing.frequency = existing.reach ? existing.impressions / existing.reach : null;
  });
  return { days, skipped, examples };
}

const PLATFORM_LABELS: Record<PlatformEnum, string> = { META: 'Meta', GOOGLE: 'Google Ads', TIKTOK: 'TikTok', SNAPCHAT: 'Snapchat', LINKEDIN: 'LinkedIn', TWITTER: 'X', PINTEREST: 'Pinterest', AMAZON: 'Amazon Ads', DV360: 'DV360' };

/**
 * Accounts (created for unseen platform + account ids, with no connection), then each account's
 * campaigns and days through the account sync's storeSync, as a platform sync writes them: unseen
 * campaigns created, the days read replacing the account's CampaignMetric and MarketingSpend rows
 * (the sync engine's dedupe key), so reports, ROAS and attribution see the spend once; source `bigquery`.
 */
async function writeDays(db: ToolDb, ctx: ToolContext, range: DateRange, rows: DayRow[]) {
  const organizationId = ctx.orgId;
  const now = ctx.now();
  let accountsCreated = 0;
  // Accounts.
  const byAccount = new Map<string, DayRow[]>();
  for (const row of rows) {
    const key = `${row.platform}|${row.accountId}`;
    const days = byAccount.get(key);
    if (days) days.push(row);
    else byAccount.set(key, [row]);
  }
  const accounts = new Map<string, { id: string; currency: string; platform: PlatformEnum }>();
  const stored = byAccount.size
    ? await db.adAccount.findMany({ where: { OR: [...byAccount.values()].map(([row]) => ({ platform: row!.platform, externalId: row!.accountId })) }, select: { id: true, platform: true, externalId: true, currency: true } })
    : [];
  for (const account of stored) accounts.set(`${account.platform}|${account.externalId}`, { id: account.id, currency: account.currency, platform: account.platform as PlatformEnum });
  for (const [key, [row]] of byAccount) {
    if (accounts.has(key)) continue;
    const created = await db.adAccount.create({
      data: {
        organizationId, platform: row!.platform, externalId: row!.accountId, name: row!.accountName ?? `${PLATFORM_LABELS[row!.platform]} ${row!.accountId}`,
        currency: row!.currency ?? ctx.org.baseCurrency, timeZone: ctx.org.timeZone,
      },
      select: { id: true, currency: true },
    });
    accounts.set(key, { id: created.id, currency: created.currency, platform: row!.platform });
    accountsCreated += 1;
  }
  // Campaigns and days, one account at a time in id order (storeSync locks each account: a fixed order cannot deadlock).
  const written = [...byAccount].map(([key, days]) => ({ account: accounts.get(key)!, days })).sort((a, b) => (a.account.id < b.account.id ? -1 : 1));
  let metricRows = 0;
  let campaignsCreated = 0;
  for (const { account, days } of written) {
    const counts = await storeSync(db, organizationId, { id: account.id, currency: account.currency, platform: account.platform.toLowerCase() }, range, [], days, now, 'bigquery');
    metricRows += counts.rows;
    campaignsCreated += counts.created;
    // Accounts fed only by BigQuery (no platform connection) show this read as their last sync.
    await db.adAccount.updateMany({ where: { id: account.id, connectionId: null }, data: { lastSyncAt: now, lastSyncOutcome: 'SUCCEEDED', lastSyncRows: counts.rows, lastSyncError: null } });
  }
  // One MarketingSpend row per CampaignMetric row.
  return { metricRows, spendRows: metricRows, accountsCreated, campaignsCreated, accountIds: written.map(({ account }) => account.id) };
}
