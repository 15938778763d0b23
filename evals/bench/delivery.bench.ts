import { openDatabase, type Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate/migrate.ts';
import { seedDemoOrganization } from '../../db/seed/seed-demo.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner, type Principal } from '../../tools/registry/runner.ts';
import { buildIngestedWorld, ingestEarlierWeeks, WORLD_FILES } from './delivery-world.ts';
import type { Benchmark, Figure } from './harness.ts';
import { medianMs, onScratchPostgres } from './harness.ts';

const TODAY = new Date('2026-11-20T00:00:00Z');
const AS_OF = '2026-11-20';
const RUNS = 5;
/** Scrapes per song in the history world (Postgres): the ingested one and this many minus one earlier weeks. */
const HISTORY_WEEKS = 4;

/** Where the figures are read: the organisation, its busiest campaign and client. */
interface Subject { principal: Principal; campaignId: string; clientId: string }

/**
 * The delivery figures as people ask for them, on the demo organisation (scale 1, weekly scrapes, so
 * the history rule has dropped playlists to keep) and after the ingest bench's 10,000 song files:
 * the vendor scorecard, one campaign, the campaign list and one client, each beside a hand-written
 * SQL floor over the same rows (the stored playlist links, no history rule, no ownership rule).
 */
export const deliveryBench: Benchmark = {
  name: 'delivery',
  description:
    `vendor_performance, get_campaign, list_campaigns, get_client and list_playlists (then campaign_alerts, recommend_vendors and the milestones job) at demo scale 1 and after a ${WORLD_FILES}-file ingest, on PGlite and, with ` +
    `BENCH_DATABASE_URL or TEST_DATABASE_URL, on a scratch Postgres database (there also with ${HISTORY_WEEKS} weekly scrapes per song); ` +
    'floors: one SQL sum of streams_12m over the stored playlist links for the same rows',
  async run() {
    const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
    const figures: Figure[] = [];
    figures.push(...(await measure('PGlite', await openDatabase({}))));
    if (adminUrl) figures.push(...(await onScratchPostgres(adminUrl, (database) => measure('Postgres', database))));
    return figures;
  },
};

async function measure(backend: string, database: Database): Promise<Figure[]> {
  try {
    await migrate(database);
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), log: silentLogger, now: () => new Date('2026-11-21T00:00:00Z') });
    const demo = await seedSubject(database);
    const figures = await measureSubject(database, runner, demo, `demo scale 1, ${backend}`);
    const ingested = await buildIngestedWorld(database, runner);
    await database.sql.query('ANALYZE');
    figures.push(...(await measureSubject(database, runner, ingested, `${WORLD_FILES} files, ${backend}`)));
    // Weekly scrapes give every song a history; on Postgres only (PGlite would take most of the bench's time to ingest them).
    if (backend === 'Postgres') {
      await ingestEarlierWeeks(runner, ingested.principal, ingested.world, HISTORY_WEEKS - 1);
      await database.sql.query('ANALYZE');
      figures.push(...(await measureSubject(database, runner, ingested, `${WORLD_FILES} files x ${HISTORY_WEEKS} weekly scrapes, ${backend}`)));
    }
    return figures;
  } finally {
    await database.close();
  }
}

async function seedSubject(database: Database): Promise<Subject> {
  const { organizationId } = await seedDemoOrganization(database, { slug: 'delivery-demo', scale: 1, today: TODAY });
  const [owner] = await database.sql.query<{ userId: string }>(`SELECT "userId" FROM "Membership" WHERE "organizationId" = $1 AND role = 'OWNER' LIMIT 1`, [organizationId]);
  const [busiest] = await database.sql.query<{ campaignId: string; clientId: string }>(
    `SELECT g.id AS "campaignId", g."clientId" FROM "CampaignGroup" g JOIN "Placement" p ON p."campaignGroupId" = g.id
     WHERE g."organizationId" = $1 GROUP BY g.id ORDER BY count(*) DESC, g.id LIMIT 1`, [organizationId]);
  return { principal: { orgId: organizationId, userId: owner!.userId, role: 'OWNER', surface: 'CLI' }, ...busiest! };
}

async function measureSubject(database: Database, runner: ToolRunner, subject: Subject, label: string): Promise<Figure[]> {
  const { principal, campaignId, clientId } = subject;
  const call = (tool: string, input: Record<string, unknown>, as: Principal = principal) => async () => {
    const result = await runner.call(tool, input, as);
    if (!result.ok) throw new Error(`bench call ${tool} failed: ${JSON.stringify(result.error)}`);
  };
  const floor = (sql: string, params: unknown[]) => medianMs(() => database.sql.query(sql, params), RUNS, 1);
  const linked = `FROM "Placement" p
    JOIN "CampaignPlaylist" c ON c."organizationId" = p."organizationId" AND c."spotifyTrackId" = p."spotifyTrackId"
    JOIN "Playlist" l ON l."organizationId" = c."organizationId" AND l.id = c."playlistId" AND l."vendorId" = p."vendorId"`;
  const scorecardFloor = await floor(
    `SELECT l."vendorId", sum(c."streams12m") FROM "CampaignPlaylist" c JOIN "Playlist" l ON l."organizationId" = c."organizationId" AND l.id = c."playlistId"
     WHERE c."organizationId" = $1 GROUP BY l."vendorId"`, [principal.orgId]);
  const campaignFloor = await floor(`SELECT p.id, sum(c."streams12m") ${linked} WHERE p."organizationId" = $1 AND p."campaignGroupId" = $2 GROUP BY p.id`, [principal.orgId, campaignId]);
  const listFloor = await floor(
    `SELECT p."campaignGroupId", sum(c."streams12m") ${linked}
     WHERE p."organizationId" = $1 AND p."campaignGroupId" IN (SELECT id FROM "CampaignGroup" WHERE "organizationId" = $1 ORDER BY id DESC LIMIT 50)
     GROUP BY p."campaignGroupId"`, [principal.orgId]);
  const clientFloor = await floor(
    `SELECT p."campaignGroupId", sum(c."streams12m") ${linked} JOIN "CampaignGroup" g ON g.id = p."campaignGroupId"
     WHERE p."organizationId" = $1 AND g."clientId" = $2 GROUP BY p."campaignGroupId"`, [principal.orgId, clientId]);
  const playlistsFloor = await floor(
    `SELECT c."playlistId", count(DISTINCT c."spotifyTrackId"), sum(c."streams12m") FROM "CampaignPlaylist" c
     WHERE c."organizationId" = $1 AND c."playlistId" IS NOT NULL GROUP BY c."playlistId"`, [principal.orgId]);
  const timed = async (tool: string, input: Record<string, unknown>, as?: Principal) => medianMs(call(tool, input, as), RUNS, 1);
  return [
    { bench: 'delivery', metric: `vendor_performance, ${label}`, value: await timed('vendor_performance', { as_of: AS_OF }), unit: 'ms', floor: { value: scorecardFloor, what: 'SQL sum(streams12m) by vendor' } },
    { bench: 'delivery', metric: `get_campaign (busiest), ${label}`, value: await timed('get_campaign', { campaign_id: campaignId, as_of: AS_OF }), unit: 'ms', floor: { value: campaignFloor, what: 'SQL sum(streams12m) by placement' } },
    { bench: 'delivery', metric: `list_campaigns (50), ${label}`, value: await timed('list_campaigns', { as_of: AS_OF, limit: 50 }), unit: 'ms', floor: { value: listFloor, what: 'SQL sum(streams12m) by campaign' } },
    { bench: 'delivery', metric: `get_client (busiest), ${label}`, value: await timed('get_client', { client_id: clientId, as_of: AS_OF }), unit: 'ms', floor: { value: clientFloor, what: 'SQL sum(streams12m) by campaign' } },
    { bench: 'delivery', metric: `list_playlists, ${label}`, value: await timed('list_playlists', { as_of: AS_OF }), unit: 'ms', floor: { value: playlistsFloor, what: 'SQL songs and sum(streams12m) by playlist' } },
    // The organisation-wide checks over the same figures: the overview's alerts, vendor recommendations, the milestones job after an import.
    { bench: 'delivery', metric: `campaign_alerts, ${label}`, value: await timed('campaign_alerts', { as_of: AS_OF }), unit: 'ms' },
    { bench: 'delivery', metric: `recommend_vendors, ${label}`, value: await timed('recommend_vendors', { goal_streams: 100_000, budget: 5_000 }), unit: 'ms' },
    {
      bench: 'delivery', metric: `record_campaign_milestones (job, all recorded), ${label}`, unit: 'ms',
      value: await timed('record_campaign_milestones', { as_of: AS_OF }, { ...principal, surface: 'JOB' }),
    },
  ];
}
