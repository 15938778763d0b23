import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** Builds web/ui/dist from the current sources, so the browser tests never run a stale bundle. */
export async function buildUi(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}
