import type { PrismaClient } from '../../../../db/generated/prisma/client.ts';

/**
 * One vendor, two placements and a day of money in currencies without a rate, for the
 * missing-rate tests (as of 2026-11-20, UTC organisation, USD base; NOK has a rate from 2026-11-20):
 *
 * - Dollar Promo (2 USD per 1k): placement A, 20 USD, goal 10,000 at 1,000/day, delivered 6,000;
 *   placement B, 700 DKK (no rate), goal 5,000 at 500/day, delivered 4,000. Both started
 *   2026-11-01, so 19 days in both promises are full: promised 15,000, delivered 10,000, rate
 *   0.6667. Real cost over the priced placement only: 20 / 6 = 3.33 per 1k; spend 20.
 *   recommend_vendors' prior (3 pseudo-placements of the average promise 7,500, delivered at the
 *   overall 2/3, bought at 2 per 1k): price 20 + 45 = 65 over 6,000 + 15,000 priced streams = 3.10
 *   per 1k; expected delivery (10,000 + 15,000) / (15,000 + 22,500) = 0.6667.
 * - Spend: 2026-11-20 100 USD + 500 NOK (x 0.09 = 45) = 145; 2026-11-19 300 NOK (before NOK's first
 *   rate: left out, so 0); 2026-11-17 20 CHF and 2026-11-18 30 CHF (no rate at all: left out).
 * - Conversions on 2026-11-20: 80 USD and 40 CHF: revenue 80, count 2.
 */
export async function buildFxGapScenario(prisma: PrismaClient, organizationId: string): Promise<void> {
  const vendor = await prisma.vendor.create({ data: { organizationId, name: 'Dollar Promo', costPer1kStreams: 2 } });
  await prisma.playlist.create({ data: { organizationId, vendorId: vendor.id, name: 'Dollar Beats', spotifyPlaylistId: '37i9dQZF1DXdollar00001' } });
  const client = await prisma.client.create({ data: { organizationId, name: 'Krone Mgmt' } });
  const campaign = await prisma.campaignGroup.create({
    data: { organizationId, clientId: client.id, name: 'Krone push', artistName: 'Krone', startDate: new Date('2026-11-01'), currency: 'DKK' },
  });
  const tracks = { a: '1fxGapTrackA0000000000a', b: '1fxGapTrackB0000000000b' };
  const place = (track: string, goal: number, daily: number, price: number, currency: string) => prisma.placement.create({
    data: {
      organizationId, campaignGroupId: campaign.id, vendorId: vendor.id, trackUrl: `https://open.spotify.com/track/${track}`, spotifyTrackId: track,
      goal, daily, price, currency, startDate: new Date('2026-11-01'),
    },
  });
  await place(tracks.a, 10_000, 1_000, 20, 'USD');
  await place(tracks.b, 5_000, 500, 700, 'DKK');
  const scrape = async (track: string, streams7d: number, streams28d: number, streams12m: number) => {
    const scrapedAt = new Date('2026-11-19T02:00:00Z');
    const snapshot = await prisma.scrapeSnapshot.create({ data: { organizationId, spotifyTrackId: track, scrapedAt, plays7d: 0, plays28d: 0, plays12m: 0 } });
    await prisma.campaignPlaylist.create({
      data: { organizationId, snapshotId: snapshot.id, spotifyTrackId: track, scrapedAt, spotifyPlaylistId: '37i9dQZF1DXdollar00001', name: 'Dollar Beats', curator: 'Dollar', streams7d, streams28d, streams12m },
    });
  };
  await scrape(tracks.a, 700, 2_800, 6_000);
  await scrape(tracks.b, 300, 1_200, 4_000);
  const spend: Array<[string, string, number, string]> = [
    ['2026-11-20', 'meta', 100, 'USD'], ['2026-11-20', 'tiktok', 500, 'NOK'], ['2026-11-19', 'tiktok', 300, 'NOK'],
    ['2026-11-17', 'snapchat', 20, 'CHF'], ['2026-11-18', 'snapchat', 30, 'CHF'],
  ];
  await prisma.marketingSpend.createMany({
    data: spend.map(([date, channel, amount, currency]) => ({ organizationId, date: new Date(date), channel, amount, currency, dedupeKey: `${date}/${channel}` })),
  });
  await prisma.conversion.createMany({
    data: [
      { organizationId, customerId: 'c1', occurredAt: new Date('2026-11-20T10:00:00Z'), revenue: 80, currency: 'USD', dedupeKey: 'o1' },
      { organizationId, customerId: 'c2', occurredAt: new Date('2026-11-20T11:00:00Z'), revenue: 40, currency: 'CHF', dedupeKey: 'o2' },
    ],
  });
}
