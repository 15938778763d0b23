import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import type { ToolContext } from '../../registry/context.ts';
import { daysElapsed, remainingStreams, UNDER_DELIVERY_THRESHOLD } from '../delivery/delivery-math.ts';
import { creditedVendor, loadCreditedScrapes, loadDelivery, type PlacementDelivery, type SongScrape } from '../delivery/load-delivery.ts';
import { nameKey } from '../delivery/playlist-ownership.ts';
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
  message: z.string(),
  action: z.string().describe('What to do about it.'),
});
type Alert = z.infer<typeof alert>;

export const campaignAlerts = defineTool({
  name: 'campaign_alerts',
  title: 'Campaign alerts',
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
    const report = await loadDelivery(ctx.db, ctx.orgId, {
      asOf,
      baseCurrency: ctx.org.baseCurrency, timeZone: ctx.org.timeZone,
      placements: { startDate: { lte: asOf }, campaignGroup: { status: 'ACTIVE' } },
    });
    const names = await namesFor(ctx, report.placements);
    const describe = (placement: PlacementDelivery) => ({
      campaign_id: placement.campaignGroupId,
      campaign_name: names.campaigns.get(placement.campaignGroupId) ?? '?',
      track_id: placement.spotifyTrackId,
      song: placement.songName ?? placement.spotifyTrackId,
    });
    const alerts: Alert[] = [];
    for (const placement of report.placements) {
      const vendorName = names.vendors.get(placement.vendorId) ?? '?';
      const judged = daysElapsed(placement.startDate, asOf) >= input.grace_days && placement.promised > 0;
      if (judged && placement.deliveryRate !== null && placement.deliveryRate < input.threshold) {
        const owed = remainingStreams(placement.goal, placement.delivered);
        alerts.push({
          ...describe(placement), type: 'under_delivering', severity: placement.deliveryRate < input.threshold / 2 ? 'high' : 'medium',
          placement_id: placement.placementId, vendor_id: placement.vendorId, vendor_name: vendorName,
          message: `${vendorName} delivered ${placement.delivered.toLocaleString('en')} of ${placement.promised.toLocaleString('en')} streams promised so far (rate ${rate(placement.deliveryRate)}).`,
          action: `Ask ${vendorName} for a catch-up plan or a make-good (${owed.toLocaleString('en')} streams still owed); if it stays below ${input.threshold}, move the rest of the budget (plan_budget_allocation).`,
        });
      }
    }
    const firstPlacementOfSong = new Map<string, PlacementDelivery>();
    for (const placement of report.placements) if (!firstPlacementOfSong.has(placement.spotifyTrackId)) firstPlacementOfSong.set(placement.spotifyTrackId, placement);
    for (const [trackId, placement] of firstPlacementOfSong) {
      const song = report.songs.get(trackId);
      const age = song ? daysElapsed(todayIn(ctx.org.timeZone, song.scrapedAt), asOf) : null;
      if (age === null || age > input.stale_after_days) {
        alerts.push({
          ...describe(placement), type: 'stale_scrape', severity: age === null ? 'high' : 'medium', placement_id: null, vendor_id: null, vendor_name: null,
          message: age === null ? 'This song has never been scraped: its delivery cannot be checked.' : `The latest scrape is ${age} days old (${isoDay(song!.scrapedAt)}).`,
          action: 'Run the Spotify for Artists scraper for this song and import the files (crescendo import scraped DIR).',
        });
      }
    }
    alerts.push(...(await droppedPlaylists(ctx, asOf, report.placements, report.songs, names.vendors, describe)));
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
  latest: Map<string, SongScrape>,
  vendorNames: Map<string, string>,
  describe: (placement: PlacementDelivery) => Pick<Alert, 'campaign_id' | 'campaign_name' | 'track_id' | 'song'>,
): Promise<Alert[]> {
  const alerts: Alert[] = [];
  const previous = await loadCreditedScrapes(ctx.db, ctx.orgId, [...latest.keys()], endOfDayIn(asOf, ctx.org.timeZone), 'previous');
  for (const placement of placements) {
    const before = previous.get(placement.spotifyTrackId);
    const now = latest.get(placement.spotifyTrackId);
    if (!before || !now) continue;
    const stillOn = new Set(now.playlists.map((playlist) => playlist.spotifyPlaylistId ?? nameKey(playlist.name)));
    for (const playlist of before.playlists) {
      if (creditedVendor(playlist.owner) !== placement.vendorId || stillOn.has(playlist.spotifyPlaylistId ?? nameKey(playlist.name))) continue;
      const vendorName = vendorNames.get(placement.vendorId) ?? '?';
      alerts.push({
        ...describe(placement), type: 'dropped_from_playlist', severity: 'high', placement_id: placement.placementId, vendor_id: placement.vendorId, vendor_name: vendorName,
        message: `The song left "${playlist.name}" (${vendorName}) between the scrapes of ${isoDay(before.scrapedAt)} and ${isoDay(now.scrapedAt)}.`,
        action: `Ask ${vendorName} to put it back on "${playlist.name}" or to replace it with a playlist of similar reach.`,
      });
    }
  }
  return alerts;
}

async function namesFor(ctx: ToolContext, placements: PlacementDelivery[]) {
  const [campaigns, vendors] = await Promise.all([
    ctx.db.campaignGroup.findMany({ where: { id: { in: [...new Set(placements.map((p) => p.campaignGroupId))] } }, select: { id: true, name: true } }),
    ctx.db.vendor.findMany({ where: { id: { in: [...new Set(placements.map((p) => p.vendorId))] } }, select: { id: true, name: true } }),
  ]);
  return { campaigns: new Map(campaigns.map((c) => [c.id, c.name])), vendors: new Map(vendors.map((v) => [v.id, v.name])) };
}
