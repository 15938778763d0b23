import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { AS_OF, buildDeliveryScenario, TRACKS, type DeliveryScenario } from '../testing/delivery-scenario.ts';

type Alert = {
  type: string; severity: string; placement_id: string | null; track_id: string; message: string; action: string;
  campaign_id: string; campaign_name: string; vendor_name: string | null; track_url: string; playlist_name: string | null; delivery_rate: number | null;
};

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

  it('says which song and vendor fall short, by how much as a percentage, and links the campaign and the song', async () => {
    const nightDrive = (await alerts({ as_of: AS_OF })).find((alert) => alert.placement_id === scenario.placements.nightDrive)!;
    // 10,000 on the vendor's playlist + 5,000 on the auto-detected one, against 19 days x 1,000 promised.
    expect(nightDrive).toMatchObject({
      campaign_id: scenario.campaignId, campaign_name: 'Autumn push', vendor_name: 'Club Restricted', delivery_rate: 0.7895,
      track_url: `https://open.spotify.com/track/${TRACKS.nightDrive}`, playlist_name: null,
      message: `Club Restricted is delivering 79% of the streams promised so far for "${TRACKS.nightDrive}": 15,000 of 19,000.`,
    });
    expect(nightDrive.action).toBe('Ask Club Restricted for a catch-up plan or a make-good (5,000 streams still owed); if delivery stays below 80%, move the rest of the budget to vendors that deliver.');
  });

  it('never shows a person a tool name or a rate as a fraction', async () => {
    const all = [...(await alerts({ as_of: AS_OF })), ...(await alerts({ as_of: '2026-12-01', grace_days: 90 }))];
    expect(new Set(all.map((alert) => alert.type))).toEqual(new Set(['under_delivering', 'stale_scrape', 'dropped_from_playlist']));
    for (const alert of all) {
      expect(`${alert.message} ${alert.action}`).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
      expect(`${alert.message} ${alert.action}`).not.toMatch(/\b0\.\d/);
    }
  });

  it('flags a song that left a vendor playlist since the previous scrape', async () => {
    const dropped = (await alerts({ as_of: AS_OF })).filter((alert) => alert.type === 'dropped_from_playlist');
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({
      placement_id: scenario.placements.duetClub, playlist_name: 'Club Bangers', delivery_rate: null,
      message: `"${TRACKS.duet}" left Club Restricted's playlist "Club Bangers" between the scrapes of 2026-11-12 and 2026-11-19.`,
    });
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
