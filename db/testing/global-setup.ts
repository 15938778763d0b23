import { prepareTestDatabases } from './test-database.ts';

/** Builds the migrated PGlite snapshot (and, with TEST_DATABASE_URL, the Postgres template) once per run. */
export default async function setup(): Promise<void> {
  await prepareTestDatabases();
  if (process.env.TEST_DATABASE_URL) {
    const previous = process.env.CRESCENDO_TEST_BACKEND;
    process.env.CRESCENDO_TEST_BACKEND = 'postgres';
    try {
      await prepareTestDatabases();
    } finally {
      if (previous === undefined) delete process.env.CRESCENDO_TEST_BACKEND;
      else process.env.CRESCENDO_TEST_BACKEND = previous;
    }
  }
}
