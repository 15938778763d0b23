import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { buildDeliveryScenario, type DeliveryScenario } from '../testing/delivery-scenario.ts';

describe('registering a playlist after its scrapes were imported', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let scenario: DeliveryScenario;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('relink'));
    scenario = await buildDeliveryScenario(database.prisma, org.id);
  });
  afterAll(async () => { await database.close(); });

  it('links the imported rows to it and refreshes its average', async () => {
    const result = await runner.call('add_vendor_playlist', { vendor_id: scenario.vendors.glenn, name: 'RANDOM MIX' }, org.as('OWNER'));
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const playlist = (result as { output: { id: string; avg_daily_streams: number | null } }).output;
    const rows = await database.prisma.campaignPlaylist.findMany({ where: { organizationId: org.id, name: 'Random Mix' } });
    expect(rows.map((row) => row.playlistId)).toEqual([playlist.id]);
    // The duet's latest scrape: 300 streams in 28 days on Random Mix.
    expect(playlist.avg_daily_streams).toBe(Math.round(300 / 28));
  });
});
