import { bulkTable } from './bulk-writer.ts';

// The high-volume tables, written in bulk. Column names and types follow db/prisma/schema.prisma;
// columns with database defaults (createdAt) are left to the database.

export const scrapeSnapshots = bulkTable('ScrapeSnapshot', {
  id: 'text',
  organizationId: 'text',
  spotifyTrackId: 'text',
  scrapedAt: 'timestamptz',
  trackName: 'text',
  artistName: 'text',
  plays7d: 'int',
  plays28d: 'int',
  plays12m: 'int',
  saves: 'int',
  playlistAdds: 'int',
  sourceFile: 'text',
});

export const campaignPlaylists = bulkTable(
  'CampaignPlaylist',
  {
    id: 'text',
    organizationId: 'text',
    snapshotId: 'text',
    spotifyTrackId: 'text',
    scrapedAt: 'timestamptz',
    playlistId: 'text',
    spotifyPlaylistId: 'text',
    name: 'text',
    curator: 'text',
    streams7d: 'int',
    streams28d: 'int',
    streams12m: 'int',
    dateAdded: 'date',
  },
  [scrapeSnapshots],
);

export const streamStats = bulkTable('StreamStat', {
  id: 'text',
  organizationId: 'text',
  date: 'date',
  artist: 'text',
  trackId: 'text',
  platform: 'text',
  streams: 'int',
});

export const marketingSpend = bulkTable('MarketingSpend', {
  id: 'text',
  organizationId: 'text',
  date: 'date',
  channel: 'text',
  campaign: 'text',
  artist: 'text',
  amount: 'numeric',
  currency: 'text',
  impressions: 'int',
  clicks: 'int',
  dedupeKey: 'text',
});

export const touchpoints = bulkTable('Touchpoint', {
  id: 'text',
  organizationId: 'text',
  customerId: 'text',
  occurredAt: 'timestamptz',
  channel: 'text',
  campaign: 'text',
  cost: 'numeric',
  currency: 'text',
  dedupeKey: 'text',
});

export const conversions = bulkTable('Conversion', {
  id: 'text',
  organizationId: 'text',
  customerId: 'text',
  occurredAt: 'timestamptz',
  revenue: 'numeric',
  currency: 'text',
  orderId: 'text',
  dedupeKey: 'text',
});
