import { openDatabase } from '../../db/database.ts';
import { migrate, readMigrations } from '../../db/migrate/migrate.ts';
import type { Benchmark, Figure } from './harness.ts';
import { timeMs } from './harness.ts';

/** Migrating a new database vs executing the same SQL files with no bookkeeping. */
export const migrateBench: Benchmark = {
  name: 'migrate',
  description: 'crescendo db migrate on a new embedded database; floor: the migration SQL executed directly',
  async run() {
    const figures: Figure[] = [];
    await (await openDatabase({})).close(); // warm-up: the first PGlite of a process pays for compiling its WASM
    const floorDb = await openDatabase({});
    const floor = await timeMs(async () => {
      for (const migration of readMigrations()) await floorDb.sql.exec(migration.sql);
    });
    await floorDb.close();
    const database = await openDatabase({});
    const measured = await timeMs(() => migrate(database));
    const again = await timeMs(() => migrate(database));
    await database.close();
    figures.push({ bench: 'migrate', metric: 'new PGlite database', value: measured.ms, unit: 'ms', floor: { value: floor.ms, what: 'raw SQL exec' } });
    figures.push({ bench: 'migrate', metric: 'already migrated (no-op)', value: again.ms, unit: 'ms' });
    return figures;
  },
};
