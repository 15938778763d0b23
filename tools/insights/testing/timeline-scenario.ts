import type { PrismaClient } from '../../../db/generated/prisma/client.ts';

/**
 * An organisation in Berlin (UTC+1 in winter) with base currency EUR, for performance_timeline.
 * USD converts at 0.9 from 2026-11-01 and at 0.8 from 2026-12-01 (stored the other way round, EUR->USD 1.25).
 *
 * By local day, inside 2026-11-26..2026-12-08:
 * | day   | spend                     | streams     | revenue (conversions)                                |
 * | 11-26 | 100 EUR                   | 600 + 400   | 100 EUR at 11-25 23:30Z (00:30 local) + 30 EUR = 130 (2) |
 * | 11-28 | 50 USD x 0.9 = 45         |             |                                                      |
 * | 11-30 |                           | 500         | 10 USD at 22:30Z (23:30 local) x 0.9 = 9 (1)          |
 * | 12-01 |                           | 700         | 40 USD at 11-30 23:30Z (00:30 local) x 0.8 = 32 (1)   |
 * | 12-02 | 100 USD x 0.8 + 20 EUR = 100 |          | 25 USD x 0.8 = 20 (1)                                |
 * | 12-08 | 10 EUR                    | 300         | (500 EUR at 23:30Z is 12-09 local)                   |
 * Outside it: 11-25 spend 1000 EUR, streams 9999, 1000 EUR at 22:59Z (23:59 local); 12-09 spend
 * 1000 EUR and the 500 EUR conversion.
 */
export const TIMELINE_NOW = new Date('2026-12-09T23:30:00Z'); // 00:30 on 12-10 in Berlin: yesterday is 12-09

export async function buildTimelineScenario(prisma: PrismaClient, organizationId: string): Promise<void> {
  await prisma.organization.update({ where: { id: organizationId }, data: { timeZone: 'Europe/Berlin', baseCurrency: 'EUR' } });
  await prisma.fxRate.createMany({
    data: [
      { organizationId, date: new Date('2026-11-01'), base: 'USD', quote: 'EUR', rate: 0.9 },
      { organizationId, date: new Date('2026-12-01'), base: 'EUR', quote: 'USD', rate: 1.25 },
    ],
  });
  const spend: Array<[string, string, number, string]> = [
    ['2026-11-25', 'meta', 1000, 'EUR'], ['2026-11-26', 'meta', 100, 'EUR'], ['2026-11-28', 'tiktok', 50, 'USD'],
    ['2026-12-02', 'meta', 100, 'USD'], ['2026-12-02', 'meta', 20, 'EUR'], ['2026-12-08', 'tiktok', 10, 'EUR'], ['2026-12-09', 'meta', 1000, 'EUR'],
  ];
  await prisma.marketingSpend.createMany({
    data: spend.map(([date, channel, amount, currency], index) => ({ organizationId, date: new Date(date), channel, amount, currency, dedupeKey: `timeline-${index}` })),
  });
  const streams: Array<[string, string, number]> = [
    ['2026-11-25', 'A', 9999], ['2026-11-26', 'A', 600], ['2026-11-26', 'B', 400], ['2026-11-30', 'A', 500], ['2026-12-01', 'A', 700], ['2026-12-08', 'B', 300],
  ];
  await prisma.streamStat.createMany({
    data: streams.map(([date, trackId, count]) => ({ organizationId, date: new Date(date), artist: 'Ana', trackId, platform: 'spotify', streams: count })),
  });
  const conversions: Array<[string, number, string]> = [
    ['2026-11-25T22:59:00Z', 1000, 'EUR'], ['2026-11-25T23:30:00Z', 100, 'EUR'], ['2026-11-26T10:00:00Z', 30, 'EUR'], ['2026-11-30T22:30:00Z', 10, 'USD'],
    ['2026-11-30T23:30:00Z', 40, 'USD'], ['2026-12-02T12:00:00Z', 25, 'USD'], ['2026-12-08T23:30:00Z', 500, 'EUR'],
  ];
  await prisma.conversion.createMany({
    data: conversions.map(([at, revenue, currency], index) => ({ organizationId, customerId: `c${index}`, occurredAt: new Date(at), revenue, currency, dedupeKey: `timeline-${index}` })),
  });
}

/** Big numbers on the same days, and a USD rate that would change every conversion if it leaked. */
export async function buildOtherOrganization(prisma: PrismaClient, organizationId: string): Promise<void> {
  await prisma.fxRate.create({ data: { organizationId, date: new Date('2026-11-15'), base: 'USD', quote: 'EUR', rate: 5 } });
  await prisma.marketingSpend.create({ data: { organizationId, date: new Date('2026-11-26'), channel: 'meta', amount: 1_000_000, currency: 'EUR', dedupeKey: 'other' } });
  await prisma.streamStat.create({ data: { organizationId, date: new Date('2026-11-26'), artist: 'Ana', trackId: 'A', platform: 'spotify', streams: 1_000_000 } });
  await prisma.conversion.create({ data: { organizationId, customerId: 'c0', occurredAt: new Date('2026-11-26T10:00:00Z'), revenue: 1_000_000, currency: 'EUR', dedupeKey: 'other' } });
}
