import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { InProcessJobQueue } from '../../../jobs/in-process-queue.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';

const NOW = new Date('2026-11-09T12:00:00Z');
const SLOW = '1301WleyT98MSxVHPZCA6M';
const DONE = '4uLU6hMCjMI75M1A2tKUQC';
const PAUSED = '7qiZfU4dY1lWllzX7mPBI3';
const LIST = '37i9dQZF1DXvendorList1';

function scrape(track: string, day: string, streams12m: number) {
  const content = { track_id: track, scraped_at: `${day}T02:00:00Z`, plays: { last_7d: 1, last_28d: 2, last_12m: 3 }, playlists: [{ playlist_id: LIST, name: 'Vendor List', curator: 'Vendor', streams_7d: 1, streams_28d: 2, streams_12m: streams12m }] };
  return { name: `song_${track}_${day.replaceAll('-', '')}T020000Z.json`, content: JSON.stringify(content) };
}

// Hand-computed, promise = min(goal, daily x days since 1 Nov):
// Slow (goal 100,000 at 10,000/day): 5 Nov 36,000 of 40,000 = exactly 90% (on the line, not under), 6 Nov 40,000 of 50,000 = 80%,
// 7 Nov 45,000 of 60,000 = 75%, 8 Nov 50,000 of 70,000 = 71%: under the line at three scrapes in a row only from 8 Nov.
// Done: 12,000 delivered against a live goal of 10,000 (its removed 50,000-goal placement does not count): reached.
// Paused campaign: 20,000 of 10,000, but only active campaigns are watched.
describe('record_campaign_milestones', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;
  const milestones = async (organizationId = org.id) =>
    (await database.prisma.campaignMilestone.findMany({ where: { organizationId }, orderBy: [{ kind: 'asc' }, { key: 'asc' }] })).map((row) => [row.kind, row.message]);
  const ingest = async (files: ReturnType<typeof scrape>[]) => {
    await owner.ok('ingest_scraped_data', { files });
    await jobs.drain();
  };

  beforeAll(async () => {
    ({ database, runner, jobs, org } = await openToolTestWorld('milestones', { now: () => NOW }));
    owner = caller(runner, () => org.as('OWNER'));
    const organizationId = org.id;
    const prisma = database.prisma;
    const vendor = await prisma.vendor.create({ data: { organizationId, name: 'List Co', costPer1kStreams: 5 } });
    await prisma.playlist.create({ data: { organizationId, vendorId: vendor.id, name: 'Vendor List', spotifyPlaylistId: LIST } });
    const client = await prisma.client.create({ data: { organizationId, name: 'Label' } });
    const campaign = (name: string, status: 'ACTIVE' | 'PAUSED' = 'ACTIVE') =>
      prisma.campaignGroup.create({ data: { organizationId, clientId: client.id, name, artistName: 'Artist', startDate: new Date('2026-11-01'), status } });
    const place = (campaignGroupId: string, track: string, goal: number, daily: number, removedAt: Date | null = null) =>
      prisma.placement.create({ data: { organizationId, campaignGroupId, vendorId: vendor.id, trackUrl: track, spotifyTrackId: track, songName: null, goal, daily, price: 10, startDate: new Date('2026-11-01'), removedAt } });
    await place((await campaign('Slow')).id, SLOW, 100_000, 10_000);
    const done = await campaign('Done');
    await place(done.id, DONE, 10_000, 1_000);
    await place(done.id, DONE, 50_000, 1_000, new Date('2026-11-02T00:00:00Z'));
    await place((await campaign('Paused', 'PAUSED')).id, PAUSED, 10_000, 1_000);
  });
  afterAll(async () => { await database.close(); });

  it('a placement exactly on the 90% line is not under it', async () => {
    await ingest([scrape(SLOW, '2026-11-05', 36_000), scrape(DONE, '2026-11-05', 2_000), scrape(PAUSED, '2026-11-05', 20_000)]);
    await ingest([scrape(SLOW, '2026-11-06', 40_000)]);
    await ingest([scrape(SLOW, '2026-11-07', 45_000)]);
    expect(await milestones()).toEqual([]);
  });

  it('goal reached and three scrapes under the line fire on the scrape that completes them, for active campaigns and live placements only', async () => {
    await ingest([scrape(SLOW, '2026-11-08', 50_000), scrape(DONE, '2026-11-08', 12_000)]);
    expect(await milestones()).toEqual([
      ['GOAL_REACHED', '“Done” reached its goal: 12,000 of 10,000 streams delivered as of 2026-11-09.'],
      ['UNDER_DELIVERY', `Track ${SLOW} with List Co in “Slow” delivered under 90% of its promise at 3 scrapes in a row (2026-11-06 80%, 2026-11-07 75%, 2026-11-08 71%).`],
    ]);
  });

  it('fires once: a later run records nothing new', async () => {
    const asJob = caller(runner, () => org.as('CAMPAIGN_MANAGER', { surface: 'JOB', userId: null }));
    expect(await asJob.ok('record_campaign_milestones', {})).toEqual({ as_of: '2026-11-09', fired: [], already_recorded: 2 });
    expect(await milestones()).toHaveLength(2);
  });

  it("another organisation's run records nothing of this one's campaigns", async () => {
    const other = await createTestOrganization(database, 'milestones-b');
    const asOther = caller(runner, () => other.as('CAMPAIGN_MANAGER', { surface: 'JOB', userId: null }));
    expect(await asOther.ok('record_campaign_milestones', {})).toEqual({ as_of: '2026-11-09', fired: [], already_recorded: 0 });
    expect(await milestones(other.id)).toEqual([]);
  });
});
