import type { Transaction } from '../bulk/bulk-writer.ts';
import type { PlannedCampaign } from './campaigns.ts';
import type { PlannedClient, PlannedVendor } from './roster.ts';
import type { SeedCalendar } from './seed-calendar.ts';
import { PLATFORMS, STREAM_RATES } from './streams.ts';

// createMany sends one parameter per value; past Postgres' 32,767 Prisma splits the statement and
// runs the parts concurrently on one connection, which pg deprecates. 2,000 rows stay under it.
const CHUNK = 2000;

/** Inserts the planned clients, vendors, playlists, campaign groups, placements and stream rates. */
export async function writeRoster(
  tx: Transaction,
  calendar: SeedCalendar,
  organizationId: string,
  plan: { clients: PlannedClient[]; vendors: PlannedVendor[]; campaigns: PlannedCampaign[] },
): Promise<Record<string, number>> {
  const clients = plan.clients.map(({ id, name, emails, contactPerson, phone }) => ({ id, organizationId, name, emails, contactPerson, phone }));
  const vendors = plan.vendors.map((vendor) => ({
    id: vendor.id,
    organizationId,
    name: vendor.name,
    contactEmail: vendor.contactEmail,
    costPer1kStreams: vendor.costPer1kStreams.toFixed(2),
    currency: 'USD',
    isActive: vendor.isActive,
  }));
  const playlists = plan.vendors.flatMap((vendor) =>
    vendor.playlists.map((playlist) => ({
      id: playlist.id!,
      organizationId,
      vendorId: vendor.id,
      name: playlist.name,
      spotifyPlaylistId: playlist.spotifyPlaylistId,
      url: `https://open.spotify.com/playlist/${playlist.spotifyPlaylistId}`,
      genres: playlist.genres,
      followerCount: playlist.followerCount,
      curator: playlist.curator,
    })),
  );
  const campaignGroups = plan.campaigns.map((campaign) => ({
    id: campaign.id,
    organizationId,
    clientId: campaign.client.id,
    name: campaign.name,
    artistName: campaign.artist.name,
    startDate: calendar.date(campaign.startDay),
    endDate: calendar.date(campaign.endDay),
    totalBudget: campaign.totalBudget.toFixed(2),
    currency: 'USD',
    salesperson: campaign.salesperson,
    status: campaign.status,
    invoiceStatus: campaign.invoiceStatus,
  }));
  const placements = plan.campaigns.flatMap((campaign) =>
    campaign.songs.flatMap((song) =>
      song.placements.map((placement) => ({
        organizationId,
        campaignGroupId: campaign.id,
        vendorId: placement.vendor.id,
        trackUrl: `https://open.spotify.com/track/${song.trackId}`,
        spotifyTrackId: song.trackId,
        songName: song.title,
        goal: placement.goal,
        daily: placement.daily,
        price: placement.price.toFixed(2),
        currency: 'USD',
        genre: song.genre,
        startDate: calendar.date(placement.startDay),
      })),
    ),
  );
  const streamRates = PLATFORMS.map((platform) => ({ organizationId, platform, ratePerStream: STREAM_RATES[platform].toFixed(8), currency: 'USD' }));
  await inChunks(clients, (data) => tx.client.createMany({ data }));
  await inChunks(vendors, (data) => tx.vendor.createMany({ data }));
  await inChunks(playlists, (data) => tx.playlist.createMany({ data }));
  await inChunks(campaignGroups, (data) => tx.campaignGroup.createMany({ data }));
  await inChunks(placements, (data) => tx.placement.createMany({ data }));
  await tx.streamRate.createMany({ data: streamRates });
  return {
    Client: clients.length,
    Vendor: vendors.length,
    Playlist: playlists.length,
    CampaignGroup: campaignGroups.length,
    Placement: placements.length,
    StreamRate: streamRates.length,
  };
}

export async function inChunks<Row>(rows: Row[], write: (chunk: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await write(rows.slice(start, start + CHUNK));
}
