import { Prisma } from '../../db/generated/prisma/client.ts';
import { isoDay, money, parseDay, startOfDayIn } from '../common/format.ts';
import { fxSegmentsTable, fxSegmentsToBase, fxSegmentsWithGaps, type FxGap } from '../money/fx.ts';
import type { ToolDb } from '../registry/tenant-scope.ts';

interface SpendFx {
  /** The `fx` CTE. */
  table: Prisma.Sql;
  /** Matches a spend row aliased `s` to its rate. */
  joinOn: Prisma.Sql;
}

type FxOrg = { baseCurrency: string; timeZone: string };

/**
 * How marketing spend between calendar days `from` and `to` is converted to the base currency: at
 * the rate of each row's day (its local midnight). One definition for every query that sums spend
 * in money. A currency with no rate on or before a row's day is an `unavailable` error.
 */
export async function spendFx(db: ToolDb, org: FxOrg, from: Date, to: Date): Promise<SpendFx> {
  return { table: fxSegmentsTable(await fxSegmentsToBase(db, org.baseCurrency, org.timeZone, await earliestSpendDays(db, org, from, to))), joinOn: joinOn(org) };
}

/**
 * The same conversion for answers that leave out the spend no rate converts instead of failing:
 * those rows match no rate (so an inner join drops them), and `notes` names each such currency with
 * its amount and days, so a total is never silently short and never guessed at 1:1.
 */
export async function spendFxLeavingOutUnconverted(db: ToolDb, org: FxOrg, from: Date, to: Date): Promise<SpendFx & { notes: string[] }> {
  const { segments, gaps } = await fxSegmentsWithGaps(db, org.baseCurrency, org.timeZone, await earliestSpendDays(db, org, from, to));
  const notes = await Promise.all(gaps.map((gap) => unconvertedSpendNote(db, org.baseCurrency, gap, from, to)));
  return { table: fxSegmentsTable(segments), joinOn: joinOn(org), notes };
}

async function earliestSpendDays(db: ToolDb, org: FxOrg, from: Date, to: Date): Promise<Map<string, Date>> {
  const currencies = await db.marketingSpend.groupBy({ by: ['currency'], where: { date: { gte: from, lte: to } }, _min: { date: true } });
  return new Map(currencies.map((row) => [row.currency, startOfDayIn(row._min.date!, org.timeZone)]));
}

function joinOn(org: FxOrg): Prisma.Sql {
  const spendDay = Prisma.sql`(s.date::timestamp AT TIME ZONE ${org.timeZone})`;
  return Prisma.sql`fx.currency = s.currency AND ${spendDay} >= fx.valid_from AND ${spendDay} < fx.valid_to`;
}

/** What a gap leaves out: a spend row's date is a calendar day, so it converts from the first rate day on. */
async function unconvertedSpendNote(db: ToolDb, baseCurrency: string, gap: FxGap, from: Date, to: Date): Promise<string> {
  const left = await db.marketingSpend.aggregate({
    where: { currency: gap.currency, date: { gte: from, lte: to, ...(gap.firstRateDay ? { lt: parseDay(gap.firstRateDay) } : {}) } },
    _sum: { amount: true }, _min: { date: true }, _max: { date: true },
  });
  const [first, last] = [isoDay(left._min.date!), isoDay(left._max.date!)];
  const days = first === last ? `on ${first}` : `from ${first} to ${last}`;
  return `${money(Number(left._sum.amount)).toFixed(2)} ${gap.currency} of spend ${days} is left out of the spend figures: ` +
    `no exchange rate from ${gap.currency} to ${baseCurrency} on or before ${last}; add one with set_fx_rate.`;
}
