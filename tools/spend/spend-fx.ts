import { Prisma } from '../../db/generated/prisma/client.ts';
import { startOfDayIn } from '../common/format.ts';
import { fxSegmentsTable, fxSegmentsToBase } from '../money/fx.ts';
import type { ToolDb } from '../registry/tenant-scope.ts';

/**
 * How marketing spend between calendar days `from` and `to` is converted to the base currency: at
 * the rate of each row's day (its local midnight). `table` is the `fx` CTE; `joinOn` matches a
 * spend row aliased `s` to its rate. One definition for every query that sums spend in money.
 */
export async function spendFx(db: ToolDb, org: { baseCurrency: string; timeZone: string }, from: Date, to: Date): Promise<{ table: Prisma.Sql; joinOn: Prisma.Sql }> {
  const currencies = await db.marketingSpend.groupBy({ by: ['currency'], where: { date: { gte: from, lte: to } }, _min: { date: true } });
  const fx = await fxSegmentsToBase(db, org.baseCurrency, org.timeZone, new Map(currencies.map((row) => [row.currency, startOfDayIn(row._min.date!, org.timeZone)])));
  const spendDay = Prisma.sql`(s.date::timestamp AT TIME ZONE ${org.timeZone})`;
  return {
    table: fxSegmentsTable(fx),
    joinOn: Prisma.sql`fx.currency = s.currency AND ${spendDay} >= fx.valid_from AND ${spendDay} < fx.valid_to`,
  };
}
