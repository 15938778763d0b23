import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { CampaignMilestoneKind } from '../../../db/generated/prisma/enums.ts';
import type { ToolContext } from '../../registry/context.ts';
import { countText, percentText } from '../../common/display-figures.ts';
import { endOfDayIn, isoDay, todayIn } from '../../common/format.ts';
import { RELIABLE_DELIVERY_RATE } from '../delivery/delivery-math.ts';
import { loadPlacementDelivery, type PlacementDelivery } from '../delivery/load-delivery.ts';
import { nameKey } from '../delivery/playlist-ownership.ts';

/** Scrapes in a row a placement must be under the delivery line for before it is announced. */
export const SCRAPES_UNDER_THE_LINE = 3;

export interface MilestoneCandidate {
  /** Names the event, so it is stored (and announced) once. */
  key: string;
  kind: CampaignMilestoneKind;
  campaignGroupId: string;
  placementId: string | null;
  message: string;
  data: Prisma.InputJsonObject;
}

interface Names {
  campaigns: Map<string, string>;
  vendors: Map<string, string>;
}

/** What live placements in active campaigns reached as of a day: goals met, under-delivery streaks, dropped vendor playlists. */
export async function detectMilestones(ctx: ToolContext, asOf: Date): Promise<MilestoneCandidate[]> {
  const live = Prisma.sql`p."removedAt" IS NULL AND p."campaignGroupId" IN (SELECT g.id FROM "CampaignGroup" g WHERE g."organizationId" = ${ctx.orgId} AND g.status = 'ACTIVE')`;
  const placements = await loadPlacementDelivery(ctx, { asOf, placements: live, baseCurrency: ctx.org.baseCurrency, timeZone: ctx.org.timeZone, withDropped: true });
  if (placements.length === 0) return [];
  const names = await loadNames(ctx, placements);
  return [
    ...goalsReached(placements, names, asOf),
    ...(await underTheLine(ctx, asOf, placements, names)),
    ...droppedFromVendorPlaylists(placements, names, ctx.org.timeZone),
  ];
}

/** Campaigns whose live placements delivered, in sum, at least their summed goal. */
function goalsReached(placements: PlacementDelivery[], names: Names, asOf: Date): MilestoneCandidate[] {
  const byCampaign = new Map<string, { goal: number; delivered: number }>();
  for (const placement of placements) {
    const sums = byCampaign.get(placement.campaignGroupId) ?? { goal: 0, delivered: 0 };
    sums.goal += placement.goal;
    sums.delivered += placement.delivered;
    byCampaign.set(placement.campaignGroupId, sums);
  }
  return [...byCampaign].flatMap(([campaignId, { goal, delivered }]) =>
    goal > 0 && delivered >= goal
      ? [{
          key: `goal_reached.${campaignId}`,
          kind: 'GOAL_REACHED' as const,
          campaignGroupId: campaignId,
          placementId: null,
          message: `“${names.campaigns.get(campaignId)}” reached its goal: ${countText(delivered)} of ${countText(goal)} streams delivered as of ${isoDay(asOf)}.`,
          data: { goal, delivered, asOf: isoDay(asOf) },
        }]
      : [],
  );
}

/**
 * Placements whose delivery rate was under the reliability line (the share the reliability score
 * counts as delivered as promised) at each of their song's last three scrape days.
 */
async function underTheLine(ctx: ToolContext, asOf: Date, placements: PlacementDelivery[], names: Names): Promise<MilestoneCandidate[]> {
  // Only active placements whose song was scraped on enough days can be announced: the rates are read for those alone.
  const candidates = placements.filter((placement) => placement.status === 'ACTIVE');
  const allDays = await lastScrapeDays(ctx, [...new Set(candidates.map((placement) => placement.spotifyTrackId))], asOf);
  const daysBySong = new Map([...allDays].filter(([, songDays]) => songDays.length >= SCRAPES_UNDER_THE_LINE));
  // Newest day first, and each day only for the placements under the line on every newer one: most
  // placements deliver, so the older days are read for a few (a whole delivery query per day, before).
  const days = [...new Set([...daysBySong.values()].flat())].sort((a, b) => b - a);
  const rateOn = new Map<string, number | null>();
  let under = candidates.filter((placement) => daysBySong.has(placement.spotifyTrackId));
  for (const day of days) {
    const ids = under.filter((placement) => daysBySong.get(placement.spotifyTrackId)!.includes(day)).map((placement) => placement.placementId);
    if (ids.length === 0) continue;
    const then = await loadPlacementDelivery(ctx, {
      asOf: new Date(day), placements: Prisma.sql`p.id = ANY(${ids}::text[])`, baseCurrency: ctx.org.baseCurrency, timeZone: ctx.org.timeZone,
    });
    for (const figures of then) rateOn.set(`${figures.placementId}.${day}`, figures.deliveryRate);
    const over = new Set(then.filter((figures) => !underTheLineRate(figures.deliveryRate)).map((figures) => figures.placementId));
    under = under.filter((placement) => !over.has(placement.placementId));
  }
  return placements.flatMap((placement) => {
    const songDays = daysBySong.get(placement.spotifyTrackId) ?? [];
    if (placement.status !== 'ACTIVE' || songDays.length < SCRAPES_UNDER_THE_LINE) return [];
    const rates = songDays.map((day) => rateOn.get(`${placement.placementId}.${day}`) ?? null);
    if (!rates.every(underTheLineRate)) return [];
    const shown = songDays.map((day, index) => `${isoDay(new Date(day))} ${percentText(rates[index]!)}`).reverse().join(', ');
    return [{
      key: `under_delivery.${placement.placementId}`,
      kind: 'UNDER_DELIVERY' as const,
      campaignGroupId: placement.campaignGroupId,
      placementId: placement.placementId,
      message: `${songOf(placement)} with ${names.vendors.get(placement.vendorId)} in “${names.campaigns.get(placement.campaignGroupId)}” delivered under ${percentText(RELIABLE_DELIVERY_RATE)} of its promise at ${SCRAPES_UNDER_THE_LINE} scrapes in a row (${shown}).`,
      data: { rates: rates as number[], days: songDays.map((day) => isoDay(new Date(day))) },
    }];
  });
}

/** A rate that counts toward the milestone: known, and under the reliability line. */
function underTheLineRate(rate: number | null | undefined): boolean {
  return rate !== null && rate !== undefined && rate < RELIABLE_DELIVERY_RATE;
}

/** Each song's last SCRAPES_UNDER_THE_LINE scrape days (local calendar days, as UTC-midnight times), newest first. */
async function lastScrapeDays(ctx: ToolContext, tracks: string[], asOf: Date): Promise<Map<string, number[]>> {
  const scrapes = await ctx.db.scrapeSnapshot.findMany({
    where: { spotifyTrackId: { in: tracks }, scrapedAt: { lt: endOfDayIn(asOf, ctx.org.timeZone) } },
    select: { spotifyTrackId: true, scrapedAt: true },
    orderBy: { scrapedAt: 'desc' },
  });
  const days = new Map<string, number[]>();
  for (const scrape of scrapes) {
    const own = days.get(scrape.spotifyTrackId) ?? [];
    const day = todayIn(ctx.org.timeZone, scrape.scrapedAt).getTime();
    if (own.length < SCRAPES_UNDER_THE_LINE && !own.includes(day)) own.push(day);
    days.set(scrape.spotifyTrackId, own);
  }
  return days;
}

/**
 * Vendor playlists that dropped a placed song (their streams keep counting): one milestone per
 * campaign, vendor, song, playlist and day, however many placements book that song with that vendor.
 */
function droppedFromVendorPlaylists(placements: PlacementDelivery[], names: Names, timeZone: string): MilestoneCandidate[] {
  const seen = new Set<string>();
  return placements.flatMap((placement) =>
    placement.playlists.flatMap((playlist) => {
      if (!playlist.droppedAt) return [];
      const droppedOn = isoDay(todayIn(timeZone, playlist.droppedAt));
      const vendor = names.vendors.get(placement.vendorId);
      const key = `dropped.${placement.campaignGroupId}.${placement.vendorId}.${placement.spotifyTrackId}.${playlist.spotifyPlaylistId ?? nameKey(playlist.name)}.${droppedOn}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{
        key,
        kind: 'DROPPED_FROM_PLAYLIST' as const,
        campaignGroupId: placement.campaignGroupId,
        placementId: placement.placementId,
        message: `${songOf(placement)} was dropped from ${vendor}'s playlist “${playlist.name}” (“${names.campaigns.get(placement.campaignGroupId)}”), first missing from the scrape of ${droppedOn}; its ${countText(playlist.streams12m)} streams still count.`,
        data: { playlist: playlist.name, spotifyPlaylistId: playlist.spotifyPlaylistId, droppedOn, vendorId: placement.vendorId },
      }];
    }),
  );
}

function songOf(placement: PlacementDelivery): string {
  return placement.songName ?? `Track ${placement.spotifyTrackId}`;
}

async function loadNames(ctx: ToolContext, placements: PlacementDelivery[]): Promise<Names> {
  const [campaigns, vendors] = await Promise.all([
    ctx.db.campaignGroup.findMany({ where: { id: { in: [...new Set(placements.map((placement) => placement.campaignGroupId))] } }, select: { id: true, name: true } }),
    ctx.db.vendor.findMany({ where: { id: { in: [...new Set(placements.map((placement) => placement.vendorId))] } }, select: { id: true, name: true } }),
  ]);
  return { campaigns: new Map(campaigns.map((row) => [row.id, row.name])), vendors: new Map(vendors.map((row) => [row.id, row.name])) };
}
