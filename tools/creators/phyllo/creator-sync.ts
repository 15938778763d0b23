import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { PlatformConnection } from '../../../db/generated/prisma/enums.ts';
import { isoDay, todayIn } from '../../common/format.ts';
import type { ToolContext } from '../../registry/context.ts';
import { ToolError } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { parseContentLink } from '../content-links.ts';
import { fromDbNetwork, toDbNetwork, type Network } from '../networks.ts';
import { refreshSearchDocuments } from '../search/search-document.ts';
import type { PhylloAccount, PhylloAudience, PhylloClient, PhylloContent, PhylloProfile } from './phyllo-client.ts';
import { PhylloError } from './phyllo-http.ts';
import { contentFormat, networkOfWorkPlatform } from './work-platforms.ts';
import { ageBand, cityValue, genderValue } from '../records/audience.ts';
import { countryCodeFromName } from '../records/iso-codes.ts';

const DAY_MS = 86_400_000;
/** A first sync reaches this far back; no sync ever reaches further (the floor). */
export const CONTENT_FLOOR_DAYS = 90;
/** Later syncs re-read posts published this long before the last sync, so recent posts' figures keep growing. */
export const CONTENT_REFRESH_DAYS = 30;
/** Most posts one sync reads per account. */
export const MAX_CONTENTS_PER_SYNC = 500;
/** The averages and engagement rate are over this many of the latest posts. */
export const AVERAGE_OVER_POSTS = 20;

export interface PlatformSyncResult {
  network: Network;
  handle: string;
  phyllo_account_id: string;
  connection: 'connected' | 'disconnected' | 'error';
  error: string | null;
  followers: number | null;
  engagement_rate: number | null;
  posts_synced: number;
  audience_slices: number;
}

export interface CreatorSyncResult {
  synced_at: string;
  platforms: PlatformSyncResult[];
  notes: string[];
}

export interface SyncableCreator {
  id: string;
  handle: string;
  phylloUserId: string;
}

/** What Phyllo told us about one connected account, fetched before any transaction opens. */
interface FetchedAccount {
  account: PhylloAccount;
  network: Network;
  profile: PhylloProfile | null;
  contents: PhylloContent[];
  audience: PhylloAudience | null;
}

type PlatformRow = { id: string; network: string; handle: string; phylloAccountId: string | null; lastSyncedAt: Date | null; connection: PlatformConnection };

/**
 * One creator's sync: Phyllo's accounts for the creator's user, then for each connected account its
 * profile, recent contents and audience, each account stored in its own transaction (platform
 * figures, a snapshot when they changed or on a new day, content upserts with their snapshots,
 * the day's audience rows, the search document). An account Phyllo fails on is marked ERROR with
 * Phyllo's message and the others go on; an account Phyllo reports disconnected (or no longer
 * lists) is marked DISCONNECTED. Running the same sync twice leaves the same rows.
 */
export async function syncCreatorFromPhyllo(ctx: ToolContext, creator: SyncableCreator, client: PhylloClient): Promise<CreatorSyncResult> {
  const now = ctx.now();
  const notes: string[] = [];
  let accounts: PhylloAccount[];
  try {
    accounts = await client.accounts(creator.phylloUserId);
  } catch (error) {
    throw asToolError(error);
  }
  const chosen = chooseAccounts(accounts, notes);
  const rows: PlatformRow[] = await ctx.db.creatorPlatform.findMany({
    where: { creatorId: creator.id },
    select: { id: true, network: true, handle: true, phylloAccountId: true, lastSyncedAt: true, connection: true },
  });
  const results: PlatformSyncResult[] = [];
  for (const [network, account] of chosen) {
    const row = rows.find((candidate) => candidate.phylloAccountId === account.id) ?? rows.find((candidate) => candidate.network === toDbNetwork(network));
    const handle = accountHandle(account, creator.handle);
    if (account.status.toUpperCase() !== 'CONNECTED') {
      const message = account.status.toUpperCase() === 'SESSION_EXPIRED' ? 'Phyllo says the session expired: the creator must connect the account again (connect_creator_platform).' : null;
      await ctx.inTransaction((db) => markConnection(db, ctx.orgId, creator.id, network, account.id, handle, row, 'DISCONNECTED', message));
      results.push(emptyResult(network, handle, account.id, 'disconnected', message));
      continue;
    }
    let fetched: FetchedAccount;
    try {
      fetched = await fetchAccount(ctx, client, account, network, row, creator.id, now);
    } catch (error) {
      if (!(error instanceof PhylloError)) throw error;
      await ctx.inTransaction((db) => markConnection(db, ctx.orgId, creator.id, network, account.id, handle, row, 'ERROR', error.message));
      results.push(emptyResult(network, handle, account.id, 'error', error.message));
      continue;
    }
    results.push(await ctx.inTransaction((db) => storeAccount(db, ctx, creator, fetched, row, now)));
  }
  // Accounts Crescendo holds that Phyllo no longer lists for this user were removed there.
  const listed = new Set(accounts.map((account) => account.id));
  for (const row of rows) {
    if (!row.phylloAccountId || listed.has(row.phylloAccountId) || row.connection === 'DISCONNECTED') continue;
    const message = 'Phyllo no longer lists this account: connect it again to resume syncing.';
    await ctx.db.creatorPlatform.update({ where: { id: row.id }, data: { connection: 'DISCONNECTED', connectionError: message } });
    results.push(emptyResult(fromDbNetwork(row.network as never), row.handle, row.phylloAccountId, 'disconnected', message));
  }
  if (accounts.length === 0) notes.push('Phyllo lists no account for this creator yet: send them the link from connect_creator_platform.');
  return { synced_at: now.toISOString(), platforms: results, notes };
}

/** One account per network (the schema's rule): a connected one wins; extra accounts are named in the notes. */
function chooseAccounts(accounts: PhylloAccount[], notes: string[]): Map<Network, PhylloAccount> {
  const chosen = new Map<Network, PhylloAccount>();
  for (const account of accounts) {
    const network = networkOfWorkPlatform(account.work_platform);
    if (!network) {
      notes.push(`A ${account.work_platform.name ?? 'Phyllo'} account was skipped: it is not one of the networks Crescendo tracks.`);
      continue;
    }
    const held = chosen.get(network);
    if (!held || (held.status.toUpperCase() !== 'CONNECTED' && account.status.toUpperCase() === 'CONNECTED')) {
      if (held) notes.push(`A second ${network} account (${accountHandle(held, '?')}) was skipped: one account per network.`);
      chosen.set(network, account);
    } else {
      notes.push(`A second ${network} account (${accountHandle(account, '?')}) was skipped: one account per network.`);
    }
  }
  return chosen;
}

async function fetchAccount(ctx: ToolContext, client: PhylloClient, account: PhylloAccount, network: Network, row: PlatformRow | undefined, creatorId: string, now: Date): Promise<FetchedAccount> {
  const floor = new Date(now.getTime() - CONTENT_FLOOR_DAYS * DAY_MS);
  let from = row?.lastSyncedAt ? new Date(row.lastSyncedAt.getTime() - CONTENT_REFRESH_DAYS * DAY_MS) : floor;
  if (row) {
    // Posts delivering a campaign keep their figures fresh for as long as the floor allows.
    const campaignPost = await ctx.db.creatorContent.findFirst({
      where: { creatorId, creatorPlatformId: row.id, campaignCreatorId: { not: null }, publishedAt: { gte: floor } },
      orderBy: { publishedAt: 'asc' },
      select: { publishedAt: true },
    });
    if (campaignPost?.publishedAt && campaignPost.publishedAt < from) from = campaignPost.publishedAt;
  }
  if (from < floor) from = floor;
  const profile = await client.profile(account.id);
  const contents = await client.contents(account.id, isoDay(from), MAX_CONTENTS_PER_SYNC);
  const audience = await client.audience(account.id);
  return { account, network, profile, contents, audience };
}

async function storeAccount(db: ToolDb, ctx: ToolContext, creator: SyncableCreator, fetched: FetchedAccount, row: PlatformRow | undefined, now: Date): Promise<PlatformSyncResult> {
  const { account, network, profile } = fetched;
  const handle = accountHandle(account, creator.handle, profile);
  const reputation = profile?.reputation;
  const followers = toInt(reputation?.follower_count ?? reputation?.subscriber_count);
  const base = {
    handle,
    url: profile?.url ?? undefined,
    connection: 'CONNECTED' as const,
    connectionError: null,
    phylloAccountId: account.id,
    followers,
    following: toInt(reputation?.following_count),
    postsCount: toInt(reputation?.content_count),
    metricsSource: 'phyllo',
    lastSyncedAt: now,
  };
  const platform = row
    ? await db.creatorPlatform.update({ where: { id: row.id }, data: { ...base, network: toDbNetwork(network) } })
    : await db.creatorPlatform.create({ data: { organizationId: ctx.orgId, creatorId: creator.id, network: toDbNetwork(network), ...base } });

  let postsSynced = 0;
  for (const content of fetched.contents) {
    await upsertContent(db, ctx.orgId, creator.id, platform.id, content, now, ctx.org.timeZone);
    postsSynced++;
  }

  const averages = await latestAverages(db, platform.id, followers);
  const figures = { followers, following: base.following, postsCount: base.postsCount, ...averages };
  await db.creatorPlatform.update({ where: { id: platform.id }, data: figures });
  await snapshotPlatform(db, ctx.orgId, platform.id, figures, now, ctx.org.timeZone);

  let slices = 0;
  if (fetched.audience) {
    const asOf = todayIn(ctx.org.timeZone, now);
    const rows = audienceRows(fetched.audience);
    await db.audienceSlice.deleteMany({ where: { creatorPlatformId: platform.id, asOf } });
    if (rows.length > 0) {
      await db.audienceSlice.createMany({ data: rows.map((slice) => ({ organizationId: ctx.orgId, creatorPlatformId: platform.id, asOf, source: 'phyllo', ...slice })) });
    }
    slices = rows.length;
  }
  await refreshSearchDocuments(db, ctx.orgId, [creator.id], { jobs: ctx.jobs });
  return {
    network,
    handle,
    phyllo_account_id: account.id,
    connection: 'connected',
    error: null,
    followers,
    engagement_rate: averages.engagementRate === null ? null : Number(averages.engagementRate),
    posts_synced: postsSynced,
    audience_slices: slices,
  };
}

/**
 * Upserts one post by (platform, Phyllo's id for it); when no row has that id, by its URL (a link
 * submitted by hand, keyed by the id parsed from the URL or the normalised URL), which then takes
 * Phyllo's id. A snapshot of its figures is kept when they changed or on a new day.
 */
async function upsertContent(db: ToolDb, organizationId: string, creatorId: string, platformId: string, content: PhylloContent, now: Date, timeZone: string): Promise<void> {
  const link = content.url ? safeLink(content.url) : null;
  const externalId = (content.platform_content_id ?? content.external_id ?? link?.externalId ?? content.id).slice(0, 300);
  const urlKeys = link ? [...new Set([link.externalId, link.normalisedUrl, content.url!])] : [];
  const existing =
    (await db.creatorContent.findUnique({ where: { organizationId_creatorPlatformId_externalId: { organizationId, creatorPlatformId: platformId, externalId } } })) ??
    (urlKeys.length
      ? await db.creatorContent.findFirst({ where: { creatorPlatformId: platformId, OR: [{ externalId: { in: urlKeys } }, { url: { in: urlKeys } }] }, orderBy: { createdAt: 'asc' } })
      : null);
  const engagement = content.engagement;
  const metrics = {
    views: toBigInt(engagement?.view_count),
    likes: toBigInt(engagement?.like_count),
    comments: toBigInt(engagement?.comment_count),
    shares: toBigInt(engagement?.share_count),
    saves: toBigInt(engagement?.save_count),
  };
  const data = {
    externalId,
    url: link?.normalisedUrl ?? content.url ?? null,
    format: contentFormat(content.type, content.format) ?? link?.format ?? null,
    publishedAt: content.published_at ? new Date(content.published_at) : null,
    // Untrusted text from the platform: stored and searched as data, never obeyed.
    caption: (content.description ?? content.title ?? null)?.slice(0, 5000) ?? null,
    ...metrics,
    lastSyncedAt: now,
  };
  if (data.publishedAt && Number.isNaN(data.publishedAt.getTime())) data.publishedAt = null;
  const saved = existing
    ? await db.creatorContent.update({ where: { id: existing.id }, data })
    : await db.creatorContent.create({ data: { organizationId, creatorId, creatorPlatformId: platformId, ...data } });
  const latest = await db.creatorContentSnapshot.findFirst({ where: { contentId: saved.id }, orderBy: { capturedAt: 'desc' } });
  const same = latest && (['views', 'likes', 'comments', 'shares', 'saves'] as const).every((key) => latest[key] === metrics[key]);
  if (!latest || !same || !sameLocalDay(latest.capturedAt, now, timeZone)) {
    await db.creatorContentSnapshot.upsert({
      where: { organizationId_contentId_capturedAt: { organizationId, contentId: saved.id, capturedAt: now } },
      create: { organizationId, contentId: saved.id, capturedAt: now, ...metrics },
      update: metrics,
    });
  }
}

interface Averages {
  averageViews: number | null;
  averageLikes: number | null;
  averageComments: number | null;
  engagementRate: Prisma.Decimal | null;
}

/** Means over the latest posts stored for the platform; engagement = interactions per follower per post. */
async function latestAverages(db: ToolDb, platformId: string, followers: number | null): Promise<Averages> {
  const posts = await db.creatorContent.findMany({
    where: { creatorPlatformId: platformId },
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
    take: AVERAGE_OVER_POSTS,
    select: { views: true, likes: true, comments: true, shares: true, saves: true },
  });
  const mean = (values: Array<bigint | null>) => {
    const known = values.filter((value): value is bigint => value !== null);
    return known.length ? Math.round(known.reduce((sum, value) => sum + Number(value), 0) / known.length) : null;
  };
  let engagementRate: Prisma.Decimal | null = null;
  if (followers && followers > 0 && posts.length > 0) {
    const interactions = posts.reduce((sum, post) => sum + Number(post.likes ?? 0n) + Number(post.comments ?? 0n) + Number(post.shares ?? 0n) + Number(post.saves ?? 0n), 0);
    const rate = Math.min(9.999999, interactions / posts.length / followers);
    engagementRate = new Prisma.Decimal(rate.toFixed(6));
  }
  return { averageViews: clampInt(mean(posts.map((post) => post.views))), averageLikes: clampInt(mean(posts.map((post) => post.likes))), averageComments: clampInt(mean(posts.map((post) => post.comments))), engagementRate };
}

type PlatformFigures = { followers: number | null; following: number | null; postsCount: number | null } & Averages;

/** A snapshot per sync whose figures differ from the last one, or the first of a new day: the growth chart without duplicate points. */
async function snapshotPlatform(db: ToolDb, organizationId: string, platformId: string, figures: PlatformFigures, now: Date, timeZone: string): Promise<void> {
  const latest = await db.creatorPlatformSnapshot.findFirst({ where: { creatorPlatformId: platformId }, orderBy: { capturedAt: 'desc' } });
  const same =
    latest &&
    latest.followers === figures.followers &&
    latest.following === figures.following &&
    latest.postsCount === figures.postsCount &&
    latest.averageViews === figures.averageViews &&
    latest.averageLikes === figures.averageLikes &&
    latest.averageComments === figures.averageComments &&
    String(latest.engagementRate ?? '') === String(figures.engagementRate ?? '');
  if (latest && same && sameLocalDay(latest.capturedAt, now, timeZone)) return;
  const data = { ...figures, source: 'phyllo' };
  await db.creatorPlatformSnapshot.upsert({
    where: { organizationId_creatorPlatformId_capturedAt: { organizationId, creatorPlatformId: platformId, capturedAt: now } },
    create: { organizationId, creatorPlatformId: platformId, capturedAt: now, ...data },
    update: data,
  });
}

/** Phyllo's percentages as AudienceSlice rows (shares 0..1): AGE and GENDER summed from the gender-age grid. */
export function audienceRows(audience: PhylloAudience): Array<{ dimension: 'AGE' | 'GENDER' | 'COUNTRY' | 'CITY'; value: string; share: Prisma.Decimal }> {
  const sums = new Map<string, { dimension: 'AGE' | 'GENDER' | 'COUNTRY' | 'CITY'; value: string; percent: number }>();
  const add = (dimension: 'AGE' | 'GENDER' | 'COUNTRY' | 'CITY', raw: string, percent: number) => {
    const value = raw.trim().slice(0, 120);
    if (!value || !Number.isFinite(percent) || percent <= 0) return;
    const key = `${dimension}\u0000${value}`;
    const held = sums.get(key);
    if (held) held.percent += percent;
    else sums.set(key, { dimension, value, percent });
  };
  // Values as every other writer stores them (tools/creators/records/audience.ts): "18-24", female|male|other, "Madrid, ES".
  for (const cell of audience.gender_age_distribution ?? []) {
    const band = ageBand(cell.age_range);
    if (band) add('AGE', band, cell.value);
    add('GENDER', genderValue(cell.gender) ?? 'other', cell.value);
  }
  for (const country of audience.countries ?? []) add('COUNTRY', countryCodeFromName(country.code) ?? country.code.toUpperCase(), country.value);
  for (const city of audience.cities ?? []) add('CITY', phylloCity(city.name), city.value);
  return [...sums.values()].map((slice) => ({ dimension: slice.dimension, value: slice.value, share: new Prisma.Decimal(Math.min(1, slice.percent / 100).toFixed(5)) }));
}

/** Phyllo names cities "Madrid, Community of Madrid, Spain": stored as "Madrid, ES" when the country is known. */
function phylloCity(name: string): string {
  const parts = name.split(',').map((part) => part.trim()).filter(Boolean);
  const country = parts.length > 1 ? countryCodeFromName(parts.at(-1)!) : null;
  return country ? cityValue(parts[0]!, country) : name.trim();
}

async function markConnection(db: ToolDb, organizationId: string, creatorId: string, network: Network, accountId: string, handle: string, row: PlatformRow | undefined, connection: 'DISCONNECTED' | 'ERROR', message: string | null): Promise<void> {
  if (row) {
    await db.creatorPlatform.update({ where: { id: row.id }, data: { connection, connectionError: message, phylloAccountId: accountId } });
  } else {
    await db.creatorPlatform.create({ data: { organizationId, creatorId, network: toDbNetwork(network), handle, connection, connectionError: message, phylloAccountId: accountId } });
  }
}

function emptyResult(network: Network, handle: string, accountId: string, connection: 'disconnected' | 'error', error: string | null): PlatformSyncResult {
  return { network, handle, phyllo_account_id: accountId, connection, error, followers: null, engagement_rate: null, posts_synced: 0, audience_slices: 0 };
}

function accountHandle(account: PhylloAccount, fallback: string, profile?: PhylloProfile | null): string {
  const raw = profile?.platform_username ?? profile?.username ?? account.platform_username ?? account.username ?? fallback;
  return raw.replace(/^@/, '').trim().toLowerCase().slice(0, 100) || fallback;
}

function safeLink(url: string) {
  try {
    return parseContentLink(url);
  } catch {
    return null;
  }
}

/** Days as the organisation lives them (its audience rows are dated the same way). */
function sameLocalDay(a: Date, b: Date, timeZone: string): boolean {
  return todayIn(timeZone, a).getTime() === todayIn(timeZone, b).getTime();
}

function toInt(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value < 0) return null;
  return clampInt(Math.round(value));
}

function clampInt(value: number | null): number | null {
  return value === null ? null : Math.min(value, 2_147_483_647);
}

function toBigInt(value: number | null | undefined): bigint | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value < 0) return null;
  return BigInt(Math.round(value));
}

/** Phyllo's failures as the registry's errors, with Phyllo's message. */
export function asToolError(error: unknown): unknown {
  if (!(error instanceof PhylloError)) return error;
  return new ToolError(error.kind === 'not_found' ? 'not_found' : 'unavailable', error.message);
}
