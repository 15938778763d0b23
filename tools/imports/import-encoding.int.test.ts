import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { caller } from '../testing/caller.ts';
import { openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';

interface CsvResult { files_loaded: number; files_rejected: number; errors: Array<{ file: string; line: number; reason: string }> }
interface ScrapeResult { loaded: number; rejected: number; errors: Array<{ file: string; reason: string }> }

const TRACK = '4uLU6hMCjMI75M1A2tKUQC';

/** Issue 15 #7 and #9: text that was not UTF-8, or that the database cannot store, is an import problem with its line or field. */
describe('import encoding', () => {
  let database: Database;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    let runner;
    ({ database, runner, org } = await openToolTestWorld('encoding', { now: () => new Date('2026-11-21T12:00:00Z') }));
    owner = caller(runner, () => org.as('OWNER'));
    // A placement of the track, so a scrape of it would be stored (and reach the database) if it passed its checks.
    const vendor = await owner.ok<{ id: string }>('create_vendor', { name: 'Encoding Promo', cost_per_1k_streams: 1 });
    const client = await owner.ok<{ id: string }>('create_client', { name: 'Encoding Client' });
    await owner.ok('create_campaign', { client_id: client.id, name: 'Push', artist_name: 'A', start_date: '2026-11-01', songs: [{ track_url: TRACK, goal: 1000, daily: 10, price: 10, vendor_id: vendor.id }] });
  });
  afterAll(async () => { await database.close(); });

  it('rejects a Latin-1 CSV (read as UTF-8) with the line and the encoding problem, storing nothing from it', async () => {
    const latin1 = Buffer.from('date,artist,track_id,platform,streams\n2026-11-01,Rosalia,t1,spotify,5\n2026-11-01,Beyonc\xe9,t2,spotify,7\n', 'latin1');
    // What `readFileSync(path, 'utf8')` (the CLI, the ingest folder) makes of it: U+FFFD where the byte was.
    const content = latin1.toString('utf8');
    const good = 'date,artist,track_id,platform,streams\n2026-11-02,Rosalia,t1,spotify,9\n';
    const result = await owner.ok<CsvResult>('import_streams', { files: [{ name: 'latin1.csv', content }, { name: 'good.csv', content: good }] });
    expect(result).toMatchObject({ files_loaded: 1, files_rejected: 1 });
    expect(result.errors).toEqual([{ file: 'latin1.csv', line: 3, reason: expect.stringMatching(/not valid UTF-8.*save it as UTF-8/) }]);
    expect(await database.prisma.streamStat.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it('rejects a scraper file whose playlist name holds a NUL character, naming the field', async () => {
    const scrape = {
      track_id: TRACK, scraped_at: '2026-11-20T02:00:00Z', plays: { last_7d: 1, last_28d: 2, last_12m: 3 },
      playlists: [{ name: 'Fine', streams_7d: 1, streams_28d: 1, streams_12m: 1 }, { name: 'Bad\u0000List', streams_7d: 1, streams_28d: 1, streams_12m: 1 }],
    };
    const result = await owner.ok<ScrapeResult>('ingest_scraped_data', { files: [{ name: `song_${TRACK}_20261120T020000Z.json`, content: JSON.stringify(scrape) }] });
    expect(result).toMatchObject({ loaded: 0, rejected: 1 });
    expect(result.errors[0]!.reason).toMatch(/playlists\[1\]\.name: contains a NUL character/);
  });

  it('rejects a scraper file that was not UTF-8, naming the field', async () => {
    const scrape = { track_id: TRACK, scraped_at: '2026-11-20T03:00:00Z', plays: { last_7d: 1, last_28d: 2, last_12m: 3 }, playlists: [{ name: 'Caf\ufffd del Mar', streams_7d: 1, streams_28d: 1, streams_12m: 1 }] };
    const result = await owner.ok<ScrapeResult>('ingest_scraped_data', { files: [{ name: `song_${TRACK}_20261120T030000Z.json`, content: JSON.stringify(scrape) }] });
    expect(result).toMatchObject({ loaded: 0, rejected: 1 });
    expect(result.errors[0]!.reason).toMatch(/playlists\[0\]\.name: .*not valid UTF-8/);
  });
});
