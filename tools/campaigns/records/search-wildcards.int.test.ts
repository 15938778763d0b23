import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { caller } from '../../testing/caller.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';

interface Named { name: string }
interface Page<Row> { rows: Row[] }

/** Issue 15 #16: `%`, `_` and `\` in a search are the characters themselves, never SQL wildcards. */
describe('search fields match text literally', () => {
  let database: Database;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    let runner;
    ({ database, runner, org } = await openToolTestWorld('wildcards'));
    owner = caller(runner, () => org.as('OWNER'));
    const clientIds: string[] = [];
    for (const name of ['100% Records', 'Plain Music', 'A_B Label', 'AxB Label', 'Back\\slash']) clientIds.push((await owner.ok<{ id: string }>('create_client', { name })).id);
    const vendors: string[] = [];
    for (const name of ['50% Promo', 'Ordinary Promo', 'Under_score']) vendors.push((await owner.ok<{ id: string }>('create_vendor', { name, cost_per_1k_streams: 1 })).id);
    await owner.ok('add_vendor_playlist', { vendor_id: vendors[0], name: 'Top 100% Hits' });
    await owner.ok('add_vendor_playlist', { vendor_id: vendors[1], name: 'Chill' });
    const song = { track_url: '4uLU6hMCjMI75M1A2tKUQC', goal: 1000, daily: 10, price: 100, vendor_id: vendors[1] };
    await owner.ok('create_campaign', { client_id: clientIds[0], name: 'Spring 50% push', artist_name: 'Kid Ray', start_date: '2026-01-01', salesperson: 'Ann_Lee', songs: [song] });
    await owner.ok('create_campaign', { client_id: clientIds[1], name: 'Summer push', artist_name: 'Kid Ray', start_date: '2026-01-01', salesperson: 'Ann Lee', songs: [song] });
  });
  afterAll(async () => { await database.close(); });

  const names = async (tool: string, input: object) => (await owner.ok<Page<Named>>(tool, input)).rows.map((row) => row.name).sort();

  it('list_clients: % and _ are literal', async () => {
    expect(await names('list_clients', { search: '%' })).toEqual(['100% Records']);
    expect(await names('list_clients', { search: 'A_B' })).toEqual(['A_B Label']);
    expect(await names('list_clients', { search: '\\' })).toEqual(['Back\\slash']);
  });

  it('list_vendors, list_playlists and list_campaigns: % and _ are literal', async () => {
    expect(await names('list_vendors', { search: '%' })).toEqual(['50% Promo']);
    expect(await names('list_vendors', { search: '_' })).toEqual(['Under_score']);
    expect(await names('list_playlists', { search: '%' })).toEqual(['Top 100% Hits']);
    expect(await names('list_campaigns', { search: '%' })).toEqual(['Spring 50% push']);
    expect(await names('list_campaigns', { salesperson: 'ann_lee' })).toEqual(['Spring 50% push']);
  });
});
