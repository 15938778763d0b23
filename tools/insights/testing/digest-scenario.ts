import type { PrismaClient } from '../../../db/generated/prisma/client.ts';
import { buildDeliveryScenario, type DeliveryScenario } from '../../campaigns/testing/delivery-scenario.ts';

/**
 * A small organisation for the daily digest, figures worked out by hand in digest-scenario.md:
 * the playlist-campaign delivery scenario (as of 2026-11-20) plus streams, spend, conversions and
 * approvals around DIGEST_DATE.
 */
export const DIGEST_DATE = '2026-11-20';
/** The clock of the scenario: the morning after, so the default digest day is DIGEST_DATE. */
export const DIGEST_NOW = new Date('2026-11-21T08:00:00Z');

const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(new Date(`${DIGEST_DATE}T00:00:00Z`).getTime() - offset * DAY_MS);

export async function buildDigestScenario(prisma: PrismaClient, organizationId: string, requesterId: string): Promise<DeliveryScenario> {
  const delivery = await buildDeliveryScenario(prisma, organizationId);
  const streams: Array<{ artist: string; offset: number; streams: number }> = [];
  for (let offset = 1; offset <= 28; offset++) {
    streams.push({ artist: 'Ana', offset, streams: offset % 2 === 1 ? 100 : 120 });
    streams.push({ artist: 'Dee', offset, streams: 1000 });
  }
  for (let offset = 0; offset <= 28; offset++) streams.push({ artist: 'Ben', offset, streams: 50 });
  streams.push({ artist: 'Ana', offset: 0, streams: 200 }, { artist: 'Cleo', offset: 0, streams: 500 });
  await prisma.streamStat.createMany({
    data: streams.map((row) => ({ organizationId, date: day(row.offset), artist: row.artist, trackId: `track-${row.artist}`, platform: 'spotify', streams: row.streams })),
  });
  const spend = [
    { channel: 'meta', offset: 0, amount: 300, currency: 'USD' },
    { channel: 'meta', offset: 1, amount: 200, currency: 'USD' },
    { channel: 'meta', offset: 7, amount: 150, currency: 'USD' },
    { channel: 'tiktok', offset: 0, amount: 100, currency: 'GBP' },
  ];
  await prisma.marketingSpend.createMany({
    data: spend.map((row, index) => ({ organizationId, date: day(row.offset), channel: row.channel, amount: row.amount, currency: row.currency, dedupeKey: `digest-${index}` })),
  });
  await prisma.fxRate.create({ data: { organizationId, date: day(30), base: 'GBP', quote: 'USD', rate: 1.25 } });
  const conversions = [
    { at: '2026-11-20T10:00:00Z', revenue: 30 },
    { at: '2026-11-20T23:30:00Z', revenue: 50 },
    { at: '2026-11-19T12:00:00Z', revenue: 40 },
    { at: '2026-11-21T00:30:00Z', revenue: 999 },
  ];
  await prisma.conversion.createMany({
    data: conversions.map((row, index) => ({ organizationId, customerId: `c${index}`, occurredAt: new Date(row.at), revenue: row.revenue, currency: 'USD', dedupeKey: `digest-${index}` })),
  });
  const approval = (createdAt: string, status: 'PENDING' | 'EXECUTED', preview: string) =>
    prisma.approvalRequest.create({ data: { organizationId, action: 'commit_allocation', payload: {}, preview, status, requestedById: requesterId, requestedVia: 'CLI', createdAt: new Date(createdAt) } });
  await approval('2026-11-17T12:00:00Z', 'PENDING', 'Commit 500 USD to Club Restricted');
  await approval('2026-11-19T12:00:00Z', 'PENDING', 'Commit 200 USD to Glenn Curates');
  await approval('2026-11-10T12:00:00Z', 'EXECUTED', 'Already done');
  return delivery;
}
