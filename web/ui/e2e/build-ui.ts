import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * Builds web/ui/dist from the current sources, so the browser tests never run a stale bundle. The
 * build is always the production one users get: under vitest NODE_ENV is "test", which would give
 * React's development build (double effects, slower rendering).
 */
export async function buildUi(): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), mode: 'production', logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
