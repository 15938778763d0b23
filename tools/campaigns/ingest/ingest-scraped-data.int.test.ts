import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import type { InProcessJobQueue } from '../../../jobs/in-process-queue.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { organizationFingerprint } from '../../testing/tenancy-harness.ts';
import type { IngestScrapedDataOutput } from './ingest-scraped-data.ts';

const NOW = new Date('2026-11-22T12:00:00Z');
const SOLO = '4uLU6hMCjMI75M1A2tKUQC'; // placed with Club Restricted only
const SHARED = 'SharedSong'.padEnd(22, 'x'); // placed with Club Restricted and Glenn Promo
const UNKNOWN = 'NobodyPlacedThis'.padEnd(22, 'z');
const GYM_ID = '37i9dQZF1DXexample0001';
const HEAT_ID = 'UnregisteredHeat'.padEnd(22, '0');
const EARLY = '2026-11-13T02:00:00Z';
const LATE = '2026-11-20T02:00:00Z';

interface Row { playlist_id?: string; name: string; curator?: string; streams_7d: number; streams_28d: number; streams_12m: number; date_added?: string }
const row = (name: string, streams28d: number, extra: Partial<Row> = {}): Row => ({ name, streams_7d: Math.round(streams28d / 4), streams_28d: streams28d, streams_12m: streams28d * 5, ...extra });

function songFile(trackId: string, scrapedAt: string, playlists: Row[], overrides: Record<string, unknown> = {}) {
  const body = { track_id: trackId, scraped_at: scrapedAt, track_name: 'Night Drive', plays: { last_7d: 100, last_28d: 400, last_12m: 4000 }, saves: 10, playlists, ...overrides };
  return { name: `song_${trackId}_${scrapedAt.replace(/[-:]/g, '')}.json`, content: JSON.stringify(body) };
}

const soloEarly = songFile(SOLO, EARLY, [
  row('GYM - TEMAZOS MOTIVACION 2025', 30_000, { playlist_id: GYM_ID, curator: 'Club Restricted', date_added: '2026-09-14' }),
  row('late night techno', 15_000, { curator: 'Glenn' }), // Glenn Promo's playlist, matched by name only
  row('Unreg Vibes', 5_000, { curator: 'Club Restricted' }), // unregistered, single-vendor song: auto-detected
  row('Heat Check', 2_000, { playlist_id: HEAT_ID, curator: 'Club Restricted' }), // the same, with a Spotify id
  row('Discover Weekly', 14_000, { playlist_id: 'DiscoverWeeklyExample1', curator: 'Spotify' }),
]);
const soloLate = songFile(SOLO, LATE, [
  row('GYM - TEMAZOS MOTIVACION 2025', 32_000, { playlist_id: GYM_ID, curator: 'Club Restricted' }),
  row('Unreg Vibes', 6_000, { curator: 'Club Restricted' }),
]); // dropped off Late Night Techno and Heat Check
const sharedEarly = songFile(SHARED, EARLY, [
  row('GYM - TEMAZOS MOTIVACION 2025', 10_000, { playlist_id: GYM_ID }),
  row('Mystery Mix', 3_000, { curator: 'Someone' }), // unmatched on a two-vendor song: organic
  row('unreg vibes', 1_000), // registered by soloEarly a moment ago
]);
const validFiles = [soloEarly, soloLate, sharedEarly];

const negative = songFile(SOLO, '2026-11-06T02:00:00Z', [row('GYM - TEMAZOS MOTIVACION 2025', 1, { playlist_id: GYM_ID, streams_12m: -4 })]);
const badFiles = [
  { name: `song_${SOLO}_broken.json`, content: '{"track_id": ' },
  { ...songFile(SOLO, '2026-11-07T02:00:00Z', []), content: JSON.stringify({ scraped_at: EARLY, plays: { last_7d: 1, last_28d: 1, last_12m: 1 }, playlists: [] }) },
  songFile(UNKNOWN, EARLY, []),
  negative,
  { ...songFile(SOLO, '2026-11-08T02:00:00Z', []), name: `song_${SHARED}_20261108T020000Z.json` },
];
const expectedReasons = [
  [badFiles[0]!.name, /^invalid JSON/],
  [badFiles[1]!.name, /^track_id: is required/],
  [badFiles[2]!.name, new RegExp(`^unknown track ${UNKNOWN}`)],
  [badFiles[3]!.name, /^playlists\[0\]\.streams_12m: must be >= 0$/],
  [badFiles[4]!.name, /^track_id: "4uLU6hMCjMI75M1A2tKUQC" does not match the file name's track id/],
] as const;

describe('ingest_scraped_data', () => {
  let database: Database;
  let runner: ToolRunner;
  let jobs: InProcessJobQueue;
  let org: TestOrganization;
  const ids = { club: '', glenn: '', gym: '', techno: '' };

  beforeAll(async () => {
    ({ database, runner, jobs, org } = await openToolTestWorld('ingest', { now: () => NOW }));
    const prisma = database.prisma;
    const organizationId = org.id;
    const club = await prisma.vendor.create({ data: { organizationId, name: 'Club Restricted', costPer1kStreams: 2.5 } });
    const glenn = await prisma.vendor.create({ data: { organizationId, name: 'Glenn Promo', costPer1kStreams: 2 } });
    const gym = await prisma.playlist.create({ data: { organizationId, vendorId: club.id, name: 'GYM - TEMAZOS MOTIVACION 2025', spotifyPlaylistId: GYM_ID } });
    const techno = await prisma.playlist.create({ data: { organizationId, vendorId: glenn.id, name: 'Late Night Techno' } });
    Object.assign(ids, { club: club.id, glenn: glenn.id, gym: gym.id, techno: techno.id });
    const client = await prisma.client.create({ data: { organizationId, name: 'Example Artist' } });
    const campaign = await prisma.campaignGroup.create({ data: { organizationId, clientId: client.id, name: 'Night Drive push', artistName: 'Example Artist', startDate: new Date('2026-09-10') } });
    const place = (trackId: string, vendorId: string) => prisma.placement.create({
      data: { organizationId, campaignGroupId: campaign.id, vendorId, trackUrl: `https://open.spotify.com/track/${trackId}`, spotifyTrackId: trackId, goal: 100_000, daily: 1500, price: 300, startDate: new Date('2026-09-10') },
    });
    await place(SOLO, club.id);
    await place(SHARED, club.id);
    await place(SHARED, glenn.id);
  });
  afterAll(async () => { await database.close(); });

  async function ingest(files: Array<{ name: string; content: string }>, options: { dry_run?: boolean; role?: 'OWNER' | 'VIEWER' } = {}) {
    const result = await runner.call('ingest_scraped_data', { files, dry_run: options.dry_run }, org.as(options.role ?? 'CAMPAIGN_MANAGER'));
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.output as IngestScrapedDataOutput;
  }

  const rowsOf = async (trackId: string, scrapedAt: string) =>
    database.prisma.campaignPlaylist.findMany({ where: { organizationId: org.id, spotifyTrackId: trackId, scrapedAt: new Date(scrapedAt) }, orderBy: { name: 'asc' } });

  it('a dry run reports what would happen and stores nothing', async () => {
    const before = await organizationFingerprint(database, org.id);
    const output = await ingest([...validFiles, ...badFiles], { dry_run: true });
    expect(output).toMatchObject({ files: 8, loaded: 3, rejected: 5, playlist_rows_created: 10, playlists_auto_detected: 2, playlists_refreshed: 0, dry_run: true });
    expect(await organizationFingerprint(database, org.id)).toBe(before);
  });

  it('loads the valid files, reports each bad one by name and reason, and links rows', async () => {
    const output = await ingest([...badFiles.slice(0, 2), ...validFiles, ...badFiles.slice(2)]);
    expect(output).toMatchObject({
      files: 8, loaded: 3, unchanged: 0, rejected: 5, snapshots_created: 3, playlist_rows_created: 10, playlists_auto_detected: 2, errors_not_shown: 0, dry_run: false,
    });
    expect(output.errors.map((error) => error.file)).toEqual(expectedReasons.map(([file]) => file));
    expectedReasons.forEach(([, reason], index) => expect(output.errors[index]!.reason).toMatch(reason));

    const snapshot = await database.prisma.scrapeSnapshot.findFirstOrThrow({ where: { organizationId: org.id, spotifyTrackId: SOLO, scrapedAt: new Date(EARLY) } });
    expect(snapshot).toMatchObject({ trackName: 'Night Drive', plays7d: 100, plays28d: 400, plays12m: 4000, saves: 10, playlistAdds: null, sourceFile: soloEarly.name });
    const autoDetected = await database.prisma.playlist.findMany({ where: { organizationId: org.id, autoDetected: true }, orderBy: { name: 'asc' } });
    expect(autoDetected.map(({ name, vendorId, spotifyPlaylistId, curator }) => ({ name, vendorId, spotifyPlaylistId, curator }))).toEqual([
      { name: 'Heat Check', vendorId: ids.club, spotifyPlaylistId: HEAT_ID, curator: 'Club Restricted' },
      { name: 'Unreg Vibes', vendorId: ids.club, spotifyPlaylistId: null, curator: 'Club Restricted' },
    ]);
    const [heat, vibes] = autoDetected;
    const links = (rows: Array<{ name: string; playlistId: string | null }>) => Object.fromEntries(rows.map((r) => [r.name, r.playlistId]));
    expect(links(await rowsOf(SOLO, EARLY))).toEqual({
      'GYM - TEMAZOS MOTIVACION 2025': ids.gym, 'late night techno': ids.techno, 'Unreg Vibes': vibes!.id, 'Heat Check': heat!.id, 'Discover Weekly': null,
    });
    expect(links(await rowsOf(SHARED, EARLY))).toEqual({ 'GYM - TEMAZOS MOTIVACION 2025': ids.gym, 'Mystery Mix': null, 'unreg vibes': vibes!.id });
    const gymRow = (await rowsOf(SOLO, EARLY)).find((r) => r.name.startsWith('GYM'))!;
    expect(gymRow).toMatchObject({ spotifyPlaylistId: GYM_ID, curator: 'Club Restricted', streams7d: 7500, streams28d: 30_000, streams12m: 150_000, dateAdded: new Date('2026-09-14') });
  });

  it('refreshes the averages of every playlist the songs are on, from each song\'s latest scrape', async () => {
    const playlists = await database.prisma.playlist.findMany({ where: { organizationId: org.id }, orderBy: { name: 'asc' } });
    const figures = Object.fromEntries(playlists.map((p) => [p.name, { streams28d: p.streams28d, avg: p.avgDailyStreams?.toString(), last: p.lastScrapedAt?.toISOString() }]));
    expect(figures).toEqual({
      'GYM - TEMAZOS MOTIVACION 2025': { streams28d: 42_000, avg: '1500', last: new Date(LATE).toISOString() }, // 32k (solo, late) + 10k (shared)
      'Heat Check': { streams28d: 0, avg: '0', last: new Date(EARLY).toISOString() }, // the song's latest scrape no longer lists it
      'Late Night Techno': { streams28d: 0, avg: '0', last: new Date(EARLY).toISOString() },
      'Unreg Vibes': { streams28d: 7_000, avg: '250', last: new Date(LATE).toISOString() }, // 6k + 1k
    });
  });

  it('a second import of the same files changes nothing', async () => {
    // The first import queued its milestone check; let it finish before taking the picture.
    await jobs.drain();
    const before = await organizationFingerprint(database, org.id);
    const counts = () => Promise.all([database.prisma.scrapeSnapshot.count(), database.prisma.campaignPlaylist.count(), database.prisma.playlist.count()]);
    const countsBefore = await counts();
    const output = await ingest([...validFiles, ...badFiles]);
    expect(output).toMatchObject({ files: 8, loaded: 0, unchanged: 3, rejected: 5, snapshots_created: 0, playlist_rows_created: 0, playlists_auto_detected: 0, playlists_refreshed: 0 });
    expect(await counts()).toEqual(countsBefore);
    await jobs.drain();
    expect(await organizationFingerprint(database, org.id)).toBe(before);
  });

  it('a re-scrape with the same scraped_at but other content is a conflict; the stored one stays', async () => {
    const before = await organizationFingerprint(database, org.id);
    const changed = songFile(SOLO, LATE, [row('GYM - TEMAZOS MOTIVACION 2025', 99_999, { playlist_id: GYM_ID })]);
    const reordered = { ...soloLate, name: 'song_4uLU6hMCjMI75M1A2tKUQC_renamed.json', content: JSON.stringify({ ...JSON.parse(soloLate.content), playlists: [...JSON.parse(soloLate.content).playlists].reverse() }) };
    const output = await ingest([changed, reordered]);
    expect(output).toMatchObject({ loaded: 0, unchanged: 1, rejected: 1 });
    expect(output.errors[0]!.reason).toMatch(new RegExp(`^conflict: a different scrape of track ${SOLO} at 2026-11-20T02:00:00.000Z is already stored \\(from ${soloLate.name}\\)`));
    expect(await organizationFingerprint(database, org.id)).toBe(before);
  });

  it('within one call, a repeated file loads once and a different file under the same key is a conflict', async () => {
    const at = '2026-11-21T02:00:00Z';
    const first = songFile(SHARED, at, [row('Mystery Mix', 100)]);
    const other = songFile(SHARED, at, [row('Mystery Mix', 200)]);
    const output = await ingest([first, first, other]);
    expect(output).toMatchObject({ loaded: 1, unchanged: 1, rejected: 1 });
    expect(output.errors[0]!.reason).toMatch(/^conflict: .* is in song_.* of this import; kept that one$/);
    expect((await rowsOf(SHARED, at)).map((r) => r.streams28d)).toEqual([100]);
  });

  it('two imports of the same new file at once store it once', async () => {
    const file = songFile(SOLO, '2026-11-21T06:00:00Z', [row('GYM - TEMAZOS MOTIVACION 2025', 33_000, { playlist_id: GYM_ID })]);
    const outputs = await Promise.all([ingest([file]), ingest([file])]);
    expect(outputs.map((output) => [output.loaded, output.unchanged]).sort()).toEqual([[0, 1], [1, 0]]);
    expect(await rowsOf(SOLO, '2026-11-21T06:00:00Z')).toHaveLength(1);
  });

  it('VIEWER may not import', async () => {
    const result = await runner.call('ingest_scraped_data', { files: validFiles }, org.as('VIEWER'));
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden');
  });
});
