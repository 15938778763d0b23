import type { DailyCampaignMetrics } from '../ad-connector.ts';
import { decimalAmount, wholeCount } from './meta-money.ts';

/**
 * One row of `act_<id>/insights?level=campaign&time_increment=1` read into Crescendo's daily metrics.
 *
 * Conversions: Meta reports one purchase under several action types at once (`omni_purchase` sums
 * the channels, `purchase` the website, app and on-Facebook ones, `offsite_conversion.fb_pixel_purchase`
 * the pixel's alone), so adding them would count a sale two or three times. Crescendo takes the
 * first type present in the row, in this order, for both the count (`actions`) and the value
 * (`action_values`): omni_purchase, purchase, offsite_conversion.fb_pixel_purchase,
 * onsite_web_purchase, app_custom_event.fb_mobile_purchase. A deployment can pass its own list
 * (`conversionActionTypes`, e.g. `lead` for lead-generation accounts). No purchase type: 0.
 *
 * Video: `video_play_actions` (plays) is `videoViews`; `video_p25/p50/p75/p100_watched_actions` the
 * quartiles, each the sum of its `video_view` entries. Reach and frequency as Meta gives them for
 * the day (reach is not additive over days; a sum over days is an upper bound).
 */

export const META_CONVERSION_ACTION_TYPES = [
  'omni_purchase',
  'purchase',
  'offsite_conversion.fb_pixel_purchase',
  'onsite_web_purchase',
  'app_custom_event.fb_mobile_purchase',
] as const;

export const META_INSIGHT_FIELDS = [
  'campaign_id',
  'campaign_name',
  'spend',
  'impressions',
  'clicks',
  'reach',
  'frequency',
  'actions',
  'action_values',
  'video_play_actions',
  'video_p25_watched_actions',
  'video_p50_watched_actions',
  'video_p75_watched_actions',
  'video_p100_watched_actions',
] as const;

export interface MetaActionStat {
  action_type?: string;
  value?: string | number;
}

export interface MetaInsightRow {
  campaign_id?: string;
  campaign_name?: string;
  date_start?: string;
  date_stop?: string;
  spend?: string;
  impressions?: string;
  clicks?: string;
  reach?: string;
  frequency?: string;
  actions?: MetaActionStat[];
  action_values?: MetaActionStat[];
  video_play_actions?: MetaActionStat[];
  video_p25_watched_actions?: MetaActionStat[];
  video_p50_watched_actions?: MetaActionStat[];
  video_p75_watched_actions?: MetaActionStat[];
  video_p100_watched_actions?: MetaActionStat[];
}

/** The row as daily metrics; throws a RangeError naming the field when a value is not a number. */
export function metricsFromInsightRow(row: MetaInsightRow, conversionTypes: readonly string[] = META_CONVERSION_ACTION_TYPES): DailyCampaignMetrics {
  const field = <T>(name: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      throw new RangeError(`${name}: ${(error as Error).message}`);
    }
  };
  if (!row.campaign_id) throw new RangeError('campaign_id: missing');
  if (!row.date_start || !/^\d{4}-\d{2}-\d{2}$/.test(row.date_start)) throw new RangeError(`date_start: "${row.date_start ?? ''}" is not a day`);
  if (row.date_stop && row.date_stop !== row.date_start) throw new RangeError(`date_stop: the row covers ${row.date_start} to ${row.date_stop}, not one day`);
  const conversionType = conversionTypes.find((type) => (row.actions ?? []).some((action) => action.action_type === type));
  const video = (name: keyof MetaInsightRow) => field(name, () => sumActions(row[name] as MetaActionStat[] | undefined, 'video_view'));
  return {
    campaignExternalId: String(row.campaign_id),
    campaignName: row.campaign_name ?? null,
    date: row.date_start,
    spend: field('spend', () => decimalAmount(row.spend) ?? 0),
    impressions: field('impressions', () => wholeCount(row.impressions) ?? 0),
    clicks: field('clicks', () => wholeCount(row.clicks) ?? 0),
    conversions: conversionType ? field('actions', () => Math.round(sumActions(row.actions, conversionType) ?? 0)) : 0,
    conversionValue: conversionType ? field('action_values', () => decimalAmount(sumActions(row.action_values, conversionType) ?? 0) ?? 0) : 0,
    reach: field('reach', () => wholeCount(row.reach)),
    frequency: field('frequency', () => decimalAmount(row.frequency)),
    videoViews: video('video_play_actions'),
    videoP25: video('video_p25_watched_actions'),
    videoP50: video('video_p50_watched_actions'),
    videoP75: video('video_p75_watched_actions'),
    videoP100: video('video_p100_watched_actions'),
  };
}

/** The sum of a list's entries of one action type; null when the list is absent (Meta omits empty ones). */
function sumActions(list: MetaActionStat[] | undefined, type: string): number | null {
  if (!list) return null;
  let total = 0;
  for (const entry of list) {
    if (entry.action_type !== type) continue;
    const value = Number(entry.value);
    if (!Number.isFinite(value)) throw new RangeError(`"${entry.value}" is not a number`);
    total += value;
  }
  return Math.round(total * 10_000) / 10_000;
}
