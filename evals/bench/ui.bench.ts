import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../web/ui/e2e/browser.ts';
import { buildUi } from '../../web/ui/e2e/build-ui.ts';
import { startEmbeddedApp } from '../../web/ui/e2e/embedded-app.ts';
import { addDays, dayInZone } from '../../web/ui/src/components/calendar-days.ts';
import { median, type Benchmark, type Figure } from './harness.ts';

const DIST = fileURLToPath(new URL('../../web/ui/dist/', import.meta.url));
const APP_SOURCE = 'src/main.tsx';
const OVERVIEW_SOURCE = 'src/pages/overview/overview-page.tsx';
const RENDER_RUNS = 7;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

/** A chunk and every chunk it imports statically: what the browser must fetch before it runs. */
function withStaticImports(manifest: Record<string, ManifestChunk>, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) withStaticImports(manifest, imported, into);
  return into;
}

function gzipKb(files: Iterable<string>): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(`${DIST}${file}`), { level: 9 }).length;
  return bytes / 1024;
}

/** The scripts index.html itself makes the browser fetch (entry and modulepreloads): all the sign-in page loads (src/entry.ts). */
function indexHtmlScripts(): string[] {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  return [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((match) => match[1]!);
}

/**
 * The web UI's targets: the sign-in page's JavaScript (gzip) at most 60 KB, with no chart code;
 * the first page's (the overview with its charts) at most 150 KB; and the overview rendered,
 * charts drawn, within 1.5 s on the demo data from a cold browser cache. Floor for the render: the
 * overview's tool calls alone, made as the page makes them.
 */
export const uiBench: Benchmark = {
  name: 'ui',
  description: 'web UI: sign-in and first-page JavaScript (gzip) and time to a fully drawn overview in headless Chromium on the demo data',
  async run() {
    await buildUi();
    const manifest = JSON.parse(readFileSync(`${DIST}.vite/manifest.json`, 'utf8')) as Record<string, ManifestChunk>;
    const files = (keys: Iterable<string>) => [...keys].map((key) => manifest[key]!.file);
    const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
    const signIn = new Set([...files(withStaticImports(manifest, entry)), ...indexHtmlScripts()]);
    // Every chart draws into a [data-chart] frame: the marker in a sign-in script means chart code came with it.
    const chartsOnSignIn = [...signIn].some((file) => readFileSync(`${DIST}${file}`, 'utf8').includes('data-chart'));
    // After signing in: the app (React, the router, the shell), then the overview and anything it loads lazily.
    const overview = withStaticImports(manifest, APP_SOURCE);
    withStaticImports(manifest, OVERVIEW_SOURCE, overview);
    for (const lazyPart of manifest[OVERVIEW_SOURCE]!.dynamicImports ?? []) withStaticImports(manifest, lazyPart, overview);
    const firstPage = new Set([...signIn, ...files(overview)]);
    const figures: Figure[] = [
      { bench: 'ui', metric: `sign-in page JS, gzip (chart code: ${chartsOnSignIn ? 'yes' : 'none'}); target <= 60`, value: gzipKb(signIn), unit: 'KB' },
      { bench: 'ui', metric: 'first page (overview) JS, gzip; target <= 150', value: gzipKb(firstPage), unit: 'KB' },
    ];

    const app = await startEmbeddedApp({});
    const browser = await launchChromium();
    try {
      const call = (tool: string, input: unknown) => fetch(`${app.base}/api/tools/${tool}`, {
        method: 'POST', headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' }, body: JSON.stringify(input),
      }).then((response) => response.json());
      // The page's own sequence and inputs: whoami, then the overview's four calls at once.
      const apiOnce = async () => {
        const started = performance.now();
        const me = (await call('whoami', {})) as { organization: { time_zone: string } };
        const to = dayInZone(me.organization.time_zone, -1);
        const from = addDays(to, -89);
        await Promise.all([
          call('performance_timeline', { from, to, granularity: 'day' }), call('roas_summary', { from, to, model: 'linear' }), call('daily_digest', {}), call('campaign_alerts', {}),
        ]);
        return performance.now() - started;
      };
      const renderOnce = async () => {
        // A fresh context each run: nothing cached, as on a first visit.
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addInitScript({ content: `localStorage.setItem('crescendo.token', ${JSON.stringify(app.token)})` });
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(app.base);
        await page.locator('[data-chart="spend-streams"][data-drawn] .chart-bar').first().waitFor({ state: 'attached' });
        await page.locator('[data-chart="roas-by-channel"][data-drawn] .chart-bar').first().waitFor({ state: 'attached' });
        await page.getByRole('region', { name: 'Top campaigns' }).getByRole('link').first().waitFor();
        // A list item or the empty state; the spinner is also role="status", so it must not count.
        await page.getByRole('region', { name: 'Alerts' }).locator('li, .state-empty').first().waitFor();
        const elapsed = performance.now() - started;
        await context.close();
        return elapsed;
      };
      await apiOnce();
      await renderOnce();
      const api: number[] = [];
      const render: number[] = [];
      for (let run = 0; run < RENDER_RUNS; run++) {
        api.push(await apiOnce());
        render.push(await renderOnce());
      }
      const floor = { value: median(api), what: 'the overview\'s tool calls alone: whoami, then the other 4 at once' };
      figures.push(
        { bench: 'ui', metric: `overview fully drawn, cold cache, median of ${RENDER_RUNS}; target <= 1500`, value: median(render), unit: 'ms', floor },
        { bench: 'ui', metric: `overview fully drawn, cold cache, slowest of ${RENDER_RUNS}`, value: Math.max(...render), unit: 'ms', floor },
      );
    } finally {
      await browser.close();
      await app.stop();
    }
    return figures;
  },
};
