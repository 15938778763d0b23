import type { Random } from './random.ts';

/** The platforms the demo's ad accounts are on (lower case, as tools speak them). */
export type DemoPlatform = 'meta' | 'google' | 'tiktok';

/** What a kind of campaign delivers per dollar: ranges a campaign draws its own rates from. */
export interface DeliveryProfile {
  /** Cost per 1,000 impressions, USD. */
  cpm: readonly [number, number];
  ctr: readonly [number, number];
  /** Cost per conversion (a merch, vinyl or ticket purchase the pixel reports), USD. */
  cpa: readonly [number, number];
  /** Average value of a conversion, USD. */
  orderValue: readonly [number, number];
  /** Impressions per person reached in a day. */
  frequency: readonly [number, number];
  /** Video plays per impression and the quartile funnel (each step a share of the one before); null: no video. */
  video: { plays: readonly [number, number]; funnel: readonly [number, number, number, number] } | null;
  /** Google reports data-driven, fractional conversions; Meta and TikTok whole ones. */
  fractionalConversions: boolean;
}

/** Release pushes: Reels and Stories on Meta, YouTube video on Google, Spark Ads and in-feed on TikTok. */
export const RELEASE_PROFILES: Record<DemoPlatform, DeliveryProfile> = {
  meta: { cpm: [7, 11], ctr: [0.008, 0.016], cpa: [16, 28], orderValue: [26, 38], frequency: [1.15, 1.5], video: { plays: [0.24, 0.34], funnel: [0.56, 0.6, 0.68, 0.62] }, fractionalConversions: false },
  google: { cpm: [3, 6], ctr: [0.004, 0.012], cpa: [22, 40], orderValue: [24, 34], frequency: [1.05, 1.3], video: { plays: [0.22, 0.32], funnel: [0.86, 0.74, 0.78, 0.82] }, fractionalConversions: true },
  tiktok: { cpm: [4, 8], ctr: [0.006, 0.014], cpa: [30, 55], orderValue: [22, 32], frequency: [1.1, 1.4], video: { plays: [0.82, 0.94], funnel: [0.34, 0.58, 0.66, 0.7] }, fractionalConversions: false },
};

/** The always-on campaigns each account runs beside the release pushes. */
export const ALWAYS_ON_PROFILES: Record<DemoPlatform, DeliveryProfile> = {
  // Catalogue retargeting of store and smart-link visitors: few impressions, good buyers.
  meta: { cpm: [12, 16], ctr: [0.012, 0.02], cpa: [8, 12], orderValue: [34, 44], frequency: [1.6, 2.2], video: null, fractionalConversions: false },
  // Brand search on the label's and artists' names: expensive clicks that convert.
  google: { cpm: [38, 60], ctr: [0.09, 0.14], cpa: [7, 11], orderValue: [30, 42], frequency: [1.05, 1.2], video: null, fractionalConversions: true },
  // The label channel's Spark Ads: cheap reach for new followers, almost no sales.
  tiktok: { cpm: [3, 5], ctr: [0.005, 0.009], cpa: [60, 90], orderValue: [20, 28], frequency: [1.1, 1.3], video: { plays: [0.85, 0.95], funnel: [0.3, 0.55, 0.64, 0.68] }, fractionalConversions: false },
};

/**
 * Spend by weekday (Sunday first), mean 1: platforms spend more from Friday's release day through
 * the weekend, when people stream, and less early in the week.
 */
export const WEEKDAY_SPEND = normalise([1.06, 0.9, 0.9, 0.95, 1.0, 1.12, 1.08]);

function normalise(values: number[]): readonly number[] {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return values.map((value) => value / mean);
}

/** One campaign's rates, drawn once, so its days read as one campaign. */
export interface CampaignRates {
  cpm: number;
  ctr: number;
  cpa: number;
  orderValue: number;
  frequency: number;
  plays: number;
  funnel: readonly [number, number, number, number];
  profile: DeliveryProfile;
}

export function drawRates(random: Random, profile: DeliveryProfile): CampaignRates {
  return {
    cpm: random.float(...profile.cpm),
    ctr: random.float(...profile.ctr),
    cpa: random.float(...profile.cpa),
    orderValue: random.float(...profile.orderValue),
    frequency: random.float(...profile.frequency),
    plays: profile.video ? random.float(...profile.video.plays) : 0,
    funnel: profile.video ? (profile.video.funnel.map((share) => share * random.noise(0.06)) as unknown as [number, number, number, number]) : [0, 0, 0, 0],
    profile,
  };
}

export interface DayMetrics {
  spend: number;
  impressions: number;
  clicks: number;
  conversions: number;
  conversionValue: number;
  reach: number;
  frequency: number;
  videoViews: number | null;
  videoP25: number | null;
  videoP50: number | null;
  videoP75: number | null;
  videoP100: number | null;
}

/**
 * A day's figures for a spend: impressions and clicks given (a day the CSV already had) or drawn from
 * the campaign's rates; conversions drawn around spend / CPA (whole numbers on Meta and TikTok, so
 * the mean holds), reach from the day's frequency, video plays and a quartile funnel that only falls.
 */
export function dayMetrics(random: Random, rates: CampaignRates, spend: number, known?: { impressions: number; clicks: number }): DayMetrics {
  const impressions = known ? known.impressions : Math.round((spend / (rates.cpm * random.noise(0.12))) * 1000);
  const clicks = known ? Math.min(known.clicks, impressions) : Math.min(impressions, Math.round(impressions * rates.ctr * random.noise(0.18)));
  const expected = (spend / rates.cpa) * random.noise(0.35);
  const conversions = rates.profile.fractionalConversions ? Math.round(expected * 100) / 100 : Math.floor(expected + random.next());
  const conversionValue = conversions > 0 ? Math.round(conversions * rates.orderValue * random.noise(0.2) * 100) / 100 : 0;
  const frequency = Math.round(rates.frequency * random.noise(0.08) * 10_000) / 10_000;
  const reach = Math.max(impressions > 0 ? 1 : 0, Math.round(impressions / frequency));
  let video: Pick<DayMetrics, 'videoViews' | 'videoP25' | 'videoP50' | 'videoP75' | 'videoP100'> = { videoViews: null, videoP25: null, videoP50: null, videoP75: null, videoP100: null };
  if (rates.profile.video) {
    const videoViews = Math.round(impressions * rates.plays * random.noise(0.06));
    const steps: number[] = [];
    let previous = videoViews;
    for (const share of rates.funnel) {
      previous = Math.min(previous, Math.round(previous * share * random.noise(0.04)));
      steps.push(previous);
    }
    video = { videoViews, videoP25: steps[0]!, videoP50: steps[1]!, videoP75: steps[2]!, videoP100: steps[3]! };
  }
  return { spend, impressions, clicks, conversions, conversionValue, reach, frequency: impressions > 0 ? Math.round((impressions / reach) * 10_000) / 10_000 : 0, ...video };
}
