// The CLI's compiled cache. Running the TypeScript sources through tsx costs seconds of CPU on every
// command (its loader hooks answer each of several hundred imports); an esbuild bundle of the same
// sources, rebuilt whenever one of them changed, starts in a fraction of that. Packages stay
// external, so node_modules is loaded as it is. Plain JavaScript: it runs before any TypeScript.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'crescendo-cli');
const MANIFEST = join(CACHE, 'current.json');
/** Superseded builds are kept this long, for processes still loading their lazy chunks. */
const KEEP_OLD_BUILDS_MS = 60 * 60_000;

/**
 * The URL of the bundled CLI entry, rebuilt first when any source it was built from changed since;
 * null when no bundle can be built (the caller then runs the sources through tsx).
 */
export async function cliBundleUrl() {
  const current = readManifest();
  if (current && isFresh(current)) return pathToFileURL(join(CACHE, current.dir, 'cli.js')).href;
  try {
    const built = await build();
    return pathToFileURL(join(CACHE, built.dir, 'cli.js')).href;
  } catch {
    return null;
  }
}

function readManifest() {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    return manifest.root === ROOT && existsSync(join(CACHE, manifest.dir, 'cli.js')) ? manifest : null;
  } catch {
    return null;
  }
}

function isFresh(manifest) {
  for (const input of manifest.inputs) {
    try {
      if (statSync(join(ROOT, input)).mtimeMs >= manifest.startedAt) return false;
    } catch {
      return false;
    }
  }
  return true;
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  const startedAt = Date.now();
  const dir = `build-${startedAt}-${process.pid}`;
  const result = await esbuild({
    absWorkingDir: ROOT,
    entryPoints: { cli: join(ROOT, 'bin', 'cli.ts') },
    outdir: join(CACHE, dir),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    plugins: [keepSourceLocations],
  });
  const manifest = { root: ROOT, dir, startedAt, inputs: Object.keys(result.metafile.inputs) };
  mkdirSync(CACHE, { recursive: true });
  const temporary = `${MANIFEST}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, MANIFEST);
  removeOldBuilds(dir);
  return manifest;
}

/**
 * Sources find their files (migrations, the built web UI, package.json) relative to their own
 * import.meta.url; inside one bundle that would be the bundle's, so each file keeps its own.
 */
const keepSourceLocations = {
  name: 'keep-source-locations',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${join('node_modules', '')}`)) return undefined;
      const source = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents: source, loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};

function removeOldBuilds(keep) {
  for (const name of readdirSync(CACHE)) {
    if (!name.startsWith('build-') || name === keep) continue;
    const path = join(CACHE, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another process removed it first.
    }
  }
}
