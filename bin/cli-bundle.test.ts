import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBundleUrl } from './cli-bundle.js';

describe('the CLI bundle cache', { timeout: 120_000 }, () => {
  it('is reused while its sources are unchanged and rebuilt when one changes', async () => {
    const first = await cliBundleUrl();
    expect(first).toMatch(/\/node_modules\/\.cache\/crescendo-cli\/build-[^/]+\/cli\.js$/);
    expect(await cliBundleUrl()).toBe(first);
    // A source edited after the build (its mtime is all that is compared).
    const now = new Date();
    utimesSync(join(import.meta.dirname, 'usage.ts'), now, now);
    const rebuilt = await cliBundleUrl();
    expect(rebuilt).not.toBe(first);
    expect(await cliBundleUrl()).toBe(rebuilt);
  });
});
