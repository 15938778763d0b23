import { amountText } from '../../common/display-figures.ts';
import { isoDay, money, parseDay, todayIn } from '../../common/format.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

/**
 * Budget alerts, evaluated from CampaignMetric in each account's own currency and local days:
 * - over_daily_limit: a day's spend above the account's dailyBudgetLimit (sum of its campaigns) or a
 *   campaign's dailyLimit;
 * - monthly_pace: month-to-date spend / days elapsed x days in the month above monthlyBudgetLimit;
 * - no_conversions: spend > 0 and zero conversions on each of the last noConversionDays days (the
 *   whole account when it qualifies, else each campaign that does).
 * Money is compared in cents, so 1,000.004 is not over a 1,000.00 limit.
 */

export const ALERT_CAUSES = ['over_daily_limit', 'monthly_pace', 'no_conversions'] as const;

/** What a stored alert is about, as one key (SpendAlert.scopeKey): `account:<id>` or `campaign:<id>`. */
export function alertScopeKey(alert: { scope: 'account' | 'campaign'; adAccountId: string; adCampaignId: string | null }): string {
  return alert.scope === 'account' ? `account:${alert.adAccountId}` : `campaign:${alert.adCampaignId}`;
}
export type AlertCause = (typeof ALERT_CAUSES)[number];

export interface AlertFigures {
  currency: string;
  /** The day's spend (over_daily_limit), month-to-date (monthly_pace), or the window's spend (no_conversions). */
  spend: number;
  limit: number | null;
  projected: number | null;
  days_elapsed: number | null;
  days_in_month: number | null;
  days_without_conversions: number | null;
}

export interface EvaluatedAlert {
  cause: AlertCause;
  scope: 'account' | 'campaign';
  adAccountId: string;
  accountName: string;
  platform: string;
  adCampaignId: string | null;
  campaignName: string | null;
  /** YYYY-MM-DD in the account's time zone. */
  day: string;
  /** True when the day is the account's today (figures so far). */
  partialDay: boolean;
  scopeKey: string;
  figures: AlertFigures;
  message: string;
}

const PLATFORM_NAMES: Record<string, string> = {
  META: 'Meta', GOOGLE: 'Google Ads', TIKTOK: 'TikTok', SNAPCHAT: 'Snapchat', LINKEDIN: 'LinkedIn', TWITTER: 'X', PINTEREST: 'Pinterest', AMAZON: 'Amazon Ads', DV360: 'DV360',
};
const DAY_MS = 86_400_000;
const cents = (value: number) => Math.round(value * 100);

export interface EvaluateOptions {
  /** One local day for every account and cause; default each account's yesterday, plus today for over_daily_limit. */
  day?: string;
  adAccountId?: string;
}

/** Every alert that holds now, account by account (accounts in name order, alerts by cause). */
export async function evaluateSpendAlerts(db: ToolDb, organizationId: string, now: Date, options: EvaluateOptions = {}): Promise<EvaluatedAlert[]> {
  const accounts = await db.adAccount.findMany({
    where: { organizationId, ...(options.adAccountId ? { id: options.adAccountId } : {}), OR: [{ dailyBudgetLimit: { not: null } }, { monthlyBudgetLimit: { not: null } }, { noConversionDays: { not: null } }, { adCampaigns: { some: { dailyLimit: { not: null } } } }] },
    select: { id: true, name: true, platform: true, currency: true, timeZone: true, dailyBudgetLimit: true, monthlyBudgetLimit: true, noConversionDays: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const alerts: EvaluatedAlert[] = [];
  for (const account of accounts) alerts.push(...(await accountAlerts(db, organizationId, account, now, options.day)));
  return alerts;
}

interface AccountRow {
  id: string;
  name: string;
  platform: string;
  currency: string;
  timeZone: string;
  dailyBudgetLimit: { toString(): string } | null;
  monthlyBudgetLimit: { toString(): string } | null;
  noConversionDays: number | null;
}

async function accountAlerts(db: ToolDb, organizationId: string, account: AccountRow, now: Date, day: string | undefined): Promise<EvaluatedAlert[]> {
  const today = todayIn(account.timeZone, now);
  const checkDay = day ? parseDay(day, 'day') : new Date(today.getTime() - DAY_MS);
  const dailyDays = day ? [checkDay] : [checkDay, today];
  const noConversionDays = account.noConversionDays && account.noConversionDays > 0 ? account.noConversionDays : null;
  const monthStart = new Date(Date.UTC(checkDay.getUTCFullYear(), checkDay.getUTCMonth(), 1));
  const windowStart = noConversionDays ? new Date(checkDay.getTime() - (noConversionDays - 1) * DAY_MS) : checkDay;
  const from = new Date(Math.min(monthStart.getTime(), windowStart.getTime()));
  const to = new Date(Math.max(...dailyDays.map((d) => d.getTime())));
  const [rows, campaigns] = await Promise.all([
    db.campaignMetric.findMany({ where: { organizationId, adAccountId: account.id, date: { gte: from, lte: to } }, select: { adCampaignId: true, date: true, spend: true, conversions: true } }),
    db.adCampaign.findMany({ where: { organizationId, adAccountId: account.id }, select: { id: true, name: true, dailyLimit: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
  ]);
  // Sums per day for the account and per campaign and day.
  const accountDay = new Map<string, { spend: number; conversions: number }>();
  const campaignDay = new Map<string, { spend: number; conversions: number }>();
  for (const row of rows) {
    const date = isoDay(row.date);
    for (const [map, key] of [[accountDay, date], [campaignDay, `${row.adCampaignId}|${date}`]] as const) {
      const sum = map.get(key) ?? { spend: 0, conversions: 0 };
      sum.spend += Number(row.spend);
      sum.conversions += Number(row.conversions);
      map.set(key, sum);
    }
  }
  const platform = account.platform.toLowerCase();
  const platformName = PLATFORM_NAMES[account.platform] ?? account.platform;
  const accountLabel = `${platformName} account “${account.name}”`;
  const currency = account.currency;
  const amount = (value: number) => amountText(value, currency);
  const base = { adAccountId: account.id, accountName: account.name, platform };
  const accountScope = { ...base, scope: 'account' as const, adCampaignId: null, campaignName: null, scopeKey: alertScopeKey({ scope: 'account', adAccountId: account.id, adCampaignId: null }) };
  const figures = (values: Partial<AlertFigures> & { spend: number }): AlertFigures => ({
    currency, limit: null, projected: null, days_elapsed: null, days_in_month: null, days_without_conversions: null, ...values, spend: money(values.spend),
  });
  const dayWords = (d: Date) => (d.getTime() === today.getTime() ? `so far today (${isoDay(d)})` : `on ${isoDay(d)}`);
  const alerts: EvaluatedAlert[] = [];

  // 1. Over the daily limit: the account's total, then each campaign with its own limit.
  for (const d of dailyDays) {
    const date = isoDay(d);
    const partialDay = d.getTime() === today.getTime();
    if (account.dailyBudgetLimit !== null) {
      const limit = Number(account.dailyBudgetLimit);
      const spend = accountDay.get(date)?.spend ?? 0;
      if (cents(spend) > cents(limit)) {
        alerts.push({
          ...accountScope, cause: 'over_daily_limit', day: date, partialDay,
          figures: figures({ spend, limit: money(limit) }),
          message: `${accountLabel} spent ${amount(spend)} ${dayWords(d)}, over its daily limit of ${amount(limit)} by ${amount(spend - limit)}.`,
        });
      }
    }
    for (const campaign of campaigns) {
      if (campaign.dailyLimit === null) continue;
      const limit = Number(campaign.dailyLimit);
      const spend = campaignDay.get(`${campaign.id}|${date}`)?.spend ?? 0;
      if (cents(spend) > cents(limit)) {
        alerts.push({
          ...base, scope: 'campaign', adCampaignId: campaign.id, campaignName: campaign.name, scopeKey: alertScopeKey({ scope: 'campaign', adAccountId: account.id, adCampaignId: campaign.id }), cause: 'over_daily_limit', day: date, partialDay,
          figures: figures({ spend, limit: money(limit) }),
          message: `Campaign “${campaign.name}” (${accountLabel}) spent ${amount(spend)} ${dayWords(d)}, over its daily limit of ${amount(limit)} by ${amount(spend - limit)}.`,
        });
      }
    }
  }

  const checkDate = isoDay(checkDay);
  const checkPartial = checkDay.getTime() === today.getTime();
  // 2. Monthly pace: month-to-date through the day, projected over the whole month.
  if (account.monthlyBudgetLimit !== null) {
    const limit = Number(account.monthlyBudgetLimit);
    const daysElapsed = checkDay.getUTCDate();
    const daysInMonth = new Date(Date.UTC(checkDay.getUTCFullYear(), checkDay.getUTCMonth() + 1, 0)).getUTCDate();
    let monthToDate = 0;
    for (const [date, sum] of accountDay) if (date >= isoDay(monthStart) && date <= checkDate) monthToDate += sum.spend;
    const projected = (monthToDate / daysElapsed) * daysInMonth;
    if (monthToDate > 0 && cents(projected) > cents(limit)) {
      const month = checkDay.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      const already = cents(monthToDate) > cents(limit) ? ` It is already ${amount(monthToDate - limit)} over.` : '';
      alerts.push({
        ...accountScope, cause: 'monthly_pace', day: checkDate, partialDay: checkPartial,
        figures: figures({ spend: monthToDate, limit: money(limit), projected: money(projected), days_elapsed: daysElapsed, days_in_month: daysInMonth }),
        message: `${accountLabel} is on pace to spend ${amount(projected)} in ${month}, over its monthly limit of ${amount(limit)}: ${amount(monthToDate)} spent in the first ${daysElapsed} day${daysElapsed === 1 ? '' : 's'} (through ${checkDate}), ${amount(monthToDate / daysElapsed)} a day over ${daysInMonth} days.${already}`,
      });
    }
  }

  // 3. No conversions: every one of the last N days spent something and converted nothing.
  if (noConversionDays) {
    const window = Array.from({ length: noConversionDays }, (_, index) => isoDay(new Date(windowStart.getTime() + index * DAY_MS)));
    const span = noConversionDays === 1 ? `on ${checkDate}` : `on each of the last ${noConversionDays} days (${window[0]} to ${checkDate})`;
    const dry = (lookup: (date: string) => { spend: number; conversions: number } | undefined) =>
      window.every((date) => {
        const sum = lookup(date);
        return sum !== undefined && cents(sum.spend) > 0 && sum.conversions === 0;
      });
    const spentOver = (lookup: (date: string) => { spend: number } | undefined) => window.reduce((total, date) => total + (lookup(date)?.spend ?? 0), 0);
    if (dry((date) => accountDay.get(date))) {
      const spend = spentOver((date) => accountDay.get(date));
      alerts.push({
        ...accountScope, cause: 'no_conversions', day: checkDate, partialDay: checkPartial,
        figures: figures({ spend, days_without_conversions: noConversionDays }),
        message: `${accountLabel} spent ${amount(spend)} with no conversions ${span}.`,
      });
    } else {
      for (const campaign of campaigns) {
        const lookup = (date: string) => campaignDay.get(`${campaign.id}|${date}`);
        if (!dry(lookup)) continue;
        const spend = spentOver(lookup);
        alerts.push({
          ...base, scope: 'campaign', adCampaignId: campaign.id, campaignName: campaign.name, scopeKey: alertScopeKey({ scope: 'campaign', adAccountId: account.id, adCampaignId: campaign.id }), cause: 'no_conversions', day: checkDate, partialDay: checkPartial,
          figures: figures({ spend, days_without_conversions: noConversionDays }),
          message: `Campaign “${campaign.name}” (${accountLabel}) spent ${amount(spend)} with no conversions ${span}.`,
        });
      }
    }
  }
  return alerts;
}

/** The stored cause (enum) of a cause word, and back. */
export const causeEnum = (cause: AlertCause) => cause.toUpperCase() as 'OVER_DAILY_LIMIT' | 'MONTHLY_PACE' | 'NO_CONVERSIONS';
export const causeWord = (cause: string) => cause.toLowerCase() as AlertCause;
