import { amountText } from '../../tools/common/display-figures.ts';
import { zonedInstant } from '../../tools/common/format.ts';
import { causeEnum, evaluateSpendAlerts } from '../../tools/ads/alerts/spend-alert-rules.ts';
import type { ToolDb } from '../../tools/registry/tenant-scope.ts';
import { BulkWriter, bulkTable, type Transaction } from '../bulk/bulk-writer.ts';
import type { AdPlatform } from '../generated/prisma/enums.ts';
import { ALWAYS_ON_PROFILES, RELEASE_PROFILES, WEEKDAY_SPEND, dayMetrics, drawRates, type CampaignRates, type DayMetrics, type DemoPlatform } from './ads-metrics.ts';
import type { PlannedCampaign } from './campaigns.ts';
import { kebab } from './catalogue.ts';
import { DEMO_CREATOR_CAMPAIGNS } from './creators.ts';
import type { Random } from './random.ts';
import type { SeedCalendar } from './seed-calendar.ts';

/**
 * The demo's ad accounts: Meta, Google Ads (a child of a Google manager account) and TikTok, stand-ins
 * marked isDemo and "(demo)" in their names, with no connection (they are never called over the
 * network). 120 days of CampaignMetric per account through yesterday, the same spend in MarketingSpend
 * (source = the platform, dedupe key `ads:<adAccountId>:<campaignExternalId>:<date>`), the daily sync
 * history with one failed run (retried), budget limits, and one campaign over its daily limit
 * yesterday whose alert was posted.
 *
 * The playlist campaigns' Meta, Google and TikTok spend (seeded as CSV imports, spend.ts) becomes the
 * accounts' release campaigns over those 120 days: those rows are replaced by the synced ones, shaped
 * by weekday (the same weekly mean), so the channels' totals and the campaign keys that attribution
 * joins on stay; days before the accounts were connected stay CSV imports. Added on top: one
 * always-on campaign per account (label-level, no campaign key) and the creators seed's release
 * launch on Meta and TikTok, both assigned to its creator campaign (assign_ad_account by campaign).
 */

export interface AdsSeedInput {
  tx: Transaction;
  random: Random;
  calendar: SeedCalendar;
  organizationId: string;
  campaigns: PlannedCampaign[];
}

export interface AdsSeedResult {
  /** Rows written by table; MarketingSpend is the organisation's total after the ads rewrite (rows were replaced). */
  counts: Record<string, number>;
}

/** Days of metrics the accounts hold, through yesterday. */
export const DEMO_AD_DAYS = 120;
export const DEMO_AD_TIME_ZONE = 'Europe/Madrid';
/** The Meta account's rule: alert after this many days of spend with no conversions. */
export const DEMO_NO_CONVERSION_DAYS = 5;
const SYNC_HOUR = 6;
const DAY_MS = 86_400_000;

const PLATFORM_ENUM: Record<DemoPlatform, AdPlatform> = { meta: 'META', google: 'GOOGLE', tiktok: 'TIKTOK' };
const RUNNING: Record<DemoPlatform, [active: string, stopped: string]> = {
  meta: ['ACTIVE', 'PAUSED'],
  google: ['ENABLED', 'PAUSED'],
  tiktok: ['CAMPAIGN_STATUS_ENABLE', 'CAMPAIGN_STATUS_DISABLE'],
};
const GEOS = ['ES', 'ES+MX', 'US+UK', 'MX+CO+AR', 'UK+IE', 'DE+AT+CH', 'FR+BE', 'US Hispanic'];

const spendTable = bulkTable('MarketingSpend', {
  id: 'text', organizationId: 'text', date: 'date', channel: 'text', campaign: 'text', artist: 'text', amount: 'numeric', currency: 'text',
  impressions: 'int', clicks: 'int', dedupeKey: 'text', source: 'text',
});
const metricTable = bulkTable('CampaignMetric', {
  id: 'text', organizationId: 'text', adAccountId: 'text', adCampaignId: 'text', date: 'date', spend: 'numeric', currency: 'text',
  impressions: 'numeric', clicks: 'numeric', conversions: 'numeric', conversionValue: 'numeric', reach: 'numeric', frequency: 'numeric',
  videoViews: 'numeric', videoP25: 'numeric', videoP50: 'numeric', videoP75: 'numeric', videoP100: 'numeric', source: 'text', syncedAt: 'timestamptz',
});
interface AccountPlan {
  id: string;
  platform: DemoPlatform;
  externalId: string;
  name: string;
}

interface CampaignPlan {
  id: string;
  account: AccountPlan;
  externalId: string;
  name: string;
  objective: string;
  /** MarketingSpend.campaign: the playlist campaign's key (what touchpoints carry), null for label-level spend. */
  key: string | null;
  artist: string | null;
  creatorCampaignId: string | null;
  alwaysOn: boolean;
  rates: CampaignRates;
  days: Map<number, DayMetrics>;
  dailyBudget: number;
  dailyLimit: number | null;
}

interface ExistingSpend {
  id: string;
  day: string;
  channel: DemoPlatform;
  campaign: string;
  artist: string | null;
  amount: number;
  impressions: number | null;
  clicks: number | null;
}

export async function writeAds(input: AdsSeedInput): Promise<AdsSeedResult> {
  const { tx, random, calendar, organizationId } = input;
  const first = Math.max(0, calendar.days - DEMO_AD_DAYS);
  const yesterday = calendar.days - 1;
  const local = (day: number, minutes: number) => zonedInstant(calendar.date(day).getTime() + Math.round(minutes * 60_000), DEMO_AD_TIME_ZONE);
  const ids = random.fork('ids');
  const idAt = (at: Date) => timeOrderedId(at, ids);
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
  const connectedAt = local(first, 10 * 60 + 30);

  // Accounts: three that run campaigns and the Google manager above the Google one.
  const digits = (count: number, lead: string) => lead + Array.from({ length: count - lead.length }, () => ids.int(0, 9)).join('');
  const account = (platform: DemoPlatform, externalId: string, label: string): AccountPlan => ({ id: idAt(connectedAt), platform, externalId, name: `${organization.name} · ${label} (demo)` });
  const managerId = idAt(new Date(connectedAt.getTime() - 60_000));
  const managerExternalId = digits(10, '4');
  const accounts: Record<DemoPlatform, AccountPlan> = {
    meta: account('meta', digits(16, '10'), 'Meta Ads'),
    google: account('google', digits(10, '7'), 'Google Ads'),
    tiktok: account('tiktok', digits(19, '72'), 'TikTok Ads'),
  };

  // The playlist campaigns' ad spend over the window, which the accounts' release campaigns take over.
  const existing = await tx.$queryRawUnsafe<ExistingSpend[]>(
    `SELECT id, to_char(date, 'YYYY-MM-DD') AS day, channel, campaign, artist, amount::float AS amount, impressions, clicks
     FROM "MarketingSpend" WHERE "organizationId" = $1 AND channel = ANY($2::text[]) AND date >= $3::date AND "dedupeKey" LIKE 'seed:spend:%'
     ORDER BY campaign, channel, date`,
    organizationId, ['meta', 'google', 'tiktok'], calendar.iso(first),
  );
  const byKey = new Map(input.campaigns.map((campaign) => [campaign.key, campaign]));
  const groups = new Map<string, ExistingSpend[]>();
  for (const row of existing) {
    const key = `${row.campaign}|${row.channel}`;
    const rows = groups.get(key);
    if (rows) rows.push(row);
    else groups.set(key, [row]);
  }

  const plans: CampaignPlan[] = [];
  const campaignRandom = random.fork('campaigns');
  const externalCampaignId = (platform: DemoPlatform) => (platform === 'meta' ? digits(18, '1202') : platform === 'google' ? digits(11, '2') : digits(19, '17'));
  const plan = (fields: Omit<CampaignPlan, 'id' | 'externalId' | 'days' | 'dailyBudget' | 'dailyLimit'>, createdDay: number): CampaignPlan => ({
    ...fields,
    id: idAt(local(Math.max(first, createdDay), SYNC_HOUR * 60 + 1)),
    externalId: externalCampaignId(fields.account.platform),
    days: new Map(),
    dailyBudget: 0,
    dailyLimit: null,
  });

  for (const rows of groups.values()) {
    const { channel, campaign: key, artist } = rows[0]!;
    const planned = byKey.get(key);
    const groupRandom = campaignRandom.fork(`${key}/${channel}`);
    const geo = groupRandom.pick(GEOS);
    const title = planned?.songs[0]?.title ?? key;
    const artistName = planned?.artist.name ?? artist ?? key;
    const names: Record<DemoPlatform, [string, string]> = {
      meta: [`${title} – ${artistName} | Release push | Reels + Stories | ${geo}`, 'OUTCOME_TRAFFIC'],
      google: [`YT | ${artistName} – ${title} | Video views | ${geo}`, 'VIDEO'],
      tiktok: [`${artistName} – ${title} | Spark Ads | ${geo}`, 'VIDEO_VIEWS'],
    };
    const [name, objective] = names[channel];
    const dayIndexes = rows.map((row) => calendar.indexOf(new Date(`${row.day}T00:00:00Z`)));
    const campaign = plan({ account: accounts[channel], name, objective, key, artist, creatorCampaignId: null, alwaysOn: false, rates: drawRates(groupRandom, RELEASE_PROFILES[channel]) }, Math.min(...dayIndexes));
    rows.forEach((row, index) => {
      const day = dayIndexes[index]!;
      const factor = WEEKDAY_SPEND[calendar.weekday(day)]!;
      const spend = Math.round(row.amount * factor * 100) / 100;
      const known = row.impressions !== null && row.clicks !== null ? { impressions: Math.round(row.impressions * factor), clicks: Math.round(row.clicks * factor) } : undefined;
      campaign.days.set(day, dayMetrics(groupRandom, campaign.rates, spend, known));
    });
    plans.push(campaign);
  }

  // Always-on campaigns: label-level spend every day of the window.
  const alwaysOn: Record<DemoPlatform, [string, string, readonly [number, number]]> = {
    meta: ['Always-on | Catalogue retargeting | Store + smart-link visitors 180d', 'OUTCOME_SALES', [28, 38]],
    google: ['Search | Brand | Label + artist names | ES+US', 'SEARCH', [12, 18]],
    tiktok: ['Always-on | Label channel | Spark Ads follower growth', 'REACH', [18, 26]],
  };
  for (const platform of ['meta', 'google', 'tiktok'] as const) {
    const [name, objective, budgetRange] = alwaysOn[platform];
    const onRandom = campaignRandom.fork(`always-on/${platform}`);
    const campaign = plan({ account: accounts[platform], name, objective, key: null, artist: null, creatorCampaignId: null, alwaysOn: true, rates: drawRates(onRandom, ALWAYS_ON_PROFILES[platform]) }, first);
    fillDays(onRandom, calendar, campaign, first, yesterday, onRandom.float(...budgetRange));
    plans.push(campaign);
  }

  // The creators seed's release launch, on TikTok from the creator campaign's start and on Meta from release week.
  const launch = await tx.campaign.findFirst({ where: { organizationId, name: DEMO_CREATOR_CAMPAIGNS.release }, select: { id: true, startsOn: true, release: { select: { title: true, artistName: true, releaseDate: true } } } });
  if (launch?.release && launch.startsOn) {
    const { title, artistName, releaseDate } = launch.release;
    const key = kebab(`${artistName} ${title}`);
    const launchRandom = campaignRandom.fork('creator-launch');
    const tiktokStart = Math.max(first, calendar.indexOf(launch.startsOn));
    const metaStart = Math.max(first, (releaseDate ? calendar.indexOf(releaseDate) : tiktokStart) - 3);
    const tiktok = plan({ account: accounts.tiktok, name: `${title} – ${artistName} | Launch | Creator Spark Ads | MX+US Hispanic`, objective: 'VIDEO_VIEWS', key, artist: artistName, creatorCampaignId: launch.id, alwaysOn: false, rates: drawRates(launchRandom, RELEASE_PROFILES.tiktok) }, tiktokStart);
    fillDays(launchRandom, calendar, tiktok, tiktokStart, yesterday, launchRandom.float(70, 90));
    const meta = plan({ account: accounts.meta, name: `${title} – ${artistName} | Launch | Reels | MX+US Hispanic`, objective: 'OUTCOME_ENGAGEMENT', key, artist: artistName, creatorCampaignId: launch.id, alwaysOn: false, rates: drawRates(launchRandom, RELEASE_PROFILES.meta) }, metaStart);
    fillDays(launchRandom, calendar, meta, metaStart, yesterday, launchRandom.float(35, 45));
    plans.push(tiktok, meta);
  }

  // Meta's no-conversion rule never fires: no campaign goes DEMO_NO_CONVERSION_DAYS days with spend and no conversion.
  const ruleRandom = random.fork('conversion-rule');
  for (const campaign of plans.filter((row) => row.account.platform === 'meta')) {
    let dry = 0;
    for (const day of [...campaign.days.keys()].sort((a, b) => a - b)) {
      const metrics = campaign.days.get(day)!;
      if (metrics.spend <= 0 || metrics.conversions > 0) {
        dry = 0;
        continue;
      }
      dry += 1;
      if (dry >= DEMO_NO_CONVERSION_DAYS - 1) {
        metrics.conversions = 1;
        metrics.conversionValue = Math.round(campaign.rates.orderValue * ruleRandom.noise(0.2) * 100) / 100;
        dry = 0;
      }
    }
  }

  // Budgets and limits. The over-budget story: a Meta release push whose platform budget someone raised,
  // which spent past Crescendo's daily limit yesterday (and was within it every day before).
  const limitRandom = random.fork('limits');
  for (const campaign of plans) {
    const spends = [...campaign.days.values()].map((day) => day.spend);
    campaign.dailyBudget = roundUp((spends.reduce((sum, value) => sum + value, 0) / Math.max(1, spends.length)) * 1.1, 5);
  }
  const activeYesterday = (campaign: CampaignPlan) => (campaign.days.get(yesterday)?.spend ?? 0) > 0;
  const metaCandidates = plans.filter((campaign) => campaign.account.platform === 'meta' && activeYesterday(campaign) && !campaign.creatorCampaignId);
  const overspent =
    metaCandidates.filter((campaign) => !campaign.alwaysOn).sort((a, b) => b.days.get(yesterday)!.spend - a.days.get(yesterday)!.spend || a.name.localeCompare(b.name))[0] ??
    metaCandidates[0];
  if (!overspent) throw new Error('the demo has no Meta campaign spending yesterday to put over its daily limit');
  const before = Math.max(...[...overspent.days].filter(([day]) => day !== yesterday).map(([, metrics]) => metrics.spend), 1);
  overspent.dailyLimit = roundUp(before * 1.1, 5);
  overspent.dailyBudget = roundUp(overspent.dailyLimit * 1.4, 5);
  overspent.days.set(yesterday, dayMetrics(limitRandom, overspent.rates, Math.round(overspent.dailyLimit * limitRandom.float(1.28, 1.38) * 100) / 100));
  for (const campaign of plans) {
    if (campaign === overspent || campaign.alwaysOn || campaign.account.platform === 'google' || !activeYesterday(campaign)) continue;
    campaign.dailyLimit = roundUp(Math.max(...[...campaign.days.values()].map((day) => day.spend)) * 1.2, 5);
  }

  // Account limits sit above every day and every month's pace in the window, so the one alert is the campaign's.
  const accountLimits = new Map<AccountPlan, { daily: number; monthly: number }>();
  for (const plan of Object.values(accounts)) {
    const totals = new Float64Array(calendar.days);
    for (const campaign of plans.filter((row) => row.account === plan)) for (const [day, metrics] of campaign.days) totals[day]! += metrics.spend;
    let maxDay = 0;
    let maxPace = 0;
    for (let day = first; day <= yesterday; day++) {
      maxDay = Math.max(maxDay, totals[day]!);
      const date = calendar.date(day);
      const monthStart = Math.max(first, calendar.indexOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1))));
      let monthToDate = 0;
      for (let inMonth = monthStart; inMonth <= day; inMonth++) monthToDate += totals[inMonth]!;
      const daysInMonth = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
      maxPace = Math.max(maxPace, (monthToDate / date.getUTCDate()) * daysInMonth);
    }
    accountLimits.set(plan, { daily: roundUp(maxDay * 1.25, 50), monthly: roundUp(maxPace * 1.1, 500) });
  }

  // The sync history: connected on the window's first day, then daily at 06:00 local over the last 3 days;
  // one TikTok run throttled 11 days ago and retried an hour later by the job.
  const runRandom = random.fork('sync-runs');
  const failedDay = Math.max(first + 1, yesterday - 10);
  const runs: Array<{ id: string; adAccountId: string; trigger: string; rangeFrom: number; rangeTo: number; startedAt: Date; finishedAt: Date; outcome: 'SUCCEEDED' | 'FAILED'; rows: number; error: string | null }> = [];
  const lastWrite = new Map<AccountPlan, Map<number, Date>>();
  const lastRun = new Map<AccountPlan, (typeof runs)[number]>();
  for (const plan of Object.values(accounts)) {
    const perDay = new Int32Array(calendar.days + 1);
    for (const campaign of plans.filter((row) => row.account === plan)) for (const day of campaign.days.keys()) perDay[day]! += 1;
    const rowsIn = (from: number, to: number) => perDay.slice(from, to + 1).reduce((sum, rows) => sum + rows, 0);
    const written = new Map<number, Date>();
    const record = (day: number, startedAt: Date, trigger: string, failed: string | null) => {
      const from = trigger === 'connect' ? day : Math.max(first, day - 2);
      const finishedAt = new Date(startedAt.getTime() + runRandom.int(4_000, failed ? 190_000 : 26_000));
      const run = {
        id: idAt(startedAt), adAccountId: plan.id, trigger, rangeFrom: from, rangeTo: day, startedAt, finishedAt,
        outcome: failed ? ('FAILED' as const) : ('SUCCEEDED' as const), rows: failed ? 0 : rowsIn(from, day), error: failed,
      };
      runs.push(run);
      lastRun.set(plan, run);
      if (!failed) for (let covered = from; covered <= day; covered++) written.set(covered, finishedAt);
    };
    record(first, connectedAt, 'connect', null);
    for (let day = first + 1; day <= calendar.days; day++) {
      const startedAt = local(day, SYNC_HOUR * 60 + runRandom.float(0, 3));
      if (plan.platform === 'tiktok' && day === failedDay) {
        record(day, startedAt, 'schedule', 'TikTok is throttling Crescendo (GET report/integrated/get: Too many requests. Please retry in some time. (code 40100)). Try again in 15 min.');
        record(day, new Date(startedAt.getTime() + 65 * 60_000), 'schedule', null);
      } else {
        record(day, startedAt, 'schedule', null);
      }
    }
    lastWrite.set(plan, written);
  }

  // Write: accounts (the manager first), campaigns, metrics and spend, runs.
  const limitsOf = (plan: AccountPlan) => accountLimits.get(plan)!;
  await tx.adAccount.create({
    data: {
      id: managerId, organizationId, platform: 'GOOGLE', externalId: managerExternalId, name: `${organization.name} · Google Ads manager (demo)`, currency: 'USD', timeZone: DEMO_AD_TIME_ZONE,
      isDemo: true, status: 'ACTIVE', syncHour: SYNC_HOUR, createdAt: new Date(connectedAt.getTime() - 60_000),
    },
  });
  await tx.adAccount.createMany({
    data: Object.values(accounts).map((plan) => {
      const run = lastRun.get(plan)!;
      return {
        id: plan.id, organizationId, platform: PLATFORM_ENUM[plan.platform], externalId: plan.externalId, name: plan.name, currency: 'USD', timeZone: DEMO_AD_TIME_ZONE,
        parentAccountId: plan.platform === 'google' ? managerId : null, status: 'ACTIVE' as const, isDemo: true, syncHour: SYNC_HOUR,
        lastSyncAt: run.startedAt, lastSyncOutcome: run.outcome, lastSyncError: run.error, lastSyncRows: run.rows,
        dailyBudgetLimit: limitsOf(plan).daily.toFixed(4), monthlyBudgetLimit: limitsOf(plan).monthly.toFixed(4),
        noConversionDays: plan.platform === 'meta' ? DEMO_NO_CONVERSION_DAYS : null,
        // No account works for one campaign only (assigning one would claim all its campaigns): the launch's own campaigns are assigned.
        campaignId: null,
        createdAt: connectedAt,
      };
    }),
  });
  await tx.adCampaign.createMany({
    data: plans.map((campaign) => {
      const [active, stopped] = RUNNING[campaign.account.platform];
      return {
        id: campaign.id, organizationId, adAccountId: campaign.account.id, externalId: campaign.externalId, name: campaign.name,
        status: activeYesterday(campaign) ? active : stopped, objective: campaign.objective, dailyBudget: campaign.dailyBudget.toFixed(4), lifetimeBudget: null,
        dailyLimit: campaign.dailyLimit === null ? null : campaign.dailyLimit.toFixed(4), campaignId: campaign.creatorCampaignId,
        createdAt: local(Math.max(first, Math.min(...campaign.days.keys())), SYNC_HOUR * 60 + 1),
      };
    }),
  });

  // The CSV rows the synced ones replace go first (the same channel, campaign and day would count twice).
  await tx.$executeRawUnsafe(`DELETE FROM "MarketingSpend" WHERE "organizationId" = $1 AND id = ANY($2::text[])`, organizationId, existing.map((row) => row.id));
  const writer = new BulkWriter(tx);
  for (const campaign of plans) {
    const platform = campaign.account.platform;
    for (const day of [...campaign.days.keys()].sort((a, b) => a - b)) {
      const metrics = campaign.days.get(day)!;
      const syncedAt = lastWrite.get(campaign.account)!.get(day) ?? connectedAt;
      writer.add(metricTable, {
        organizationId, adAccountId: campaign.account.id, adCampaignId: campaign.id, date: calendar.date(day), spend: metrics.spend.toFixed(2), currency: 'USD',
        impressions: String(metrics.impressions), clicks: String(metrics.clicks), conversions: String(metrics.conversions), conversionValue: metrics.conversionValue.toFixed(2),
        reach: String(metrics.reach), frequency: metrics.frequency.toFixed(4), videoViews: nullable(metrics.videoViews), videoP25: nullable(metrics.videoP25),
        videoP50: nullable(metrics.videoP50), videoP75: nullable(metrics.videoP75), videoP100: nullable(metrics.videoP100), source: platform, syncedAt,
      });
      writer.add(spendTable, {
        organizationId, date: calendar.date(day), channel: platform, campaign: campaign.key, artist: campaign.artist, amount: metrics.spend.toFixed(2), currency: 'USD',
        impressions: Math.min(metrics.impressions, 2_147_483_647), clicks: Math.min(metrics.clicks, 2_147_483_647),
        dedupeKey: `ads:${campaign.account.id}:${campaign.externalId}:${calendar.iso(day)}`, source: platform,
      });
    }
    await writer.drain();
  }
  await writer.finish();
  // The runs in one statement (outcome is an enum, which the bulk writer's text arrays cannot fill).
  const iso = (at: Date) => at.toISOString();
  await tx.$executeRawUnsafe(
    `INSERT INTO "AdSyncRun" (id, "organizationId", "adAccountId", kind, trigger, "rangeFrom", "rangeTo", "startedAt", "finishedAt", outcome, rows, error)
     SELECT id, $1, account, 'account', trigger, "from", "to", started, finished, outcome::"SyncOutcome", rows, error
     FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::int[], $11::text[])
       AS r(id, account, trigger, "from", "to", started, finished, outcome, rows, error)`,
    organizationId, runs.map((run) => run.id), runs.map((run) => run.adAccountId), runs.map((run) => run.trigger), runs.map((run) => calendar.iso(run.rangeFrom)),
    runs.map((run) => calendar.iso(run.rangeTo)), runs.map((run) => iso(run.startedAt)), runs.map((run) => iso(run.finishedAt)), runs.map((run) => run.outcome),
    runs.map((run) => run.rows), runs.map((run) => run.error),
  );

  // The alerts check after today's sync finds the over-budget campaign and posts it once.
  const todayRun = Math.max(...[...lastRun.values()].map((run) => run.finishedAt.getTime()));
  const checkedAt = new Date(todayRun + 40_000);
  const alerts = await evaluateSpendAlerts(tx as unknown as ToolDb, organizationId, checkedAt);
  const expected = alerts.length === 1 && alerts[0]!.cause === 'over_daily_limit' && alerts[0]!.adCampaignId === overspent.id && alerts[0]!.day === calendar.iso(yesterday);
  if (!expected) {
    throw new Error(`the demo's ad accounts should hold one alert (campaign “${overspent.name}” over its daily limit of ${amountText(overspent.dailyLimit ?? 0, 'USD')} on ${calendar.iso(yesterday)}); the rules found: ${alerts.map((alert) => alert.message).join(' | ') || 'none'}`);
  }
  await tx.spendAlert.createMany({
    data: alerts.map((alert) => ({
      id: idAt(checkedAt), organizationId, adAccountId: alert.adAccountId, adCampaignId: alert.adCampaignId, scopeKey: alert.scopeKey, cause: causeEnum(alert.cause),
      day: new Date(`${alert.day}T00:00:00Z`), figures: { ...alert.figures }, message: alert.message, postedAt: new Date(checkedAt.getTime() + 1_500), createdAt: checkedAt,
    })),
  });

  const counts = writer.counts();
  const spendRows = await tx.marketingSpend.count({ where: { organizationId } });
  return {
    counts: {
      AdAccount: 1 + Object.keys(accounts).length,
      AdCampaign: plans.length,
      CampaignMetric: counts.CampaignMetric ?? 0,
      AdSyncRun: runs.length,
      SpendAlert: alerts.length,
      MarketingSpend: spendRows,
    },
  };
}

/** Daily spend around a budget from `from` through `to`: a 3-day ramp, the weekly rhythm, ±15%. */
function fillDays(random: Random, calendar: SeedCalendar, campaign: CampaignPlan, from: number, to: number, budget: number): void {
  for (let day = from; day <= to; day++) {
    const ramp = Math.min(1, (day - from + 1) / 3);
    const spend = Math.round(budget * ramp * WEEKDAY_SPEND[calendar.weekday(day)]! * random.noise(0.15) * 100) / 100;
    campaign.days.set(day, dayMetrics(random, campaign.rates, spend));
  }
}

const roundUp = (value: number, step: number) => Math.max(step, Math.ceil(value / step) * step);
const nullable = (value: number | null) => (value === null ? null : String(value));

/**
 * A UUIDv7 for `at` with its random bits from the seed's stream: the ad accounts' ids are inside
 * MarketingSpend's dedupe keys, so the same seed must give the same ids (creation order kept).
 */
function timeOrderedId(at: Date, random: Random): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(at.getTime(), 0, 6);
  for (let index = 6; index < 16; index++) bytes[index] = random.int(0, 255);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
