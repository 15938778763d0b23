import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compressAssets } from './compress-assets.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.CRESCENDO_API_URL ?? 'http://localhost:3000';

/**
 * The web UI. `npm run build:web` writes web/ui/dist, which `crescendo start` serves at `/`;
 * `npm run dev:web` serves it with hot reload and forwards the API to a running `crescendo start`.
 */
export default defineConfig({
  root,
  plugins: [react(), compressAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bench reads it to add up the JavaScript the first page needs.
    manifest: true,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': apiTarget, '/health': apiTarget },
  },
});
