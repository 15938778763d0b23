import { isoDay } from '../../common/format.ts';
import { baseCurrencyConverter } from '../../money/fx.ts';
import { spendByKey } from '../spend-by-key.ts';
import { invalidInput, notFound } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

/** What a lift is measured for: a playlist campaign, or one artist's track over given dates. */
export interface LiftSubject {
  campaignId: string | null;
  campaignName: string | null;
  artist: string;
  trackIds: string[];
  start: Date;
  /** Last day wanted: the campaign's end, capped at as-of. */
  end: Date;
  /** Loads the cost in the base currency, converted as of `asOf`. */
  cost(asOf: Date): Promise<LiftCost>;
}

export interface LiftCost {
  amount: number;
  basis: 'placements' | 'marketing_spend' | 'input';
  description: string;
}

const min = (a: Date, b: Date) => (a < b ? a : b);

/**
 * A CampaignGroup: its placements' tracks from its start date to its end date (or as-of while
 * it runs); its cost is the sum of the placements' prices.
 */
export async function campaignSubject(db: ToolDb, baseCurrency: string, campaignId: string, asOf: Date): Promise<LiftSubject> {
  const campaign = await db.campaignGroup.findFirst({ where: { id: campaignId }, include: { placements: { select: { spotifyTrackId: true, price: true, currency: true } } } });
  if (!campaign) throw notFound('campaign', campaignId);
  const trackIds = [...new Set(campaign.placements.map((placement) => placement.spotifyTrackId))].sort();
  if (trackIds.length === 0) throw invalidInput('campaign_id', `campaign "${campaign.name}" has no placements, so there is no track to measure`);
  return {
    campaignId: campaign.id,
    campaignName: campaign.name,
    artist: campaign.artistName,
    trackIds,
    start: campaign.startDate,
    end: min(campaign.endDate ?? asOf, asOf),
    async cost(at) {
      const toBase = await baseCurrencyConverter(db, baseCurrency, campaign.placements.map((placement) => placement.currency), at);
      const amount = campaign.placements.reduce((sum, placement) => sum + toBase(Number(placement.price), placement.currency), 0);
      const count = campaign.placements.length;
      return { amount, basis: 'placements', description: `Sum of the prices of the campaign's ${count} placement${count === 1 ? '' : 's'}.` };
    },
  };
}

/** An artist's track over given dates; its cost is the artist's marketing spend over those dates. */
export function trackSubject(db: ToolDb, org: { id: string; baseCurrency: string; timeZone: string }, input: { artist: string; trackId: string; start: Date; end: Date | null }, asOf: Date): LiftSubject {
  const end = min(input.end ?? asOf, asOf);
  return {
    campaignId: null,
    campaignName: null,
    artist: input.artist,
    trackIds: [input.trackId],
    start: input.start,
    end,
    async cost(at) {
      // Each day's spend at that day's rate, as everywhere; artist names compared case-insensitively.
      const spend = await spendByKey(db, org, 'artist', input.start, end);
      const amount = spend.filter((row) => row.key.toLowerCase() === input.artist.toLowerCase()).reduce((sum, row) => sum + row.spend, 0);
      return { amount, basis: 'marketing_spend', description: `Marketing spend tagged with ${input.artist} from ${isoDay(input.start)} to ${isoDay(end)}, all channels.` };
    },
  };
}
