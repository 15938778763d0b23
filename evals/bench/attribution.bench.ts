import { BulkWriter } from '../../db/bulk/bulk-writer.ts';
import { conversions, touchpoints } from '../../db/bulk/tables.ts';
import type { Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate/migrate.ts';
import { Random } from '../../db/seed/random.ts';
import { createOrganization } from '../../tools/access/organizations.ts';
import { ATTRIBUTION_MODELS } from '../../tools/attribution/models.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner, type Principal } from '../../tools/registry/runner.ts';
import type { Benchmark, Figure } from './harness.ts';
import { medianMs, onEachBackend, timeMs } from './harness.ts';

const TOUCHPOINTS = Number(process.env.BENCH_ATTRIBUTION_TOUCHPOINTS ?? 1_000_000);
const CONVERSIONS = Math.round(TOUCHPOINTS / 10);
const CUSTOMERS = Math.round(TOUCHPOINTS / 4);
const DAYS = 180;
const START = Date.parse('2026-05-01T00:00:00Z');
const CHANNELS = ['meta', 'tiktok', 'google', 'email', 'organic', 'spotify_marquee', 'youtube', 'snapchat'];
const CAMPAIGNS = 60;
const RUNS = 3;

/** Every attribution model over a label's year of journeys, against the cheapest query that reads the same rows. */
export const attributionBench: Benchmark = {
  name: 'attribution',
  description:
    `calculate_attribution (each model, by channel) over ${TOUCHPOINTS.toLocaleString('en-US')} touchpoints and ${CONVERSIONS.toLocaleString('en-US')} conversions ` +
    'through the registry, on PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) Postgres; floor: SELECT channel, count(*) FROM "Touchpoint" GROUP BY channel',
  run: () => onEachBackend(measure),
};

async function measure(backend: string, database: Database): Promise<Figure[]> {
  try {
    await migrate(database);
    const organization = await createOrganization(database.prisma, { name: 'Bench', slug: 'bench', ownerEmail: 'owner@bench.test' });
    const principal: Principal = { orgId: organization.id, userId: organization.owner.id, role: 'OWNER', surface: 'CLI' };
    const load = await timeMs(() => writeJourneys(database, organization.id));
    await database.sql.query('ANALYZE "Touchpoint", "Conversion"');
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), log: silentLogger });
    const floor = { value: await medianMs(() => database.sql.query('SELECT channel, count(*) FROM "Touchpoint" WHERE "organizationId" = $1 GROUP BY channel', [organization.id]), RUNS, 1), what: 'GROUP BY channel count' };
    const figures: Figure[] = [{ bench: 'attribution', metric: `load ${TOUCHPOINTS + CONVERSIONS} rows, ${backend}`, value: load.ms / 1000, unit: 's' }];
    for (const model of ATTRIBUTION_MODELS) {
      const input = model === 'custom' ? { model, weights: { first: 0.3, middle: 0.3, last: 0.4 } } : { model };
      const ms = await medianMs(async () => {
        const result = await runner.call('calculate_attribution', input, principal);
        if (!result.ok) throw new Error(`calculate_attribution ${model}: ${result.error.message}`);
      }, RUNS, 1);
      figures.push({ bench: 'attribution', metric: `${model}, ${backend}`, value: ms, unit: 'ms', floor });
    }
    const compareMs = await medianMs(async () => {
      const result = await runner.call('compare_attribution_models', { group_by: 'channel' }, principal);
      if (!result.ok) throw new Error(result.error.message);
    }, 1, 0);
    figures.push({ bench: 'attribution', metric: `compare_attribution_models (6 models), ${backend}`, value: compareMs, unit: 'ms', floor });
    return figures;
  } finally {
    await database.close();
  }
}

/** Customers with 1-7 touches over the half year; a tenth of touches' worth of purchases, some customers buying twice. */
export async function writeJourneys(database: Database, organizationId: string): Promise<void> {
  const random = new Random('attribution-bench');
  await database.prisma.$transaction(async (tx) => {
    const writer = new BulkWriter(tx, { batchSize: 20_000 });
    let touchesLeft = TOUCHPOINTS;
    let conversionsLeft = CONVERSIONS;
    for (let customer = 0; customer < CUSTOMERS; customer++) {
      const customerId = `cust-${customer}`;
      const customersLeft = CUSTOMERS - customer;
      const touches = customersLeft === 1 ? touchesLeft : Math.min(touchesLeft, random.int(1, 7));
      touchesLeft -= touches;
      let minute = random.float(0, (DAYS - 40) * 1440);
      for (let touch = 0; touch < touches; touch++) {
        minute += random.float(0, 6 * 1440);
        writer.add(touchpoints, {
          organizationId, customerId, occurredAt: new Date(START + minute * 60_000),
          channel: CHANNELS[random.int(0, CHANNELS.length - 1)]!, campaign: `campaign-${random.int(1, CAMPAIGNS)}`,
          cost: null, currency: null, dedupeKey: `t:${customer}:${touch}`,
        });
      }
      const buys = conversionsLeft > 0 && random.next() < (conversionsLeft / customersLeft) ? (random.next() < 0.1 && conversionsLeft > 1 ? 2 : 1) : 0;
      for (let buy = 0; buy < buys; buy++) {
        minute += random.float(60, 3 * 1440);
        writer.add(conversions, {
          organizationId, customerId, occurredAt: new Date(START + minute * 60_000), revenue: random.float(5, 120).toFixed(2), currency: 'USD',
          orderId: `o-${customer}-${buy}`, dedupeKey: `order:o-${customer}-${buy}`,
        });
        conversionsLeft--;
      }
      if (customer % 5000 === 4999) await writer.drain();
    }
    await writer.finish();
  }, { timeout: 60 * 60_000 });
}
