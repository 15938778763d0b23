import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { scopeToOrganization, type ToolDb } from '../../registry/tenant-scope.ts';
import { createTestOrganization } from '../../testing/fixtures.ts';
import { AS_OF, buildDeliveryScenario, type DeliveryScenario } from '../testing/delivery-scenario.ts';
import { loadDelivery } from './load-delivery.ts';

describe('loadDelivery', () => {
  let database: Database;
  let db: ToolDb;
  let organizationId: string;
  let scenario: DeliveryScenario;

  beforeAll(async () => {
    database = await openTestDatabase();
    organizationId = (await createTestOrganization(database, 'delivery')).id;
    scenario = await buildDeliveryScenario(database.prisma, organizationId);
    db = scopeToOrganization(database.prisma, organizationId, { write: false, approvals: false, access: false }) as unknown as ToolDb;
  });
  afterAll(async () => { await database.close(); });

  it('sums in the database exactly what it credits row by row', async () => {
    const options = { asOf: new Date(`${AS_OF}T00:00:00Z`), baseCurrency: 'USD', timeZone: 'UTC' };
    const detailed = await loadDelivery(db, organizationId, options);
    const summed = await loadDelivery(db, organizationId, { ...options, withPlaylists: false });
    const figures = (report: typeof detailed) => report.placements.map((p) => [p.placementId, p.delivered, p.streams7d, p.streams28d, p.promised, p.scrapedAt?.toISOString()]);
    expect(figures(summed)).toEqual(figures(detailed));
    expect(summed.placements.every((placement) => placement.playlists.length === 0)).toBe(true);
    // The database's sums (ownership decided per playlist identity) equal the rows credited one by one in TypeScript.
    for (const placement of detailed.placements) {
      expect(placement.playlists.reduce((sum, playlist) => sum + playlist.streams12m, 0)).toBe(placement.delivered);
    }
  });

  it('ends as_of at the organisation\'s local midnight', async () => {
    const asOf = new Date(`${AS_OF}T00:00:00Z`);
    const delivered = async (timeZone: string) => {
      const report = await loadDelivery(db, organizationId, { asOf, baseCurrency: 'USD', timeZone, withPlaylists: false });
      return report.placements.find((placement) => placement.placementId === scenario.placements.nightDrive)!.delivered;
    };
    // The scrape of 2026-11-21T02:00Z is still the 20th (18:00) in Los Angeles, and already the 21st in Madrid.
    expect(await delivered('UTC')).toBe(15_000);
    expect(await delivered('Europe/Madrid')).toBe(15_000);
    // GYM's 99,999 from that scrape, plus Gym Hits 2026, which it no longer lists: its 5,000 of 11-19 stay (history rule).
    expect(await delivered('America/Los_Angeles')).toBe(104_999);
  });

  it('lists each placement\'s credited playlists, biggest first', async () => {
    const report = await loadDelivery(db, organizationId, { asOf: new Date(`${AS_OF}T00:00:00Z`), baseCurrency: 'USD', timeZone: 'UTC' });
    const nightDrive = report.placements.find((placement) => placement.placementId === scenario.placements.nightDrive)!;
    expect(nightDrive.playlists.map((playlist) => [playlist.name, playlist.owner.kind, playlist.streams12m])).toEqual([
      ['GYM - TEMAZOS MOTIVACION 2025', 'vendor', 10_000],
      ['Gym Hits 2026', 'auto_detected', 5_000],
    ]);
  });

  it('a removed placement keeps its delivered streams; its promise stops on the removal day; paused ones promise as before', async () => {
    // quietBob: 100 a day from 11-01, removed on 11-10 (Madrid evening, still the 10th there) -> 9 days, 900 instead of 1,900.
    await database.prisma.placement.update({ where: { id: scenario.placements.quietBob }, data: { removedAt: new Date('2026-11-10T20:00:00Z') } });
    await database.prisma.placement.update({ where: { id: scenario.placements.nightDrive }, data: { status: 'PAUSED' } });
    const report = await loadDelivery(db, organizationId, { asOf: new Date(`${AS_OF}T00:00:00Z`), baseCurrency: 'USD', timeZone: 'Europe/Madrid', withPlaylists: false });
    const byId = new Map(report.placements.map((placement) => [placement.placementId, placement]));
    expect(byId.get(scenario.placements.quietBob)).toMatchObject({ promised: 900, delivered: 0, removedAt: new Date('2026-11-10T20:00:00Z') });
    expect(byId.get(scenario.placements.nightDrive)).toMatchObject({ promised: 19_000, delivered: 15_000, status: 'PAUSED' });
  });
});
