#!/usr/bin/env node
// Entry point of the `crescendo` CLI. The sources are TypeScript: a fresh clone works after
// `npm install` with no build step, because the first run bundles them (bin/cli-bundle.js) and
// later runs reuse that bundle until a source changes; without a bundle, tsx runs them directly.
import { cliBundleUrl } from './cli-bundle.js';

const bundle = await cliBundleUrl();
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./cli.ts');
}
