import { Prisma } from '../../../db/generated/prisma/client.ts';
import { isoDay, parseDay, todayIn } from '../../common/format.ts';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput, notFound, ToolError } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { AdPlatformError, type AdPlatformErrorKind, type DailyCampaignMetrics, type DateRange, type ExternalAdCampaign } from '../connectors/ad-connector.ts';
import { uuidv7 } from '../accounts/ad-connections.ts';
import { markNeedsReauth, platformCode, redactTokens, resolveAccountAccess } from './account-access.ts';

const DAY_MS = 86_400_000;
/** A first sync reaches this far back. */
export const FIRST_SYNC_DAYS = 30;
/** Later syncs re-read this many days (today included): platforms revise recent days (late conversions). */
export const RESYNC_DAYS = 3;
/** Longest range one sync may cover. */
export const MAX_SYNC_DAYS = 400;
/** Rows per INSERT: well under Postgres' 65,535 bind parameters at ~20 columns a row. */
const INSERT_CHUNK = 2_000;
/** Rows per unnest INSERT (a handful of array parameters, whatever the size). */
const UNNEST_CHUNK = 10_000;

export type SyncTrigger = 'schedule' | 'manual';
export type SyncErrorKind = AdPlatformErrorKind | 'needs_reauth' | 'not_configured';

export interface AccountSyncResult {
  runId: string;
  adAccountId: string;
  range: DateRange;
  outcome: 'SUCCEEDED' | 'PARTIAL' | 'FAILED';
  rows: number;
  campaigns: number;
  error: string | null;
  errorKind: SyncErrorKind | null;
  durationMs: number;
}

/** The days a sync covers when none are given: 30 days on the first sync, else the last 3, ending today in the account's zone. */
export function defaultSyncRange(account: { timeZone: string; lastSyncAt: Date | null }, now: Date): DateRange {
  const today = todayIn(account.timeZone, now);
  const days = account.lastSyncAt ? RESYNC_DAYS : FIRST_SYNC_DAYS;
  return { from: isoDay(new Date(today.getTime() - (days - 1) * DAY_MS)), to: isoDay(today) };
}

export function checkRange(range: DateRange): void {
  if (range.from > range.to) throw invalidInput('from', `${range.from} is after to (${range.to})`);
  const days = (parseDay(range.to, 'to').getTime() - parseDay(range.from, 'from').getTime()) / DAY_MS + 1;
  if (days > MAX_SYNC_DAYS) throw invalidInput('from', `the range covers ${days} days; one sync covers at most ${MAX_SYNC_DAYS}`);
}

/**
 * Syncs one ad account for a range of days: its campaigns (upserted), each campaign's days
 * (CampaignMetric, the range's rows replaced, never added to) and the same spend into
 * MarketingSpend (dedupe key `ads:<account>:<campaign>:<date>`, channel = the platform) so ROAS,
 * attribution and reports see it. The platform is read before any transaction opens; everything is
 * then written in one transaction in bulk. The run is recorded in AdSyncRun and on the account;
 * a platform failure is recorded there (FAILED, with the reason, tokens scrubbed) and returned, not
 * thrown, so a caller looping over accounts goes on. A revoked grant marks the connection and its
 * accounts NEEDS_REAUTH. Call it from a tool with `ownTransactions` (or a read tool): it opens its own.
 */
export async function syncAdAccount(ctx: ToolContext, accountId: string, options: { range?: DateRange; trigger: SyncTrigger; jobRunId?: string | null }): Promise<AccountSyncResult> {
  const started = Date.now();
  const now = ctx.now();
  const account = await ctx.db.adAccount.findFirst({ where: { id: accountId }, select: { id: true, name: true, platform: true, currency: true, timeZone: true, lastSyncAt: true, isDemo: true } });
  if (!account) throw notFound('ad account', accountId);
  const range = options.range ?? defaultSyncRange(account, now);
  checkRange(range);
  const run = await ctx.inTransaction((db) =>
    db.adSyncRun.create({
      data: { organizationId: ctx.orgId, adAccountId: account.id, kind: 'account', trigger: options.trigger, rangeFrom: parseDay(range.from), rangeTo: parseDay(range.to), startedAt: now, jobRunId: options.jobRunId ?? null },
      select: { id: true },
    }),
  );
  const fail = async (message: string, errorKind: SyncErrorKind): Promise<AccountSyncResult> => {
    const durationMs = Date.now() - started;
    await ctx.inTransaction(async (db) => {
      await db.adSyncRun.update({ where: { id: run.id }, data: { finishedAt: new Date(now.getTime() + durationMs), outcome: 'FAILED', error: message } });
      await db.adAccount.update({ where: { id: account.id }, data: { lastSyncAt: now, lastSyncOutcome: 'FAILED', lastSyncError: message, lastSyncRows: 0 } });
    });
    return { runId: run.id, adAccountId: account.id, range, outcome: 'FAILED', rows: 0, campaigns: 0, error: message, errorKind, durationMs };
  };

  let resolved;
  try {
    resolved = await ctx.inTransaction((db) => resolveAccountAccess(db, account.id, now));
  } catch (error) {
    if (error instanceof ToolError && error.code === 'unavailable') return fail(error.message, 'not_configured');
    throw error;
  }
  if ('refused' in resolved) return fail(resolved.refused.message, resolved.revoked ? 'needs_reauth' : 'rejected');
  const { connector, accessToken, account: ref, adAccount } = resolved.access;

  let campaigns: ExternalAdCampaign[];
  let metrics: DailyCampaignMetrics[];
  try {
    campaigns = await connector.listCampaigns(accessToken, ref);
    metrics = await connector.dailyMetrics(accessToken, ref, range);
  } catch (error) {
    if (!(error instanceof AdPlatformError)) throw error;
    const message = redactTokens(error.message, [accessToken]);
    if (error.kind === 'revoked') {
      await ctx.inTransaction((db) => markNeedsReauth(db, adAccount.connectionId, message));
      return fail(`${message}: connect the account again with connect_ad_account`, 'revoked');
    }
    return fail(message, error.kind);
  }

  const source = platformCode(account.platform);
  const store = () => ctx.inTransaction(async (db) => {
    const written = await storeSync(db, ctx.orgId, { id: account.id, currency: ref.currency || account.currency, platform: source }, range, campaigns, metrics, now);
    const durationMs = Date.now() - started;
    await db.adSyncRun.update({ where: { id: run.id }, data: { finishedAt: new Date(now.getTime() + durationMs), outcome: 'SUCCEEDED', rows: written.rows, error: null } });
    await db.adAccount.update({ where: { id: account.id }, data: { lastSyncAt: now, lastSyncOutcome: 'SUCCEEDED', lastSyncError: null, lastSyncRows: written.rows } });
    return { ...written, durationMs };
  });
  let stored: Awaited<ReturnType<typeof store>>;
  try {
    stored = await store();
  } catch (error) {
    // The run must not stay "running": it failed on our side (the fault itself is logged by the registry).
    await fail('Storing the synced figures failed on our side; the next sync tries again.', 'unavailable');
    throw error;
  }
  return { runId: run.id, adAccountId: account.id, range, outcome: 'SUCCEEDED', rows: stored.rows, campaigns: stored.campaigns, error: null, errorKind: null, durationMs: stored.durationMs };
}

interface SyncedAccount {
  id: string;
  currency: string;
  /** Lower case: meta, google, tiktok (the spend channel and the rows' source). */
  platform: string;
}

/** A campaign's day to store; `currency` is the row's own when its source says (a warehouse table), else the account's. */
export type StoredDay = DailyCampaignMetrics & { currency?: string | null };

/**
 * Writes one account's campaigns and days. Campaigns: new ones created together, changed ones
 * updated. Days: the account's CampaignMetric rows in the range are deleted and the platform's
 * written, and its MarketingSpend rows in the range likewise, so a re-sync replaces each day.
 * `source` names who reported the rows (CampaignMetric.source, MarketingSpend.source): the
 * platform unless given (BigQuery gives `bigquery`); the spend channel is always the platform.
 */
export async function storeSync(db: ToolDb, organizationId: string, account: SyncedAccount, range: DateRange, listed: ExternalAdCampaign[], metrics: StoredDay[], now: Date, source: string = account.platform): Promise<{ rows: number; campaigns: number; created: number }> {
  // Two syncs of one account (the schedule and a person's) take turns: the second replaces what the first wrote.
  await db.$queryRaw`SELECT id FROM "AdAccount" WHERE "organizationId" = ${organizationId} AND id = ${account.id} FOR UPDATE`;
  const existing = await db.adCampaign.findMany({ where: { adAccountId: account.id }, select: { id: true, externalId: true, name: true, status: true, objective: true, dailyBudget: true, lifetimeBudget: true } });
  const known = new Map(existing.map((row) => [row.externalId, row]));
  // A campaign can be in the metrics and not in the list (deleted or archived since, or a source
  // with no list): it is kept by the name the metrics give, else the stored one, else its id.
  const byExternal = new Map<string, ExternalAdCampaign>();
  for (const campaign of listed) byExternal.set(campaign.externalId, campaign);
  const named = new Map<string, string | null>();
  for (const row of metrics) if (!named.get(row.campaignExternalId)) named.set(row.campaignExternalId, row.campaignName);
  for (const [externalId, name] of named) {
    if (byExternal.has(externalId)) continue;
    const stored = known.get(externalId);
    byExternal.set(externalId, { externalId, name: name ?? stored?.name ?? externalId, status: 'unknown', objective: null, dailyBudget: null, lifetimeBudget: null });
    // Stored under its id (no name known then): it takes the name once the metrics give one.
    if (stored && name && stored.name === externalId) await db.adCampaign.update({ where: { id: stored.id }, data: { name } });
  }
  const fresh = [...byExternal.values()].filter((campaign) => !known.has(campaign.externalId));
  for (let index = 0; index < fresh.length; index += INSERT_CHUNK) {
    await db.adCampaign.createMany({
      data: fresh.slice(index, index + INSERT_CHUNK).map((campaign) => ({
        organizationId,
        adAccountId: account.id,
        externalId: campaign.externalId,
        name: campaign.name,
        status: campaign.status,
        objective: campaign.objective,
        dailyBudget: campaign.dailyBudget,
        lifetimeBudget: campaign.lifetimeBudget,
      })),
      skipDuplicates: true,
    });
  }
  const decimal = (value: Prisma.Decimal | null) => (value === null ? null : Number(value));
  for (const campaign of listed) {
    const row = known.get(campaign.externalId);
    if (!row) continue;
    const same =
      row.name === campaign.name && row.status === campaign.status && row.objective === campaign.objective && decimal(row.dailyBudget) === campaign.dailyBudget && decimal(row.lifetimeBudget) === campaign.lifetimeBudget;
    if (!same) {
      await db.adCampaign.update({ where: { id: row.id }, data: { name: campaign.name, status: campaign.status, objective: campaign.objective, dailyBudget: campaign.dailyBudget, lifetimeBudget: campaign.lifetimeBudget } });
    }
  }
  const ids = new Map((fresh.length ? await db.adCampaign.findMany({ where: { adAccountId: account.id }, select: { id: true, externalId: true } }) : existing).map((row) => [row.externalId, row.id]));

  // One row per campaign and day (a platform's overlapping pages say the same day twice: the last wins), inside the range.
  const days = new Map<string, StoredDay>();
  for (const row of metrics) if (row.date >= range.from && row.date <= range.to) days.set(`${row.campaignExternalId}|${row.date}`, row);
  const from = parseDay(range.from);
  const to = parseDay(range.to);
  await db.campaignMetric.deleteMany({ where: { adAccountId: account.id, date: { gte: from, lte: to } } });
  await db.marketingSpend.deleteMany({ where: { dedupeKey: { startsWith: `ads:${account.id}:` }, date: { gte: from, lte: to } } });
  const rows = [...days.values()];
  const whole = (value: number | null) => (value === null || !Number.isFinite(value) ? null : Math.max(0, Math.round(value)));
  const count = (value: number) => whole(value) ?? 0;
  const int32 = (value: number) => Math.min(count(value), 2_147_483_647);
  // Column arrays through unnest: one statement per chunk with a parameter per column, many times
  // faster than row-by-row parameters (1,000 campaigns x 90 days is 90,000 rows per table).
  const text = (value: number | null) => (value === null || !Number.isFinite(value) ? null : String(value));
  const syncedAt = now.toISOString();
  for (let index = 0; index < rows.length; index += UNNEST_CHUNK) {
    const chunk = rows.slice(index, index + UNNEST_CHUNK);
    const column = <T>(pick: (row: StoredDay) => T) => chunk.map(pick);
    const dates = column((row) => row.date);
    const spend = column((row) => text(row.spend) ?? '0');
    const currencies = column((row) => row.currency ?? account.currency);
    await db.$executeRaw`
      INSERT INTO "CampaignMetric" ("id", "organizationId", "adAccountId", "adCampaignId", "date", "spend", "currency", "impressions", "clicks", "conversions", "conversionValue",
        "reach", "frequency", "videoViews", "videoP25", "videoP50", "videoP75", "videoP100", "source", "syncedAt")
      SELECT u.id, ${organizationId}, ${account.id}, u.campaign, u.day, u.spend, u.currency, u.impressions, u.clicks, u.conversions, u.value,
        u.reach, u.frequency, u.views, u.p25, u.p50, u.p75, u.p100, ${source}, ${syncedAt}::timestamptz
      FROM unnest(
        ${column(() => uuidv7(now.getTime()))}::text[], ${column((row) => ids.get(row.campaignExternalId)!)}::text[], ${dates}::date[], ${spend}::numeric[], ${currencies}::text[],
        ${column((row) => String(count(row.impressions)))}::bigint[], ${column((row) => String(count(row.clicks)))}::bigint[],
        ${column((row) => text(row.conversions) ?? '0')}::numeric[], ${column((row) => text(row.conversionValue) ?? '0')}::numeric[],
        ${column((row) => text(whole(row.reach)))}::bigint[], ${column((row) => text(row.frequency))}::numeric[], ${column((row) => text(whole(row.videoViews)))}::bigint[],
        ${column((row) => text(whole(row.videoP25)))}::bigint[], ${column((row) => text(whole(row.videoP50)))}::bigint[],
        ${column((row) => text(whole(row.videoP75)))}::bigint[], ${column((row) => text(whole(row.videoP100)))}::bigint[]
      ) AS u(id, campaign, day, spend, currency, impressions, clicks, conversions, value, reach, frequency, views, p25, p50, p75, p100)`;
    await db.$executeRaw`
      INSERT INTO "MarketingSpend" ("id", "organizationId", "date", "channel", "campaign", "amount", "currency", "impressions", "clicks", "dedupeKey", "source")
      SELECT u.id, ${organizationId}, u.day, ${account.platform}, u.campaign, u.amount, u.currency, u.impressions, u.clicks, u.key, ${source}
      FROM unnest(
        ${column(() => uuidv7(now.getTime()))}::text[], ${dates}::date[], ${column((row) => byExternal.get(row.campaignExternalId)!.name)}::text[], ${spend}::numeric[], ${currencies}::text[],
        ${column((row) => String(int32(row.impressions)))}::int[], ${column((row) => String(int32(row.clicks)))}::int[],
        ${column((row) => `ads:${account.id}:${row.campaignExternalId}:${row.date}`)}::text[]
      ) AS u(id, day, campaign, amount, currency, impressions, clicks, key)`;
  }
  return { rows: rows.length, campaigns: byExternal.size, created: fresh.length };
}
