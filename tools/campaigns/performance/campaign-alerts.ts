import { z } from 'zod';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import { defineTool } from '../../registry/define-tool.ts';
import type { ToolContext } from '../../registry/context.ts';
import { daysElapsed, remainingStreams, UNDER_DELIVERY_THRESHOLD } from '../delivery/delivery-math.ts';
import { creditedVendor, loadPlacementDelivery, type PlacementDelivery } from '../delivery/load-delivery.ts';
import { loadLeftPlaylists } from '../delivery/left-playlists.ts';
import { inDeliverySession } from '../delivery/delivery-session.ts';
import { countText, percentText } from '../../common/display-figures.ts';
import { endOfDayIn, isoDate, isoDay, rate, resolveAsOf, todayIn } from '../../common/format.ts';

const alert = z.object({
  type: z.enum(['under_delivering', 'stale_scrape', 'dropped_from_playlist']),
  severity: z.enum(['high', 'medium']),
  campaign_id: z.string(),
  campaign_name: z.string(),
  placement_id: z.string().nullable(),
  vendor_id: z.string().nullable(),
  vendor_name: z.string().nullable(),
  track_id: z.string(),
  song: z.string(),
  track_url: z.string().describe('The song on Spotify.'),
  playlist_name: z.string().nullable().describe('The playlist the song left (dropped_from_playlist), else null.'),
  delivery_rate: z.number().nullable().describe('Delivered / promised so far, 0-1 (under_delivering), else null.'),
  message: z.string().describe('What is wrong, in words for people: the song, the vendor, rates as percentages.'),
  action: z.string().describe('What to do about it.'),
});
type Alert = z.infer<typeof alert>;

export const campaignAlerts = defineTool({
  name: 'campaign_alerts',
  title: 'Campaign alerts',
  keywords: ['behind', 'behind schedule', 'falling behind', 'late', 'under-delivering placements'],
  description:
    'Problems in active campaigns as of a date: placements under-delivering after a grace period, songs whose latest scrape is stale, songs dropped from a vendor playlist since the previous scrape. Each alert says what to do.',
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  input: z.object({
    as_of: isoDate.optional().describe('Date to check (YYYY-MM-DD); default today.'),
    grace_days: z.number().int().min(0).max(90).default(7).describe('Days after a placement starts before its delivery is judged.'),
    threshold: z.number().min(0).max(2).default(UNDER_DELIVERY_THRESHOLD).describe('Delivery rate below which a placement is under-delivering.'),
    stale_after_days: z.number().int().min(1).max(90).default(8).describe('A scrape older than this many days is stale.'),
  }),
  output: z.object({ as_of: z.string(), counts: z.record(z.string(), z.number()), alerts: z.array(alert) }),
  async handler(ctx, input) {
    const asOf = resolveAsOf(input.as_of, ctx.org.timeZone, ctx.now());
    const placements = await loadPlacementDelivery(ctx, {
      asOf,
      baseCurrency: ctx.org.baseCurrency, timeZone: ctx.org.timeZone,
      placements: Prisma.sql`p."startDate" <= ${asOf} AND p."campaignGroupId" IN (SELECT g.id FROM "CampaignGroup" g WHERE g."organizationId" = ${ctx.orgId} AND g.status = 'ACTIVE')`,
    });
    const names = await namesFor(ctx, placements);
    const describe = (placement: PlacementDelivery) => ({
      campaign_id: placement.campaignGroupId,
      campaign_name: names.campaigns.get(placement.campaignGroupId) ?? '?',
      track_id: placement.spotifyTrackId,
      song: placement.songName ?? placement.spotifyTrackId,
      track_url: spotifyTrackUrl(placement.spotifyTrackId),
      playlist_name: null,
      delivery_rate: null,
    });
    const alerts: Alert[] = [];
    for (const placement of placements) {
      const vendorName = names.vendors.get(placement.vendorId) ?? '?';
      const judged = daysElapsed(placement.startDate, asOf) >= input.grace_days && placement.promised > 0;
      if (judged && placement.deliveryRate !== null && placement.deliveryRate < input.threshold) {
        const owed = remainingStreams(placement.goal, placement.delivered);
        const described = describe(placement);
        alerts.push({
          ...described, type: 'under_delivering', severity: placement.deliveryRate < input.threshold / 2 ? 'high' : 'medium',
          placement_id: placement.placementId, vendor_id: placement.vendorId, vendor_name: vendorName, delivery_rate: rate(placement.deliveryRate),
          message: `${vendorName} is delivering ${percentText(placement.deliveryRate)} of the streams promised so far for "${described.song}": ${countText(placement.delivered)} of ${countText(placement.promised)}.`,
          action: `Ask ${vendorName} for a catch-up plan or a make-good (${countText(owed)} streams still owed); if delivery stays below ${percentText(input.threshold)}, move the rest of the budget to vendors that deliver.`,
        });
      }
    }
    const firstPlacementOfSong = new Map<string, PlacementDelivery>();
    for (const placement of placements) if (!firstPlacementOfSong.has(placement.spotifyTrackId)) firstPlacementOfSong.set(placement.spotifyTrackId, placement);
    for (const placement of firstPlacementOfSong.values()) {
      // Every placement of a song carries the song's latest scrape.
      const { scrapedAt } = placement;
      const age = scrapedAt ? daysElapsed(todayIn(ctx.org.timeZone, scrapedAt), asOf) : null;
      if (age === null || age > input.stale_after_days) {
        const described = describe(placement);
        alerts.push({
          ...described, type: 'stale_scrape', severity: age === null ? 'high' : 'medium', placement_id: null, vendor_id: null, vendor_name: null,
          message: age === null
            ? `"${described.song}" has never been scraped, so its delivery cannot be checked.`
            : `"${described.song}" was last scraped ${age} days ago (${isoDay(scrapedAt!)}), so its delivery figures are out of date.`,
          action: 'Run the Spotify for Artists scraper for this song and import its files (crescendo import scraped DIR).',
        });
      }
    }
    alerts.push(...(await droppedPlaylists(ctx, asOf, placements, names.vendors, describe)));
    alerts.sort((a, b) => (a.severity === b.severity ? a.type.localeCompare(b.type) : a.severity === 'high' ? -1 : 1));
    const counts: Record<string, number> = { under_delivering: 0, stale_scrape: 0, dropped_from_playlist: 0 };
    for (const { type } of alerts) counts[type] = (counts[type] ?? 0) + 1;
    return { as_of: isoDay(asOf), counts, alerts };
  },
});

/** Vendor playlists present in a song's previous scrape and missing from its latest one. */
async function droppedPlaylists(
  ctx: ToolContext,
  asOf: Date,
  placements: PlacementDelivery[],
  vendorNames: Map<string, string>,
  describe: (placement: PlacementDelivery) => Pick<Alert, 'campaign_id' | 'campaign_name' | 'track_id' | 'song' | 'track_url' | 'playlist_name' | 'delivery_rate'>,
): Promise<Alert[]> {
  const alerts: Alert[] = [];
  const scraped = [...new Set(placements.filter((placement) => placement.scrapedAt).map((placement) => placement.spotifyTrackId))];
  // A session: comparing two scrapes of every song hashes their rows (more than the default work_mem holds).
  const left = await inDeliverySession(ctx, (db) => loadLeftPlaylists(db, ctx.orgId, scraped, endOfDayIn(asOf, ctx.org.timeZone)));
  for (const placement of placements) {
    const song = left.get(placement.spotifyTrackId);
    if (!song) continue;
    for (const playlist of song.playlists) {
      if (creditedVendor(playlist.owner) !== placement.vendorId) continue;
      const vendorName = vendorNames.get(placement.vendorId) ?? '?';
      const described = describe(placement);
      alerts.push({
        ...described, type: 'dropped_from_playlist', severity: 'high', placement_id: placement.placementId, vendor_id: placement.vendorId, vendor_name: vendorName,
        playlist_name: playlist.name,
        message: `"${described.song}" left ${vendorName}'s playlist "${playlist.name}" between the scrapes of ${isoDay(song.before)} and ${isoDay(song.now)}.`,
        action: `Ask ${vendorName} to put it back on "${playlist.name}" or to replace it with a playlist of similar reach.`,
      });
    }
  }
  return alerts;
}

function spotifyTrackUrl(trackId: string): string {
  return `https://open.spotify.com/track/${encodeURIComponent(trackId)}`;
}

async function namesFor(ctx: ToolContext, placements: PlacementDelivery[]) {
  const [campaigns, vendors] = await Promise.all([
    ctx.db.campaignGroup.findMany({ where: { id: { in: [...new Set(placements.map((p) => p.campaignGroupId))] } }, select: { id: true, name: true } }),
    ctx.db.vendor.findMany({ where: { id: { in: [...new Set(placements.map((p) => p.vendorId))] } }, select: { id: true, name: true } }),
  ]);
  return { campaigns: new Map(campaigns.map((c) => [c.id, c.name])), vendors: new Map(vendors.map((v) => [v.id, v.name])) };
}
