import type { Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate/migrate.ts';
import { createOrganization } from '../../tools/access/organizations.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner, type Principal } from '../../tools/registry/runner.ts';
import type { Benchmark, Figure } from './harness.ts';
import { medianMs, onEachBackend, timeMs } from './harness.ts';

const RECORDS = Number(process.env.BENCH_REPORT_RECORDS ?? 1_000_000);
const CHANNELS = ['meta', 'tiktok', 'google', 'youtube', 'snapchat', 'pinterest', 'spotify_ads', 'reddit'];
const FROM = '2025-12-01';
const TO = '2026-11-30';
const RUNS = 3;

const REPORT = {
  metrics: ['spend', 'impressions', 'clicks', 'ctr', 'cpc', 'cpm'],
  dimensions: ['channel'],
  date_range: { from: FROM, to: TO },
  time_grain: 'day',
  limit: 5000,
};

/**
 * The floor: the plainest query over the same rows, the same daily and per-channel groups and the
 * same sums, with nothing a report adds (imported spend beside the records, channel names
 * normalised, every period present, formulas, totals).
 */
const FLOOR_SQL = `
  SELECT (date_trunc('day', "recordedAt" AT TIME ZONE 'UTC'))::date AS day, payload ->> 'channel' AS channel,
         sum((payload ->> 'spend')::float8) AS spend, sum((payload ->> 'impressions')::float8) AS impressions, sum((payload ->> 'clicks')::float8) AS clicks
  FROM "UnifiedRecord" WHERE "organizationId" = $1 AND "recordedAt" >= $2 AND "recordedAt" < $3
  GROUP BY 1, 2`;

/** A 12-month daily by-channel report over a million unified records, against a hand-written GROUP BY. */
export const reportsBench: Benchmark = {
  name: 'reports',
  description:
    `run_report (spend, impressions, clicks, ctr, cpc, cpm by channel and day over 12 months) on ${RECORDS.toLocaleString('en-US')} unified records, ` +
    'PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) Postgres; floor: one GROUP BY day, channel with the same sums',
  run: () => onEachBackend(measure),
};

async function measure(backend: string, database: Database): Promise<Figure[]> {
  try {
    await migrate(database);
    const organization = await createOrganization(database.prisma, { name: 'Bench', slug: 'bench', ownerEmail: 'owner@bench.test' });
    const principal: Principal = { orgId: organization.id, userId: organization.owner.id, role: 'ANALYST', surface: 'CLI' };
    const imported = await timeImport(runner(database), principal);
    const load = await timeMs(() => writeRecords(database, organization.id));
    await database.sql.query('ANALYZE "UnifiedRecord"');
    const floorMs = await medianMs(() => database.sql.query(FLOOR_SQL, [organization.id, `${FROM}T00:00:00Z`, '2026-12-01T00:00:00Z']), RUNS, 1);
    const reportMs = await medianMs(async () => {
      const result = await runner(database).call('run_report', REPORT, principal);
      if (!result.ok) throw new Error(`run_report: ${result.error.message}`);
      const rows = (result.output as { total_rows: number }).total_rows;
      if (rows !== 365 * CHANNELS.length) throw new Error(`run_report gave ${rows} rows, expected ${365 * CHANNELS.length}`);
    }, RUNS, 1);
    return [
      { bench: 'reports', metric: `import_records ${IMPORTED.toLocaleString('en-US')} new records in one call, ${backend}`, value: IMPORTED / imported.first, unit: 'records/s' },
      { bench: 'reports', metric: `import_records the same ${IMPORTED.toLocaleString('en-US')} again (unchanged), ${backend}`, value: IMPORTED / imported.again, unit: 'records/s' },
      { bench: 'reports', metric: `load ${RECORDS.toLocaleString('en-US')} unified records, ${backend}`, value: load.ms / 1000, unit: 's' },
      { bench: 'reports', metric: `run_report 12 months daily by channel, ${backend}`, value: reportMs, unit: 'ms', floor: { value: floorMs, what: 'GROUP BY day, channel' } },
    ];
  } finally {
    await database.close();
  }
}

const runner = (database: Database) => new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), log: silentLogger });

const IMPORTED = Number(process.env.BENCH_IMPORT_RECORDS ?? 100_000);

/** import_records through the registry: a batch of new ad rows (half in EUR), then the same batch again. Seconds each. */
async function timeImport(tools: ToolRunner, principal: Principal): Promise<{ first: number; again: number }> {
  const fx = await tools.call('set_fx_rate', { date: '2025-01-01', base: 'EUR', quote: 'USD', rate: 1.1 }, principal);
  if (!fx.ok) throw new Error(fx.error.message);
  const records = Array.from({ length: IMPORTED }, (_, index) => ({
    source_record_id: `import-${index}`,
    recorded_at: `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}T${String(index % 24).padStart(2, '0')}:15:00Z`,
    campaign_key: `campaign-${index % 40}`,
    ...(index % 2 ? { currency: 'EUR' } : {}),
    channel: CHANNELS[index % CHANNELS.length],
    spend: index % 100,
    impressions: index * 3,
    clicks: index % 17,
  }));
  const once = async () => {
    const started = performance.now();
    const result = await tools.call('import_records', { data_source: 'bench_ads', records }, principal);
    if (!result.ok) throw new Error(`import_records: ${result.error.message}`);
    return (performance.now() - started) / 1000;
  };
  return { first: await once(), again: await once() };
}

/**
 * Records spread evenly over the 12 months (UTC, the bench organisation's zone), each a paid-media
 * day row of one channel with spend, impressions, clicks and reach; generated in the database
 * (deterministic arithmetic on the row number) so the load is not what is measured.
 */
async function writeRecords(database: Database, organizationId: string): Promise<void> {
  const span = Date.parse('2026-12-01T00:00:00Z') - Date.parse(`${FROM}T00:00:00Z`);
  await database.sql.query(
    `INSERT INTO "UnifiedRecord" (id, "organizationId", "recordedAt", "dataSource", "sourceCategory", "sourceRecordId", "campaignKey", payload, "updatedAt")
     SELECT 'bench-' || n, $1, $2::timestamptz + make_interval(secs => (n::float8 * $3::float8 / $4::float8) / 1000),
            'ads_' || (n % 3), 'EXTERNAL_MARKETING', 'r' || n, 'campaign-' || (n % 40),
            jsonb_build_object('channel', ($5::text[])[1 + n % ${CHANNELS.length}], 'spend', round(((n * 7919) % 5000) / 100.0, 2),
                               'impressions', 100 + (n * 104729) % 9000, 'clicks', (n * 31) % 90, 'reach', 50 + (n * 13) % 4000),
            now()
     FROM generate_series(1::bigint, $4::bigint) AS n`,
    [organizationId, `${FROM}T00:00:00Z`, span, RECORDS, CHANNELS],
  );
}
