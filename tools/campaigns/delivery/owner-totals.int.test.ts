import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { scopeToOrganization, type ToolDb } from '../../registry/tenant-scope.ts';
import { createTestOrganization } from '../../testing/fixtures.ts';
import { AS_OF, buildDeliveryScenario, TRACKS, type DeliveryScenario } from '../testing/delivery-scenario.ts';
import { loadDelivery } from './load-delivery.ts';

/**
 * The organisation-wide figures read the latest scrapes from the owner totals cache; the detailed
 * path adds up every playlist row. After every change that could make the cache stale (a playlist
 * registered, a new scrape with a playlist never seen before), both must agree, and the cache must
 * hold one registry version covering every scrape.
 */
describe('owner totals cache', () => {
  let database: Database;
  let db: ToolDb;
  let organizationId: string;
  let scenario: DeliveryScenario;
  const options = { asOf: new Date(`${AS_OF}T00:00:00Z`), baseCurrency: 'USD', timeZone: 'UTC' };

  beforeAll(async () => {
    database = await openTestDatabase();
    organizationId = (await createTestOrganization(database, 'owner-totals')).id;
    scenario = await buildDeliveryScenario(database.prisma, organizationId);
    db = scopeToOrganization(database.prisma, organizationId, { write: true, approvals: false, access: false }) as unknown as ToolDb;
  });
  afterAll(async () => { await database.close(); });

  const delivered = async (withPlaylists: boolean) => {
    const report = await loadDelivery(db, organizationId, { ...options, withPlaylists });
    return Object.fromEntries(report.placements.map((placement) => [placement.placementId, [placement.delivered, placement.streams7d, placement.streams28d]]));
  };
  const cache = async () => {
    const [row] = await database.sql.query<{ versions: number; scrapes: number; covered: number }>(
      `SELECT count(DISTINCT registry)::int AS versions, (SELECT count(*)::int FROM "ScrapeSnapshot" WHERE "organizationId" = $1) AS scrapes,
              count(DISTINCT "snapshotId")::int AS covered
       FROM "ScrapeOwnerTotal" WHERE "organizationId" = $1`, [organizationId]);
    return row;
  };
  const scrape = async (track: string, at: string, rows: Array<[string | null, string, string | null, number]>) => {
    const snapshot = await database.prisma.scrapeSnapshot.create({ data: { organizationId, spotifyTrackId: track, scrapedAt: new Date(at), plays7d: 0, plays28d: 0, plays12m: 0 } });
    await database.prisma.campaignPlaylist.createMany({
      data: rows.map(([spotifyPlaylistId, name, curator, streams12m]) => ({
        organizationId, snapshotId: snapshot.id, spotifyTrackId: track, scrapedAt: new Date(at), spotifyPlaylistId, name, curator, streams7d: 1, streams28d: 2, streams12m,
      })),
    });
  };

  it('fills one registry version covering every scrape, with the figures of the rows', async () => {
    const summed = await delivered(false);
    expect(summed).toEqual(await delivered(true));
    expect(summed[scenario.placements.nightDrive]).toEqual([15_000, 1_000, 4_000]);
    expect(await cache()).toEqual({ versions: 1, scrapes: 5, covered: 5 });
  });

  it('a playlist registered to a vendor moves its streams at once, and the old version goes', async () => {
    // Random Mix was organic on the two-vendor duet; registered to Glenn, its 600 are his.
    await database.prisma.playlist.create({ data: { organizationId, vendorId: scenario.vendors.glenn, name: 'Random Mix', genres: [] } });
    const summed = await delivered(false);
    expect(summed[scenario.placements.duetGlenn]![0]).toBe(4_500 + 600);
    expect(summed).toEqual(await delivered(true));
    expect(await cache()).toEqual({ versions: 1, scrapes: 5, covered: 5 });
  });

  it('a new scrape with a playlist never seen before counts before and after it is cached', async () => {
    await scrape(TRACKS.quiet, '2026-11-20T01:00:00Z', [[null, 'Brand New Silent Mix', 'Bob', 777], [null, 'Late Night Techno', 'Glenn', 1_000]]);
    const summed = await delivered(false);
    // Quiet has two vendors, so the unknown playlist is organic; Glenn's own playlist now shows 1,000.
    expect(summed[scenario.placements.quietGlennToday]![0]).toBe(1_000);
    expect(summed).toEqual(await delivered(true));
    expect(await cache()).toEqual({ versions: 1, scrapes: 6, covered: 6 });
    await database.prisma.playlist.create({ data: { organizationId, vendorId: scenario.vendors.silentBob, name: 'Brand New Silent Mix', genres: [] } });
    const afterRegistering = await delivered(false);
    expect(afterRegistering[scenario.placements.quietBob]![0]).toBe(777);
    expect(afterRegistering).toEqual(await delivered(true));
  });
});
