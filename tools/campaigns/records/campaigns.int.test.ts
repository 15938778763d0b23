import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';

const TRACK = '4uLU6hMCjMI75M1A2tKUQC';
const OTHER_TRACK = '7qiZfU4dY1lWllzX7mPBI3';

interface Placement { id: string; spotify_track_id: string; vendor_id: string; vendor_name: string; goal: number; start_date: string; price: number; currency: string }
interface Campaign { id: string; name: string; status: string; invoice_status: string; client: { id: string; name: string }; end_date: string | null; total_budget: number | null; salesperson: string | null; placements: Placement[] }
interface Page<Row> { rows: Row[]; next_cursor: string | null }

describe('campaign records', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;
  let clientId: string;
  let vendorA: string;
  let vendorB: string;

  const song = (overrides: Record<string, unknown> = {}) => ({ track_url: `https://open.spotify.com/track/${TRACK}`, goal: 10000, daily: 500, price: 200, vendor_id: vendorA, ...overrides });
  const campaign = (overrides: Record<string, unknown> = {}) => ({ client_id: clientId, name: 'Night Drive push', artist_name: 'Nova Lane', start_date: '2026-03-01', songs: [song()], ...overrides });

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('campaigns'));
    owner = caller(runner, () => org.as('CAMPAIGN_MANAGER'));
    clientId = (await owner.ok<{ id: string }>('create_client', { name: 'Nightfall Records' })).id;
    vendorA = (await owner.ok<{ id: string }>('create_vendor', { name: 'Alpha Promo', cost_per_1k_streams: 2 })).id;
    vendorB = (await owner.ok<{ id: string }>('create_vendor', { name: 'Beta Playlists', cost_per_1k_streams: 3 })).id;
  });
  afterAll(async () => { await database.close(); });

  it('create_campaign stores the campaign and one placement per song entry (a song with two vendors)', async () => {
    const created = await owner.ok<Campaign>('create_campaign', campaign({
      total_budget: 1000,
      salesperson: 'Maria',
      songs: [
        song({ song_name: 'Night Drive', genre: 'Dance' }),
        song({ vendor_id: vendorB, goal: 5000, daily: 250, price: 150, start_date: '2026-03-05' }),
        song({ track_url: `spotify:track:${OTHER_TRACK}`, goal: 4000, daily: 100, price: 100 }),
      ],
    }));
    expect(created).toMatchObject({
      name: 'Night Drive push', status: 'active', invoice_status: 'not_invoiced', client: { id: clientId, name: 'Nightfall Records' }, total_budget: 1000, currency: 'USD', salesperson: 'Maria',
    });
    expect(created.placements).toEqual([
      expect.objectContaining({ spotify_track_id: TRACK, vendor_id: vendorA, vendor_name: 'Alpha Promo', goal: 10000, start_date: '2026-03-01', price: 200, currency: 'USD', genre: 'dance', song_name: 'Night Drive' }),
      expect.objectContaining({ spotify_track_id: TRACK, vendor_id: vendorB, vendor_name: 'Beta Playlists', goal: 5000, start_date: '2026-03-05' }),
      expect.objectContaining({ spotify_track_id: OTHER_TRACK, vendor_id: vendorA, goal: 4000 }),
    ]);
    expect(await database.prisma.placement.count({ where: { campaignGroupId: created.id } })).toBe(3);
    const activity = await database.prisma.activity.findFirstOrThrow({ where: { subjectId: created.id, kind: 'created' } });
    expect(activity.summary).toBe('Campaign Night Drive push (Nova Lane) created for Nightfall Records: 3 placements, goal 19000 streams');
  });

  it('validates every song entry, naming the field', async () => {
    const failure = await owner.fails('create_campaign', campaign({
      songs: [song({ goal: 0 }), song({ track_url: 'https://open.spotify.com/album/4uLU6hMCjMI75M1A2tKUQC' }), song({ daily: 1.5, price: -1 })],
    }));
    expect(failure.code).toBe('invalid_input');
    expect(failure.issues?.map((issue) => issue.path).sort()).toEqual(['songs[0].goal', 'songs[1].track_url', 'songs[2].daily', 'songs[2].price']);
    expect(failure.message).toContain('songs[1].track_url');
    expect(await owner.fails('create_campaign', campaign({ songs: [] }))).toMatchObject({ issues: [{ path: 'songs' }] });
    expect(await owner.fails('create_campaign', campaign({ start_date: '2026-13-01' }))).toMatchObject({ issues: [{ path: 'start_date' }] });
    expect(await owner.fails('create_campaign', campaign({ end_date: '2026-02-01' }))).toMatchObject({ issues: [{ path: 'end_date' }] });
  });

  it('an unknown vendor in a song is not_found naming songs[i].vendor_id, and nothing is stored', async () => {
    const before = await Promise.all([database.prisma.campaignGroup.count(), database.prisma.placement.count(), database.prisma.activity.count()]);
    const failure = await owner.fails('create_campaign', campaign({ songs: [song(), song({ vendor_id: '01900000-0000-7000-8000-00000000beef' })] }));
    expect(failure).toMatchObject({ code: 'not_found', issues: [{ path: 'songs[1].vendor_id' }] });
    expect(failure.message).toContain('songs[1].vendor_id');
    expect(await owner.fails('create_campaign', campaign({ client_id: 'nobody' }))).toMatchObject({ code: 'not_found', issues: [{ path: 'client_id' }] });
    expect(await Promise.all([database.prisma.campaignGroup.count(), database.prisma.placement.count(), database.prisma.activity.count()])).toEqual(before);
  });

  it('update_campaign changes status, invoice status and more; null clears; the timeline says what changed', async () => {
    const created = await owner.ok<Campaign>('create_campaign', campaign({ name: 'To update', salesperson: 'Leo', total_budget: 500 }));
    const updated = await owner.ok<Campaign>('update_campaign', { campaign_id: created.id, status: 'completed', invoice_status: 'paid', end_date: '2026-04-30', salesperson: null });
    expect(updated).toMatchObject({ id: created.id, status: 'completed', invoice_status: 'paid', end_date: '2026-04-30', salesperson: null, total_budget: 500 });
    const activity = await database.prisma.activity.findFirstOrThrow({ where: { subjectId: created.id, kind: 'updated' } });
    expect(activity.summary).toBe('Campaign To update updated: status active -> completed, invoice_status not_invoiced -> paid, salesperson Leo -> none, end_date none -> 2026-04-30');
    expect(await owner.fails('update_campaign', { campaign_id: created.id, status: 'archived' })).toMatchObject({ issues: [{ path: 'status' }] });
    expect(await owner.fails('update_campaign', { campaign_id: created.id, end_date: '2026-01-01' })).toMatchObject({ issues: [{ path: 'end_date' }] });
    expect(await owner.fails('update_campaign', { campaign_id: 'missing', status: 'paused' })).toMatchObject({ code: 'not_found' });
  });

  it('list_campaigns filters by status, client, salesperson and name, and pages', async () => {
    const otherClient = (await owner.ok<{ id: string }>('create_client', { name: 'Southside' })).id;
    await owner.ok('create_campaign', campaign({ client_id: otherClient, name: 'Southside launch', artist_name: 'Kid Ray', salesperson: 'Maria Lopez' }));
    const completed = await owner.ok<Page<Campaign>>('list_campaigns', { status: 'completed' });
    expect(completed.rows.map((row) => row.name)).toEqual(['To update']);
    const ofClient = await owner.ok<Page<Campaign>>('list_campaigns', { client_id: otherClient });
    expect(ofClient.rows.map((row) => row.name)).toEqual(['Southside launch']);
    const byArtist = await owner.ok<Page<Campaign>>('list_campaigns', { search: 'kid ray' });
    expect(byArtist.rows.map((row) => row.name)).toEqual(['Southside launch']);
    const maria = await owner.ok<Page<Campaign>>('list_campaigns', { salesperson: 'maria' });
    expect(maria.rows.map((row) => row.name)).toEqual(['Southside launch', 'Night Drive push']);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Campaign> = await owner.ok('list_campaigns', { limit: 2, ...(cursor ? { cursor } : {}) });
      all.push(...page.rows.map((row) => row.name));
      cursor = page.next_cursor;
    } while (cursor);
    expect(all).toEqual(['Southside launch', 'To update', 'Night Drive push']);
    expect(await owner.fails('list_campaigns', { client_id: 'missing' })).toMatchObject({ code: 'not_found' });
  });

  it('get_campaign answers not_found for an unknown id', async () => {
    expect(await owner.fails('get_campaign', { campaign_id: 'missing' })).toMatchObject({ code: 'not_found', issues: [{ path: 'campaign_id' }] });
  });
});
