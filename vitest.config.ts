import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Every test runs on PGlite; with TEST_DATABASE_URL set (CI), the integration tests
// (*.int.test.ts) run a second time on the real PostgreSQL server.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    globalSetup: ['db/testing/global-setup.ts'],
    reporters: ['default', './vitest.summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    exclude: ['**/node_modules/**', '**/*.eval.test.ts', '.scratch/**'],
    projects: [
      { extends: true as const, test: { name: 'pglite', include: ['**/*.test.ts'], exclude: ['**/node_modules/**', '**/*.eval.test.ts', '.scratch/**', 'web/ui/src/**'] } },
      // The web UI's components, in a simulated DOM; the browser itself is exercised by web/ui/e2e.
      { extends: true as const, plugins: [react()], test: { name: 'ui', include: ['web/ui/src/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['web/ui/src/testing/setup.ts'] } },
      ...(onPostgres
        ? [{ extends: true as const, test: { name: 'postgres', include: ['**/*.int.test.ts'], exclude: ['**/node_modules/**', '.scratch/**'], env: { CRESCENDO_TEST_BACKEND: 'postgres' } } }]
        : []),
    ],
  },
});
