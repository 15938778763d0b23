import { openDatabase, type Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate/migrate.ts';
import { seedDemoOrganization } from '../../db/seed/seed-demo.ts';
import type { Benchmark, Figure } from './harness.ts';
import { timeMs } from './harness.ts';

const TODAY = new Date('2026-11-20T00:00:00Z');
const SCALES = (process.env.BENCH_SEED_SCALES ?? '1,10').split(',').map(Number);

/** Seeding the demo organisation vs the database writing as many rows with one INSERT ... SELECT. */
export const seedBench: Benchmark = {
  name: 'seed',
  description: `crescendo db seed at scales ${SCALES.join(', ')} on embedded PGlite; floor: the same number of StreamStat rows from generate_series`,
  async run() {
    const figures: Figure[] = [];
    for (const scale of SCALES) {
      const database = await openDatabase({});
      await migrate(database);
      const seeded = await timeMs(() => seedDemoOrganization(database, { slug: `bench-${scale}`, scale, today: TODAY }));
      const rows = await countRows(database);
      const floorMs = await insertFloor(database, rows);
      await database.close();
      figures.push({ bench: 'seed', metric: `scale ${scale} (${rows} rows)`, value: seeded.ms / 1000, unit: 's', floor: { value: floorMs / 1000, what: 'INSERT ... SELECT generate_series' } });
      figures.push({ bench: 'seed', metric: `scale ${scale} throughput`, value: rows / (seeded.ms / 1000), unit: 'rows/s' });
    }
    return figures;
  },
};

async function countRows(database: Database): Promise<number> {
  const tables = await database.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  let total = 0;
  for (const { table_name: table } of tables) {
    const [row] = await database.sql.query<{ count: string | number }>(`SELECT count(*) AS count FROM "${table}"`);
    total += Number(row?.count ?? 0);
  }
  return total;
}

async function insertFloor(database: Database, rows: number): Promise<number> {
  const [organization] = await database.sql.query<{ id: string }>(`SELECT id FROM "Organization" LIMIT 1`);
  const { ms } = await timeMs(() =>
    database.sql.query(
      `INSERT INTO "StreamStat" (id, "organizationId", date, artist, "trackId", platform, streams)
       SELECT gen_random_uuid()::text, $1, DATE '2020-01-01' + (n % 3000), 'floor', 'floor-' || (n / 3000), 'floor', n
       FROM generate_series(1, $2::int) AS n`,
      [organization!.id, rows],
    ),
  );
  return ms;
}
