import type { PrismaClient } from '../../../../db/generated/prisma/client.ts';

/**
 * A small world for cohort_report (organisation in America/New_York, base USD, now 2026-12-06 12:00 UTC,
 * lookback 30 days). Local months: Nov 1 02:00 and 03:00 UTC are still October 31 in New York.
 *  A: meta Sep 1 -> orders Sep 5 (100), Oct 10 (50), Nov 20 (30)
 *  B: google Sep 10 -> orders Sep 12 (40), Sep 25 (20), Oct 31 local (10)
 *  C: meta Jul 1 (76 days before: outside the lookback, so (direct)) -> orders Sep 15 (80), Dec 2 (25, December unfinished)
 *  D: meta Oct 1 -> orders Oct 3 (100 EUR at 1.2), Nov 10 (50 EUR at 1.3)
 *  E: google Oct 5, meta Oct 6 -> order Oct 8 (60)
 *  F: google Oct 20 -> orders Oct 31 local (30), Nov 15 (30)
 *  G: no touch -> orders Aug 20 (70), Sep 10 (70): acquired in August
 *  H: meta Nov 28 -> order Dec 1 (45): acquired in the unfinished month
 */
export const COHORT_TOUCHPOINTS = `customer_id,occurred_at,channel,campaign
A,2026-09-01T15:00:00Z,meta,autumn
B,2026-09-10T15:00:00Z,google,brand
C,2026-07-01T15:00:00Z,meta,summer
D,2026-10-01T15:00:00Z,meta,autumn
E,2026-10-05T15:00:00Z,google,brand
E,2026-10-06T15:00:00Z,meta,autumn
F,2026-10-20T15:00:00Z,google,brand
H,2026-11-28T15:00:00Z,meta,winter
`;

export const COHORT_CONVERSIONS = `customer_id,occurred_at,revenue,currency,order_id
A,2026-09-05T15:00:00Z,100,USD,a1
A,2026-10-10T15:00:00Z,50,USD,a2
A,2026-11-20T15:00:00Z,30,USD,a3
B,2026-09-12T15:00:00Z,40,USD,b1
B,2026-09-25T15:00:00Z,20,USD,b2
B,2026-11-01T02:00:00Z,10,USD,b3
C,2026-09-15T15:00:00Z,80,USD,c1
C,2026-12-02T15:00:00Z,25,USD,c2
D,2026-10-03T15:00:00Z,100,EUR,d1
D,2026-11-10T15:00:00Z,50,EUR,d2
E,2026-10-08T15:00:00Z,60,USD,e1
F,2026-11-01T03:00:00Z,30,USD,f1
F,2026-11-15T15:00:00Z,30,USD,f2
G,2026-08-20T15:00:00Z,70,USD,g1
G,2026-09-10T15:00:00Z,70,USD,g2
H,2026-12-01T15:00:00Z,45,USD,h1
`;

/** Another organisation reusing the customer ids: its A bought before ours, its C was touched by tiktok inside our C's lookback. */
export const OTHER_ORG_TOUCHPOINTS = `customer_id,occurred_at,channel,campaign
C,2026-09-14T15:00:00Z,tiktok,other
`;

export const OTHER_ORG_CONVERSIONS = `customer_id,occurred_at,revenue,currency,order_id
A,2026-09-03T15:00:00Z,999,USD,x1
Z,2026-09-20T15:00:00Z,500,SEK,x2
`;

/** The CSV rows as objects keyed by header. */
function rowsOf(csv: string): Array<Record<string, string>> {
  const [header, ...lines] = csv.trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, index) => [columns[index]!, value])));
}

/** Stores the world's rows for one organisation as the importers would (one dedupe key per row). */
export async function loadCohortWorld(prisma: PrismaClient, organizationId: string, touchpoints: string, conversions: string): Promise<void> {
  await prisma.touchpoint.createMany({
    data: rowsOf(touchpoints).map((row, index) => ({
      organizationId, customerId: row.customer_id!, occurredAt: new Date(row.occurred_at!), channel: row.channel!, campaign: row.campaign || null, dedupeKey: `t${index}`,
    })),
  });
  await prisma.conversion.createMany({
    data: rowsOf(conversions).map((row) => ({
      organizationId, customerId: row.customer_id!, occurredAt: new Date(row.occurred_at!), revenue: row.revenue!, currency: row.currency!, orderId: row.order_id!, dedupeKey: row.order_id!,
    })),
  });
}
