import { openDatabase, type Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate/migrate.ts';
import { BulkWriter } from '../../db/bulk/bulk-writer.ts';
import { Random } from '../../db/seed/random.ts';
import { campaignPlaylists, scrapeSnapshots } from '../../db/bulk/tables.ts';
import { uuidV7 } from '../../db/uuid-v7.ts';
import { createOrganization } from '../../tools/access/organizations.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner } from '../../tools/registry/runner.ts';
import { measureBigImportLatency, TARGET_MS } from './big-import-latency.ts';
import type { Benchmark, Figure } from './harness.ts';
import { medianMs, onScratchPostgres, timeMs } from './harness.ts';
import { planScrapeWorld, writeScrapeOrganization, type ScrapeWorld } from './scrape-world.ts';

const FILES = 10_000;
const AS_OF = '2026-11-20';
const NOW = new Date('2026-11-21T00:00:00Z');

/** The scraper import at the size of a busy label, and the scorecard query over what it loaded. */
export const ingestBench: Benchmark = {
  name: 'ingest',
  description:
    `ingest_scraped_data with ${FILES} song files (~20 playlists each) through the registry, then vendor_performance; on PGlite and, with BENCH_DATABASE_URL or TEST_DATABASE_URL, ` +
    'on a scratch Postgres database; floors: the same rows by one INSERT ... SELECT unnest per table, and one SQL sum over them. ' +
    `First, a 200,000-row import_streams over HTTP (queued as a job) while whoami is asked over HTTP every 50 ms: its latency against the ${TARGET_MS} ms target`,
  async run() {
    const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
    // First, while this process holds no bench data: the latency figures are about the server's own work.
    const figures = await closing(await openDatabase({}), (database) => measureBigImportLatency('PGlite', database));
    if (adminUrl) figures.push(...(await onScratchPostgres(adminUrl, (database) => closing(database, (open) => measureBigImportLatency('Postgres', open)))));
    const world = planScrapeWorld(new Random('ingest-bench'), FILES);
    figures.push(...(await measure('PGlite', await openDatabase({}), world)));
    if (adminUrl) figures.push(...(await onScratchPostgres(adminUrl, (database) => measure('Postgres', database, world))));
    return figures;
  },
};

async function closing<T>(database: Database, work: (database: Database) => Promise<T>): Promise<T> {
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function measure(backend: string, database: Database, world: ScrapeWorld): Promise<Figure[]> {
  try {
    await migrate(database);
    const { principal } = await writeScrapeOrganization(database, world, { name: 'Ingest bench', slug: 'ingest-bench' });
    const floorMs = await insertFloor(database, world);
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), log: silentLogger, now: () => NOW });
    const files = world.songs.map((song) => song.file);
    const first = await timeMs(() => runner.call('ingest_scraped_data', { files }, principal));
    expectOutput(first.result, { loaded: FILES, rejected: 0 });
    const again = await timeMs(() => runner.call('ingest_scraped_data', { files }, principal));
    expectOutput(again.result, { loaded: 0, unchanged: FILES });
    const queryMs = await medianMs(async () => expectOutput(await runner.call('vendor_performance', { as_of: AS_OF }, principal), {}), 3, 1);
    const queryFloorMs = await medianMs(() => database.sql.query(
      `SELECT p."vendorId", sum(c."streams12m") FROM "CampaignPlaylist" c JOIN "Playlist" p ON p."organizationId" = c."organizationId" AND p.id = c."playlistId"
       WHERE c."organizationId" = $1 GROUP BY p."vendorId"`, [principal.orgId]), 3, 1);
    const seconds = first.ms / 1000;
    const floorSeconds = floorMs / 1000;
    return [
      { bench: 'ingest', metric: `${FILES} files, ${backend}`, value: seconds, unit: 's', floor: { value: floorSeconds, what: 'INSERT ... SELECT unnest, no checks' } },
      { bench: 'ingest', metric: `throughput, ${backend}`, value: FILES / seconds, unit: 'files/s', floor: { value: FILES / floorSeconds, what: 'INSERT ... SELECT unnest, no checks' } },
      { bench: 'ingest', metric: `re-import (all unchanged), ${backend}`, value: again.ms / 1000, unit: 's' },
      { bench: 'ingest', metric: `vendor_performance after ingest, ${backend}`, value: queryMs, unit: 'ms', floor: { value: queryFloorMs, what: 'SQL sum(streams12m) by vendor' } },
    ];
  } finally {
    await database.close();
  }
}

function expectOutput(result: Awaited<ReturnType<ToolRunner['call']>>, expected: Record<string, number>): void {
  if (!result.ok) throw new Error(`bench call failed: ${JSON.stringify(result.error)}`);
  const output = result.output as Record<string, unknown>;
  for (const [key, value] of Object.entries(expected)) {
    if (output[key] !== value) throw new Error(`bench expected ${key} = ${value}, got ${JSON.stringify(output).slice(0, 500)}`);
  }
}

/** The same snapshots and playlist rows, into another organisation, one statement per table. */
async function insertFloor(database: Database, world: ScrapeWorld): Promise<number> {
  const { id: organizationId } = await createOrganization(database.prisma, { name: 'Ingest floor', slug: 'ingest-floor' });
  const writer = new BulkWriter(database.prisma, { batchSize: Number.MAX_SAFE_INTEGER });
  for (const { body, file } of world.songs) {
    const snapshotId = uuidV7();
    const scrapedAt = new Date(body.scraped_at);
    writer.add(scrapeSnapshots, {
      id: snapshotId, organizationId, spotifyTrackId: body.track_id, scrapedAt, trackName: body.track_name, artistName: body.artist_name,
      plays7d: body.plays.last_7d, plays28d: body.plays.last_28d, plays12m: body.plays.last_12m, saves: body.saves, playlistAdds: null, sourceFile: file.name,
    });
    for (const row of body.playlists) {
      writer.add(campaignPlaylists, {
        organizationId, snapshotId, spotifyTrackId: body.track_id, scrapedAt, playlistId: null, spotifyPlaylistId: row.playlist_id, name: row.name, curator: row.curator,
        streams7d: row.streams_7d, streams28d: row.streams_28d, streams12m: row.streams_12m, dateAdded: new Date(`${row.date_added}T00:00:00Z`),
      });
    }
  }
  return (await timeMs(() => writer.finish())).ms;
}

/** A migrated-on-demand scratch database on the given server, dropped afterwards. */
