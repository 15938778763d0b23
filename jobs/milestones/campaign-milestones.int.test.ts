import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay } from '../../tools/common/format.ts';
import { caller } from '../../tools/testing/caller.ts';
import { openSlackTestWorld, TEAM_A, type SlackTestWorld } from '../../bots/testing/slack-test-world.ts';

const NIGHT_DRIVE = '4uLU6hMCjMI75M1A2tKUQC';
const LOW_TIDE = '7qiZfU4dY1lWllzX7mPBI3';
const PULSE_HITS = '37i9dQZF1DXpulseHits01';
const WAVE_CHILL = '37i9dQZF1DXwaveChill01';

/** One scraper file: the song on the given vendor playlists with their 12-month streams. */
function scrapeFile(track: string, day: string, playlists: Array<{ id: string; name: string; streams12m: number }>) {
  const content = {
    track_id: track,
    scraped_at: `${day}T02:00:00Z`,
    plays: { last_7d: 1000, last_28d: 4000, last_12m: 20_000 },
    playlists: playlists.map((playlist) => ({ playlist_id: playlist.id, name: playlist.name, curator: 'Curator', streams_7d: 100, streams_28d: 400, streams_12m: playlist.streams12m })),
  };
  return { name: `song_${track}_${day.replaceAll('-', '')}T020000Z.json`, content: JSON.stringify(content) };
}

const pulse = (streams12m: number) => ({ id: PULSE_HITS, name: 'Pulse Hits', streams12m });
const wave = (streams12m: number) => ({ id: WAVE_CHILL, name: 'Wave Chill', streams12m });

// Night Drive: goal 10,000 at 1,000 a day from 1 Nov; Pulse Hits has it at 4,000, 8,000, then 12,000 streams: the goal is reached on the third scrape.
// Low Tide: goal 100,000 at 10,000 a day from 1 Nov; Wave Chill has it at 5,000 (of 40,000 promised by 5 Nov: 12.5%), 6,000 (of 50,000: 12%),
// then drops it on 7 Nov, keeping its 6,000 (of 60,000: 10%): under the 90% line three scrapes in a row, and dropped from a vendor playlist.
const SCRAPES = [
  [scrapeFile(NIGHT_DRIVE, '2026-11-05', [pulse(4_000)]), scrapeFile(LOW_TIDE, '2026-11-05', [wave(5_000)])],
  [scrapeFile(NIGHT_DRIVE, '2026-11-06', [pulse(8_000)]), scrapeFile(LOW_TIDE, '2026-11-06', [wave(6_000)])],
  [scrapeFile(NIGHT_DRIVE, '2026-11-07', [pulse(12_000)]), scrapeFile(LOW_TIDE, '2026-11-07', [])],
];

describe('campaign milestones after scrape imports, in Slack', () => {
  let world: SlackTestWorld;
  let owner: ReturnType<typeof caller>;
  const today = isoDay(new Date());
  const posts = (channel: string) => world.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
  const textOf = (call: { args: Record<string, unknown> }) => JSON.stringify(call.args.blocks ?? call.args.text);

  beforeAll(async () => {
    world = await openSlackTestWorld();
    const organizationId = world.orgA.id;
    const prisma = world.database.prisma;
    owner = caller(world.runner, () => world.orgA.as('OWNER'));
    await prisma.slackChannelBinding.create({ data: { organizationId, teamId: TEAM_A, channelId: 'CALERTS', purpose: 'ALERTS' } });
    world.slack.addUser({ id: 'UANA', email: 'ana@label.test' });
    const client = await prisma.client.create({ data: { organizationId, name: 'Northside Records' } });
    const vendor = async (name: string, playlist: { id: string; name: string }) => {
      const created = await prisma.vendor.create({ data: { organizationId, name, costPer1kStreams: 5 } });
      await prisma.playlist.create({ data: { organizationId, vendorId: created.id, name: playlist.name, spotifyPlaylistId: playlist.id } });
      return created.id;
    };
    const campaign = async (name: string, track: string, vendorId: string, goal: number, daily: number, salesperson: string | null) => {
      const created = await prisma.campaignGroup.create({ data: { organizationId, clientId: client.id, name, artistName: 'Vera Hale', startDate: new Date('2026-11-01'), salesperson } });
      await prisma.placement.create({
        data: { organizationId, campaignGroupId: created.id, vendorId, trackUrl: `https://open.spotify.com/track/${track}`, spotifyTrackId: track, songName: name, goal, daily, price: 100, startDate: new Date('2026-11-01') },
      });
    };
    await campaign('Night Drive', NIGHT_DRIVE, await vendor('Pulse Media', pulse(0)), 10_000, 1_000, 'Ana Ruiz <ana@label.test>');
    await campaign('Low Tide', LOW_TIDE, await vendor('Wave Media', wave(0)), 100_000, 10_000, null);
  });
  afterAll(async () => { await world?.close(); });

  it('announces nothing until a milestone is reached', async () => {
    for (const files of SCRAPES.slice(0, 2)) {
      expect(await owner.ok('ingest_scraped_data', { files })).toMatchObject({ loaded: 2 });
      await world.jobs.drain();
    }
    expect(await world.database.prisma.campaignMilestone.count()).toBe(0);
    expect(posts('CALERTS')).toHaveLength(0);
  });

  it('on the scrape that reaches them, posts each milestone to the alert channel and the salesperson', async () => {
    await owner.ok('ingest_scraped_data', { files: SCRAPES[2] });
    await world.jobs.drain();
    const stored = await world.database.prisma.campaignMilestone.findMany({ where: { organizationId: world.orgA.id }, orderBy: { kind: 'asc' } });
    expect(stored.map((row) => [row.kind, row.message])).toEqual([
      ['GOAL_REACHED', `“Night Drive” reached its goal: 12,000 of 10,000 streams delivered as of ${today}.`],
      ['UNDER_DELIVERY', 'Low Tide with Wave Media in “Low Tide” delivered under 90% of its promise at 3 scrapes in a row (2026-11-05 13%, 2026-11-06 12%, 2026-11-07 10%).'],
      ['DROPPED_FROM_PLAYLIST', "Low Tide was dropped from Wave Media's playlist “Wave Chill” (“Low Tide”), first missing from the scrape of 2026-11-07; its 6,000 streams still count."],
    ]);
    const [channelPost, ...more] = posts('CALERTS');
    expect(more).toHaveLength(0);
    expect(channelPost!.args.text).toContain('Campaign milestones');
    for (const row of stored) expect(textOf(channelPost!)).toContain(JSON.stringify(row.message).slice(1, 40));
    // Ana sold Night Drive only: her direct message has its milestone and no other.
    const [direct, ...moreDirect] = posts('UANA');
    expect(moreDirect).toHaveLength(0);
    expect(textOf(direct!)).toContain('Night Drive” reached its goal');
    expect(textOf(direct!)).not.toContain('Low Tide');
  });

  it('fires each milestone once: the job again, or a later scrape, announces nothing new', async () => {
    const postsBefore = world.slack.callsTo('chat.postMessage').length;
    await world.jobs.enqueue({ name: 'milestones.campaigns', payload: { organizationId: world.orgA.id } });
    await world.jobs.drain();
    await owner.ok('ingest_scraped_data', { files: [scrapeFile(NIGHT_DRIVE, '2026-11-08', [pulse(13_000)]), scrapeFile(LOW_TIDE, '2026-11-08', [])] });
    await world.jobs.drain();
    expect(world.slack.callsTo('chat.postMessage')).toHaveLength(postsBefore);
    expect(await world.database.prisma.campaignMilestone.count({ where: { organizationId: world.orgA.id } })).toBe(3);
  });

  it('runs only as a job, never from a person\'s call', async () => {
    expect(await owner.fails('record_campaign_milestones', {})).toMatchObject({ code: 'forbidden' });
  });
});
