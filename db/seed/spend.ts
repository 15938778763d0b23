import type { BulkWriter } from '../bulk/bulk-writer.ts';
import type { PlannedCampaign } from './campaigns.ts';
import type { Random } from './random.ts';
import type { SeedCalendar } from './seed-calendar.ts';
import { marketingSpend } from '../bulk/tables.ts';

export const SPEND_CHANNELS = ['meta', 'google', 'tiktok', 'spotify_marquee'] as const;
export type SpendChannel = (typeof SPEND_CHANNELS)[number];

/** A campaign's daily spend per channel over the seeded period (USD), to drive stream bumps. */
export type DailySpend = Record<SpendChannel, Float64Array>;

interface ChannelProfile {
  /** Chance a campaign uses the channel. */
  uptake: number;
  dailyBudget: readonly [number, number];
  cpm: readonly [number, number];
  ctr: readonly [number, number];
}

const PROFILES: Record<SpendChannel, ChannelProfile> = {
  meta: { uptake: 0.85, dailyBudget: [10, 60], cpm: [7, 11], ctr: [0.008, 0.016] },
  google: { uptake: 0.5, dailyBudget: [5, 30], cpm: [3, 6], ctr: [0.004, 0.012] },
  tiktok: { uptake: 0.6, dailyBudget: [10, 50], cpm: [4, 8], ctr: [0.006, 0.014] },
  spotify_marquee: { uptake: 0.4, dailyBudget: [20, 60], cpm: [12, 20], ctr: [0.02, 0.05] },
};

/** Marquee is bought as a short burst after release; the ad channels run for the whole campaign. */
const MARQUEE_DAYS = 14;

/** Writes one campaign's daily MarketingSpend rows and returns its spend per channel and day. */
export function writeCampaignSpend(
  writer: BulkWriter,
  random: Random,
  calendar: SeedCalendar,
  campaign: PlannedCampaign,
  organizationId: string,
): DailySpend {
  const spend = Object.fromEntries(SPEND_CHANNELS.map((channel) => [channel, new Float64Array(calendar.days)])) as DailySpend;
  const channels = SPEND_CHANNELS.filter((channel) => random.chance(PROFILES[channel].uptake));
  if (channels.length === 0) channels.push('meta');
  const firstDay = Math.max(0, campaign.startDay - 3);
  const lastDay = Math.min(campaign.endDay, (campaign.pausedDay ?? Infinity) - 1, calendar.days - 1);
  for (const channel of channels) {
    const profile = PROFILES[channel];
    const budget = random.float(...profile.dailyBudget);
    const cpm = random.float(...profile.cpm);
    const ctr = random.float(...profile.ctr);
    const channelLast = channel === 'spotify_marquee' ? Math.min(lastDay, campaign.startDay + MARQUEE_DAYS - 1) : lastDay;
    const channelFirst = channel === 'spotify_marquee' ? campaign.startDay : firstDay;
    for (let day = channelFirst; day <= channelLast; day++) {
      if (random.chance(0.05)) continue;
      const rampUp = Math.min(1, (day - firstDay + 1) / 3);
      const amount = Math.round(budget * rampUp * random.noise(0.25) * 100) / 100;
      const impressions = Math.round((amount / (cpm * random.noise(0.15))) * 1000);
      spend[channel][day] = amount;
      writer.add(marketingSpend, {
        organizationId,
        date: calendar.date(day),
        channel,
        campaign: campaign.key,
        artist: campaign.artist.name,
        amount: amount.toFixed(2),
        currency: 'USD',
        impressions,
        clicks: Math.round(impressions * ctr * random.noise(0.2)),
        dedupeKey: `seed:spend:${campaign.key}:${channel}:${calendar.iso(day)}`,
      });
    }
  }
  return spend;
}
