import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { AS_OF, buildDeliveryScenario, TRACKS, type DeliveryScenario } from '../testing/delivery-scenario.ts';

type Alert = { type: string; severity: string; placement_id: string | null; track_id: string; message: string; action: string };

describe('campaign_alerts', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let scenario: DeliveryScenario;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('alerts'));
    scenario = await buildDeliveryScenario(database.prisma, org.id);
    // An earlier scrape of the duet that was also on a second Club Restricted playlist, gone since.
    await database.prisma.playlist.create({ data: { organizationId: org.id, vendorId: scenario.vendors.clubRestricted, name: 'Club Bangers', spotifyPlaylistId: '37i9dQZF1DXexample0003' } });
    const earlier = await database.prisma.scrapeSnapshot.create({ data: { organizationId: org.id, spotifyTrackId: TRACKS.duet, scrapedAt: new Date('2026-11-12T03:00:00Z'), plays7d: 0, plays28d: 0, plays12m: 0 } });
    await database.prisma.campaignPlaylist.createMany({
      data: [
        { organizationId: org.id, snapshotId: earlier.id, spotifyTrackId: TRACKS.duet, scrapedAt: earlier.scrapedAt, spotifyPlaylistId: '37i9dQZF1DXexample0003', name: 'Club Bangers', curator: 'Club Restricted', streams7d: 10, streams28d: 10, streams12m: 10 },
        { organizationId: org.id, snapshotId: earlier.id, spotifyTrackId: TRACKS.duet, scrapedAt: earlier.scrapedAt, spotifyPlaylistId: null, name: 'Late Night Techno', curator: 'Glenn', streams7d: 10, streams28d: 10, streams12m: 10 },
      ],
    });
  });
  afterAll(async () => { await database.close(); });

  async function alerts(input: Record<string, unknown>): Promise<Alert[]> {
    const result = await runner.call('campaign_alerts', input, org.as('VIEWER'));
    if (!result.ok) throw new Error(result.error.message);
    return (result.output as { alerts: Alert[] }).alerts;
  }

  it('flags under-delivery after the grace period, most severe first', async () => {
    const under = (await alerts({ as_of: AS_OF })).filter((alert) => alert.type === 'under_delivering');
    // Night Drive 0.79 after 19 days and the duet with Club 0.6 after 10 days (medium); Silent Bob 0 (high).
    // Glenn's duet placement (5 days) is within the grace period; his other one has nothing promised yet.
    expect(under.map((alert) => [alert.placement_id, alert.severity])).toEqual([
      [scenario.placements.quietBob, 'high'],
      [scenario.placements.nightDrive, 'medium'],
      [scenario.placements.duetClub, 'medium'],
    ].sort((a, b) => (a[1] === b[1] ? 0 : a[1] === 'high' ? -1 : 1)));
    expect(under[0]!.action).toMatch(/Silent Bob.*10,000 streams still owed/);
  });

  it('flags a song that left a vendor playlist since the previous scrape', async () => {
    const dropped = (await alerts({ as_of: AS_OF })).filter((alert) => alert.type === 'dropped_from_playlist');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ placement_id: scenario.placements.duetClub, message: expect.stringContaining('"Club Bangers"') });
  });

  it('flags stale and missing scrapes', async () => {
    const stale = (await alerts({ as_of: '2026-12-01', grace_days: 90 })).filter((alert) => alert.type === 'stale_scrape');
    expect(stale.map((alert) => alert.track_id).sort()).toEqual([TRACKS.duet, TRACKS.nightDrive, TRACKS.quiet].sort());
    expect(await alerts({ as_of: AS_OF, grace_days: 90 })).toEqual(expect.not.arrayContaining([expect.objectContaining({ type: 'stale_scrape' })]));
  });

  it('leaves paused and completed campaigns alone', async () => {
    await database.prisma.campaignGroup.update({ where: { id: scenario.campaignId }, data: { status: 'PAUSED' } });
    expect(await alerts({ as_of: AS_OF })).toEqual([]);
    await database.prisma.campaignGroup.update({ where: { id: scenario.campaignId }, data: { status: 'ACTIVE' } });
  });
});
