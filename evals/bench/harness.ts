import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../db/database.ts';

/** One measured figure beside its floor: the same work done the plainest way possible. */
export interface Figure {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  /** The floor's value in the same unit, and what it is. */
  floor?: { value: number; what: string };
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<Figure[]>;
}

export async function timeMs<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** Median of `runs` timings, after `warmup` untimed runs. */
export async function medianMs(work: () => Promise<unknown>, runs: number, warmup = Math.min(3, runs)): Promise<number> {
  for (let index = 0; index < warmup; index++) await work();
  const timings: number[] = [];
  for (let index = 0; index < runs; index++) timings.push((await timeMs(work)).ms);
  return median(timings);
}

/** The middle value (the upper middle of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function formatTable(figures: Figure[]): string {
  const rows = figures.map((figure) => [
    figure.bench,
    figure.metric,
    `${round(figure.value)} ${figure.unit}`,
    figure.floor ? `${round(figure.floor.value)} ${figure.unit} (${figure.floor.what})` : '',
    figure.floor && figure.floor.value > 0 ? `${round(figure.value / figure.floor.value)}x` : '',
  ]);
  const header = ['bench', 'metric', 'value', 'floor', 'ratio'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function round(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** Runs `work` on a fresh database created beside `adminUrl`'s and dropped afterwards. */
export async function onScratchPostgres<T>(adminUrl: string, work: (database: Database) => Promise<T>): Promise<T> {
  const name = `crescendo_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await work(await openDatabase({ databaseUrl: url.toString() }));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => admin.end());
  }
}

/** `measure` on a fresh PGlite database, then (with BENCH_DATABASE_URL or TEST_DATABASE_URL) on a scratch Postgres one. */
export async function onEachBackend(measure: (backend: 'PGlite' | 'Postgres', database: Database) => Promise<Figure[]>): Promise<Figure[]> {
  const figures = await measure('PGlite', await openDatabase({}));
  const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (adminUrl) figures.push(...(await onScratchPostgres(adminUrl, (database) => measure('Postgres', database))));
  return figures;
}
