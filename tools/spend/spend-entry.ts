import { z } from 'zod';
import { isoDay } from '../common/format.ts';

/** How a stored MarketingSpend row is shown: amount in its own currency, as stored. */
export const spendEntryView = z.object({
  id: z.string(),
  date: z.string().describe('YYYY-MM-DD.'),
  channel: z.string().describe('Normalised: trimmed, lower-case.'),
  campaign: z.string().nullable(),
  artist: z.string().nullable(),
  amount: z.number().describe('In `currency`.'),
  currency: z.string(),
  impressions: z.int().nullable(),
  clicks: z.int().nullable(),
});
export type SpendEntryView = z.infer<typeof spendEntryView>;

export function viewSpendEntry(row: {
  id: string; date: Date; channel: string; campaign: string | null; artist: string | null;
  amount: { toString(): string }; currency: string; impressions: number | null; clicks: number | null;
}): SpendEntryView {
  return {
    id: row.id,
    date: isoDay(row.date),
    channel: row.channel,
    campaign: row.campaign,
    artist: row.artist,
    amount: Number(row.amount.toString()),
    currency: row.currency,
    impressions: row.impressions,
    clicks: row.clicks,
  };
}
