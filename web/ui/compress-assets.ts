import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;
// Below this, the headers outweigh the saving.
const MIN_BYTES = 512;

/**
 * Writes `name.br` (brotli, quality 11) and `name.gz` (gzip -9) beside every text file of the
 * build, once, so the server sends them as they are (web/send-precompressed.ts) instead of
 * compressing each response. node:zlib does it in a few lines with no dependency; a sibling is kept
 * only when it is smaller than the file.
 */
export function compressAssets(): Plugin {
  let outDir = '';
  return {
    name: 'crescendo-compress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(files.map(async (file) => {
        const full = path.join(outDir, file);
        const content = await readFile(full);
        if (content.length < MIN_BYTES) return;
        const [br, gz] = await Promise.all([
          brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
          gzipAsync(content, { level: 9 }),
        ]);
        if (br.length < content.length) await writeFile(`${full}.br`, br);
        if (gz.length < content.length) await writeFile(`${full}.gz`, gz);
      }));
    },
  };
}
