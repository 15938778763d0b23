import { spotifyTrackId } from '../../common/format.ts';
import { RowError, type CsvRow } from '../../imports/csv-row.ts';
import { isSpotifyTrackReference } from '../records/song-input.ts';

/** The columns of a salesperson's campaign sheet: one row per song placed with one vendor. */
export const CAMPAIGN_COLUMNS = {
  required: ['client', 'campaign', 'artist', 'track_url', 'vendor', 'goal', 'daily', 'price', 'start_date'],
  optional: ['currency', 'salesperson', 'song', 'weekly'],
} as const;

export interface CampaignRow {
  client: string;
  campaign: string;
  artist: string;
  trackUrl: string;
  spotifyTrackId: string;
  vendor: string;
  goal: number;
  daily: number;
  weekly: number | null;
  /** Decimal text, kept exact. */
  price: string;
  startDate: Date;
  /** Null: the campaign's currency (the organisation's for a new campaign). */
  currency: string | null;
  salesperson: string | null;
  song: string | null;
}

/** Names match whatever case or spacing the sheet used. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/** One campaign of one client, as the sheet names it. */
export const campaignKey = (row: Pick<CampaignRow, 'client' | 'campaign'>): string => JSON.stringify([nameKey(row.client), nameKey(row.campaign)]);

/** One placement: a song with a vendor in a campaign. */
export const placementKey = (row: CampaignRow): string => JSON.stringify([nameKey(row.client), nameKey(row.campaign), row.spotifyTrackId, nameKey(row.vendor)]);

export function readCampaignRow(row: CsvRow): CampaignRow {
  const trackUrl = row.text('track_url');
  const trackId = isSpotifyTrackReference(trackUrl) ? spotifyTrackId(trackUrl) : null;
  if (!trackId) throw new RowError(`track_url "${trackUrl}" is not a Spotify track link (https://open.spotify.com/track/<22-character id>), URI or id`);
  return {
    client: row.text('client'),
    campaign: row.text('campaign'),
    artist: row.text('artist'),
    trackUrl,
    spotifyTrackId: trackId,
    vendor: row.text('vendor'),
    goal: row.integer('goal', { min: 1 }),
    daily: row.integer('daily', { min: 1 }),
    weekly: row.has('weekly') ? row.integer('weekly', { min: 1 }) : null,
    price: row.decimal('price', { min: 0 }),
    startDate: row.date('start_date'),
    currency: row.has('currency') ? row.currency('currency') : null,
    salesperson: row.text('salesperson', { optional: true }),
    song: row.text('song', { optional: true }),
  };
}
