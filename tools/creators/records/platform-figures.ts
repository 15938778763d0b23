import type { CreatorPlatform } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { conflict } from '../../registry/errors.ts';
import { type Network, toDbNetwork } from '../networks.ts';
import { FIGURE_COLUMNS, FIGURES, type Figure, type Figures, givenFigures } from './creator-inputs.ts';
import { isSynced, syncedPhrase } from './platform-view.ts';

export interface PlatformChange {
  network: Network;
  handle?: string;
  url?: string | null;
  figures: Figures;
}

export interface PlatformOutcome {
  platform: CreatorPlatform;
  created: boolean;
  /** Handle, url or a figure differed from what was stored. */
  changed: boolean;
  /** Figures written (and a snapshot taken). */
  figuresChanged: boolean;
  /** Figures were given for a platform Phyllo syncs and were left out (imports only; typed ones are refused). */
  keptSynced: boolean;
}

export interface PlatformPlan {
  /** The figure columns to write (those that differ from the stored ones). */
  columns: Partial<Record<(typeof FIGURE_COLUMNS)[Figure], number | null>>;
  figuresChanged: boolean;
  handleChanged: boolean;
  urlChanged: boolean;
  keptSynced: boolean;
  /** Anything differs (a new platform always does). */
  changed: boolean;
}

/**
 * What a change does to a stored platform (or to none yet): which figures differ, and whether
 * handle or url do. On a platform Phyllo syncs, typed figures are refused (`onSynced: 'refuse'`,
 * a conflict naming them) or left out (`'keep'`, imports).
 */
export function planPlatform(existing: CreatorPlatform | null, change: PlatformChange, onSynced: 'refuse' | 'keep'): PlatformPlan {
  let figures = givenFigures(change.figures);
  let keptSynced = false;
  if (existing && isSynced(existing) && Object.keys(figures).length) {
    if (onSynced === 'refuse') {
      throw conflict(`${Object.keys(figures).join(', ')}: ${syncedPhrase(existing)}; its figures are never typed by hand (sync_creator refreshes them)`);
    }
    figures = {};
    keptSynced = true;
  }
  const changedFigures = FIGURES.filter((figure) => figures[figure] !== undefined && !sameFigure(existing, figure, figures[figure]!));
  const columns = Object.fromEntries(changedFigures.map((figure) => [FIGURE_COLUMNS[figure], figures[figure]]));
  const handleChanged = existing !== null && change.handle !== undefined && change.handle !== existing.handle;
  const urlChanged = existing !== null && change.url !== undefined && change.url !== existing.url;
  const figuresChanged = changedFigures.length > 0;
  return { columns, figuresChanged, handleChanged, urlChanged, keptSynced, changed: !existing || figuresChanged || handleChanged || urlChanged };
}

/** The columns of a platform row to create, or the changes of one to update, from a plan. */
export function platformData(existing: CreatorPlatform | null, change: PlatformChange, plan: PlatformPlan, source: string) {
  return {
    ...(existing ? {} : { handle: change.handle, url: change.url ?? null }),
    ...(plan.handleChanged ? { handle: change.handle } : {}),
    ...(plan.urlChanged ? { url: change.url } : {}),
    ...plan.columns,
    ...(plan.figuresChanged ? { metricsSource: source } : {}),
  };
}

/**
 * Adds or updates one platform of a creator. Figures that differ from the stored ones are written
 * with their source and a snapshot of the platform's figures (the growth chart). On a platform
 * Phyllo syncs, typed figures are refused (`onSynced: 'refuse'`) or left out (`'keep'`, imports).
 */
export async function applyPlatform(
  ctx: Pick<ToolContext, 'db' | 'orgId' | 'now'>,
  creator: { id: string; handle: string },
  change: PlatformChange,
  source: 'manual' | 'import',
  onSynced: 'refuse' | 'keep',
): Promise<PlatformOutcome> {
  const network = toDbNetwork(change.network);
  const existing = await ctx.db.creatorPlatform.findUnique({ where: { organizationId_creatorId_network: { organizationId: ctx.orgId, creatorId: creator.id, network } } });
  const plan = planPlatform(existing, change, onSynced);
  const data = platformData(existing, { ...change, handle: change.handle ?? existing?.handle ?? creator.handle }, plan, source);
  let platform = existing;
  if (!platform) platform = await ctx.db.creatorPlatform.create({ data: { organizationId: ctx.orgId, creatorId: creator.id, network, handle: creator.handle, ...data } });
  else if (plan.changed) platform = await ctx.db.creatorPlatform.update({ where: { id: platform.id }, data });
  if (plan.figuresChanged) await snapshot(ctx, platform, source);
  return { platform, created: !existing, changed: plan.changed, figuresChanged: plan.figuresChanged, keptSynced: plan.keptSynced };
}

function sameFigure(existing: CreatorPlatform | null, figure: keyof typeof FIGURE_COLUMNS, value: number | null): boolean {
  if (!existing) return value === null;
  const stored = existing[FIGURE_COLUMNS[figure]];
  if (stored === null || value === null) return stored === value;
  // engagementRate is Decimal(7,6): compare at the precision it is stored with.
  return figure === 'engagement_rate' ? Number(stored).toFixed(6) === value.toFixed(6) : Number(stored) === value;
}

/** The platform's figures now, one row per platform and instant (a second change at the same instant overwrites it). */
async function snapshot(ctx: Pick<ToolContext, 'db' | 'orgId' | 'now'>, platform: CreatorPlatform, source: string): Promise<void> {
  const figures = snapshotFigures(platform, source);
  const capturedAt = ctx.now();
  await ctx.db.creatorPlatformSnapshot.upsert({
    where: { organizationId_creatorPlatformId_capturedAt: { organizationId: ctx.orgId, creatorPlatformId: platform.id, capturedAt } },
    create: { organizationId: ctx.orgId, creatorPlatformId: platform.id, capturedAt, ...figures },
    update: figures,
  });
}

/** A snapshot's figures: the platform's figures after a change. */
export function snapshotFigures(platform: Pick<CreatorPlatform, 'followers' | 'following' | 'engagementRate' | 'averageViews' | 'averageLikes' | 'averageComments' | 'postsCount'>, source: string) {
  return {
    followers: platform.followers,
    following: platform.following,
    engagementRate: platform.engagementRate,
    averageViews: platform.averageViews,
    averageLikes: platform.averageLikes,
    averageComments: platform.averageComments,
    postsCount: platform.postsCount,
    source,
  };
}
