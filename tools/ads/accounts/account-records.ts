import { z } from 'zod';
import type { AdPlatform } from '../../../db/generated/prisma/enums.ts';
import { isoDay, money, todayIn } from '../../common/format.ts';
import type { ToolContext } from '../../registry/context.ts';
import { notFound } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { AD_PLATFORMS } from '../connectors/ad-connector.ts';

export const EXAMPLE_ACCOUNT_ID = '01900000-0000-7000-8000-000000000001';
const DAY_MS = 86_400_000;

export const adAccountIdInput = z.string().uuid().describe('The ad account (list_ad_accounts gives ids).');
export const platformInput = z.enum(AD_PLATFORMS).describe('The ad platform, lower case: meta, google, tiktok (connectable); snapchat, linkedin, twitter, pinterest, amazon, dv360 (recorded only).');
export const ACCOUNT_STATUSES = ['active', 'needs_reauth', 'disconnected', 'paused'] as const;

export const toDbPlatform = (platform: string) => platform.toUpperCase() as AdPlatform;
export const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;

export async function requireAdAccount(db: ToolDb, id: string) {
  const account = await db.adAccount.findFirst({ where: { id } });
  if (!account) throw notFound('ad account', id);
  return account;
}

const num = (value: { toString(): string } | null) => (value === null ? null : Number(value.toString()));

export const lastSyncView = z
  .object({
    at: z.string(),
    outcome: z.enum(['succeeded', 'partial', 'failed']),
    error: z.string().nullable(),
    rows: z.number().int().nullable().describe('Campaign-days written.'),
  })
  .nullable()
  .describe('The last sync; null before the first.');

export const accountRow = z.object({
  ad_account_id: z.string(),
  platform: z.enum(AD_PLATFORMS),
  external_id: z.string().describe("The platform's id (Meta act_ number without the prefix, Google customer id without dashes)."),
  name: z.string(),
  currency: z.string(),
  time_zone: z.string(),
  status: z.enum(ACCOUNT_STATUSES).describe('needs_reauth: someone must connect it again (connect_ad_account); paused: not synced.'),
  is_demo: z.boolean().describe('A demo stand-in, never called over the network.'),
  parent: z.object({ ad_account_id: z.string(), name: z.string() }).nullable().describe('The manager (agency) account above it.'),
  child_accounts: z.number().int().describe('Accounts under it (a manager account).'),
  creator_campaign: z.object({ creator_campaign_id: z.string(), name: z.string() }).nullable().describe('The Crescendo campaign the account works for.'),
  sync_hour: z.number().int().describe('Local hour of the daily sync, in time_zone.'),
  last_sync: lastSyncView,
  limits: z.object({
    daily_budget: z.number().nullable(),
    monthly_budget: z.number().nullable(),
    no_conversion_days: z.number().int().nullable(),
  }),
  spend: z.object({
    yesterday: z.number().describe("Yesterday's spend in the account's currency (its time zone's days)."),
    month_to_date: z.number().describe('This month so far, today included.'),
  }),
});
export type AccountRow = z.input<typeof accountRow>;

type AccountRecord = Awaited<ReturnType<ToolDb['adAccount']['findFirst']>> & {};

/** The compact view list_ad_accounts and get_ad_account share; loads parents, children, campaigns and spend together. */
export async function accountRows(ctx: Pick<ToolContext, 'db' | 'now'>, accounts: AccountRecord[]): Promise<AccountRow[]> {
  if (accounts.length === 0) return [];
  const ids = accounts.map((account) => account.id);
  const parentIds = [...new Set(accounts.map((account) => account.parentAccountId).filter((id): id is string => Boolean(id)))];
  const campaignIds = [...new Set(accounts.map((account) => account.campaignId).filter((id): id is string => Boolean(id)))];
  const now = ctx.now();
  const periods = new Map(accounts.map((account) => [account.id, spendPeriods(account.timeZone, now)]));
  const earliest = new Date(Math.min(...[...periods.values()].map((period) => Math.min(period.monthStart.getTime(), period.yesterday.getTime()))));
  const [parents, children, campaigns, spend] = await Promise.all([
    parentIds.length ? ctx.db.adAccount.findMany({ where: { id: { in: parentIds } }, select: { id: true, name: true } }) : [],
    ctx.db.adAccount.groupBy({ by: ['parentAccountId'], where: { parentAccountId: { in: ids } }, _count: { _all: true } }),
    campaignIds.length ? ctx.db.campaign.findMany({ where: { id: { in: campaignIds } }, select: { id: true, name: true } }) : [],
    ctx.db.campaignMetric.groupBy({ by: ['adAccountId', 'date'], where: { adAccountId: { in: ids }, date: { gte: earliest } }, _sum: { spend: true } }),
  ]);
  const parentNames = new Map(parents.map((row) => [row.id, row.name]));
  const childCounts = new Map(children.map((row) => [row.parentAccountId!, row._count._all]));
  const campaignNames = new Map(campaigns.map((row) => [row.id, row.name]));
  const totals = new Map<string, { yesterday: number; month: number }>();
  for (const row of spend) {
    const period = periods.get(row.adAccountId)!;
    const total = totals.get(row.adAccountId) ?? { yesterday: 0, month: 0 };
    const value = num(row._sum.spend) ?? 0;
    const time = row.date.getTime();
    if (time === period.yesterday.getTime()) total.yesterday += value;
    if (time >= period.monthStart.getTime() && time <= period.today.getTime()) total.month += value;
    totals.set(row.adAccountId, total);
  }
  return accounts.map((account) => ({
    ad_account_id: account.id,
    platform: lower(account.platform),
    external_id: account.externalId,
    name: account.name,
    currency: account.currency,
    time_zone: account.timeZone,
    status: lower(account.status),
    is_demo: account.isDemo,
    parent: account.parentAccountId ? { ad_account_id: account.parentAccountId, name: parentNames.get(account.parentAccountId) ?? '(unknown)' } : null,
    child_accounts: childCounts.get(account.id) ?? 0,
    creator_campaign: account.campaignId ? { creator_campaign_id: account.campaignId, name: campaignNames.get(account.campaignId) ?? '(unknown)' } : null,
    sync_hour: account.syncHour,
    last_sync: account.lastSyncAt
      ? { at: account.lastSyncAt.toISOString(), outcome: lower(account.lastSyncOutcome ?? 'SUCCEEDED'), error: account.lastSyncError, rows: account.lastSyncRows }
      : null,
    limits: { daily_budget: num(account.dailyBudgetLimit), monthly_budget: num(account.monthlyBudgetLimit), no_conversion_days: account.noConversionDays },
    spend: { yesterday: money(totals.get(account.id)?.yesterday ?? 0), month_to_date: money(totals.get(account.id)?.month ?? 0) },
  }));
}

/** Today, yesterday and the first of the month in a time zone, as UTC-midnight dates (how @db.Date columns read). */
export function spendPeriods(timeZone: string, now: Date) {
  const today = todayIn(timeZone, now);
  return { today, yesterday: new Date(today.getTime() - DAY_MS), monthStart: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)) };
}

export { isoDay };
