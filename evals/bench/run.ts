import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { adsSyncBench } from './ads-sync.bench.ts';
import { attributionBench } from './attribution.bench.ts';
import { creatorsBench } from './creators.bench.ts';
import { crmBench } from './crm.bench.ts';
import { deliveryBench } from './delivery.bench.ts';
import { formatTable, type Benchmark, type Figure } from './harness.ts';
import { ingestBench } from './ingest.bench.ts';
import { mcpCatalogueBench } from './mcp-catalogue.bench.ts';
import { migrateBench } from './migrate.bench.ts';
import { registryBench } from './registry.bench.ts';
import { reportsBench } from './reports.bench.ts';
import { seedBench } from './seed.bench.ts';
import { uiBench } from './ui.bench.ts';

/** `npm run bench [name...]`: runs the benchmarks, prints a table, writes evals/bench/results/latest.json. */
const BENCHMARKS: Benchmark[] = [migrateBench, seedBench, registryBench, ingestBench, deliveryBench, attributionBench, reportsBench, crmBench, creatorsBench, adsSyncBench, mcpCatalogueBench, uiBench];

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !BENCHMARKS.some((bench) => bench.name === name));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; available: ${BENCHMARKS.map((bench) => bench.name).join(', ')}`);
  process.exit(2);
}
const selected = requested.length ? BENCHMARKS.filter((bench) => requested.includes(bench.name)) : BENCHMARKS;
const figures: Figure[] = [];
for (const bench of selected) {
  console.error(`running ${bench.name}: ${bench.description}`);
  figures.push(...(await bench.run()));
}
console.log(formatTable(figures));
const folder = new URL('./results/', import.meta.url);
mkdirSync(folder, { recursive: true });
const file = new URL('latest.json', folder);
// Running some benchmarks replaces their figures and keeps the others', so the file always holds every benchmark.
const ran = new Set(selected.map((bench) => bench.name));
const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { figures: Figure[] }).figures.filter((figure) => !ran.has(figure.bench)) : [];
writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, figures: [...kept, ...figures] }, null, 2)}\n`);
