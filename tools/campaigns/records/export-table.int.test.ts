import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { caller } from '../../testing/caller.ts';

interface Export { table: string; format: string; rows: number; truncated: boolean; filename: string; content: string }

/** A strict RFC 4180 reader, to prove a spreadsheet sees the cells we meant. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') { cell += '"'; index++; }
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') { row.push(cell); cell = ''; }
    else if (char === '\r' && text[index + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; index++; }
    else if (char === '"' || char === '\r' || char === '\n') throw new Error(`bare ${JSON.stringify(char)} at ${index}`);
    else cell += char;
  }
  if (cell !== '' || row.length) throw new Error('the last row does not end with CRLF');
  return rows;
}

describe('export_table', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('exports'));
    owner = caller(runner, () => org.as('OWNER'));
    const client = await owner.ok<{ id: string }>('create_client', { name: '=HYPERLINK("http://evil.test","Click")', emails: ['a@x.test', 'b@x.test'], phone: '+34 600 000 000' });
    const vendor = await owner.ok<{ id: string }>('create_vendor', { name: '@vendor, "the best"', cost_per_1k_streams: 2.5 });
    await owner.ok('add_vendor_playlist', { vendor_id: vendor.id, name: 'Line one\nline two', genres: ['dance', 'pop'], follower_count: 1200 });
    await owner.ok('create_campaign', {
      client_id: client.id, name: '-5 push', artist_name: 'Foo, Bar', start_date: '2026-03-01', total_budget: 1234.5, salesperson: '+Maria',
      songs: [{ track_url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC', goal: 1000, daily: 100, price: 10, vendor_id: vendor.id }],
    });
    await owner.ok('create_campaign', {
      client_id: client.id, name: 'Plain campaign', artist_name: 'Nova', start_date: '2026-02-01',
      songs: [{ track_url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC', goal: 2000, daily: 100, price: 10, vendor_id: vendor.id }],
    });
    // One scrape of the song both campaigns place: its own plays 7d 900 / 28d 3000, and the vendor's playlist 7d 70 / 28d 250 / 12m 400.
    const snapshot = await database.prisma.scrapeSnapshot.create({
      data: { organizationId: org.id, spotifyTrackId: '4uLU6hMCjMI75M1A2tKUQC', scrapedAt: new Date('2026-03-10T08:00:00Z'), plays7d: 900, plays28d: 3000, plays12m: 9000 },
    });
    await database.prisma.campaignPlaylist.create({
      data: { organizationId: org.id, snapshotId: snapshot.id, spotifyTrackId: '4uLU6hMCjMI75M1A2tKUQC', scrapedAt: snapshot.scrapedAt, name: 'Line one\nline two', streams7d: 70, streams28d: 250, streams12m: 400 },
    });
  });
  afterAll(async () => { await database.close(); });

  it('campaigns: RFC 4180 content with the columns a marketer expects, formulas neutralised', async () => {
    const result = await owner.ok<Export>('export_table', { table: 'campaigns', format: 'csv', as_of: '2026-03-11' });
    expect(result).toMatchObject({ table: 'campaigns', format: 'csv', rows: 2, truncated: false, filename: 'exports-campaigns-2026-03-11.csv' });
    const [header, ...rows] = parseCsv(result.content);
    expect(header).toEqual([
      'Campaign', 'Client', 'Artist', 'Status', 'Invoice status', 'Start date', 'End date', 'Budget', 'Currency', 'Salesperson',
      'Placements', 'Goal streams', 'Song plays, 7 days', 'Song plays, 28 days', 'Delivered by vendors, 7 days', 'Delivered by vendors, 28 days',
      'Delivered by vendors, 12 months', 'Remaining streams', 'Progress %', 'Id',
    ]);
    expect(rows).toHaveLength(2);
    const first = Object.fromEntries(header!.map((column, index) => [column, rows[0]![index]]));
    expect(first).toMatchObject({
      Campaign: "'-5 push", Client: `'=HYPERLINK("http://evil.test","Click")`, Artist: 'Foo, Bar', Status: 'active', 'Invoice status': 'not invoiced',
      'Start date': '2026-03-01', 'End date': '', Budget: '1234.5', Currency: 'USD', Salesperson: "'+Maria", 'Goal streams': '1000',
      // Each campaign sees the whole song: plays 900 / 3000; the vendor's playlist 70 / 250 / 400; remaining 1000 - 400 = 600, 40 %.
      'Song plays, 7 days': '900', 'Song plays, 28 days': '3000', 'Delivered by vendors, 7 days': '70', 'Delivered by vendors, 28 days': '250',
      'Delivered by vendors, 12 months': '400', 'Remaining streams': '600', 'Progress %': '40',
    });
    expect(result.content).toContain(`"'=HYPERLINK(""http://evil.test"",""Click"")"`);
    expect(rows[1]![0]).toBe('Plain campaign');
    expect(rows[1]![7]).toBe('');
  });

  it('vendors, clients and playlists export too, with quoted line breaks', async () => {
    const vendors = await owner.ok<Export>('export_table', { table: 'vendors' });
    expect(parseCsv(vendors.content)[1]!.slice(0, 7)).toEqual([`'@vendor, "the best"`, '', '2.5', 'USD', 'yes', '1', '2']);
    const clients = await owner.ok<Export>('export_table', { table: 'clients', as_of: '2026-03-11' });
    const [clientHeader, client] = parseCsv(clients.content);
    expect(clientHeader).toEqual(['Client', 'Contact person', 'Emails', 'Phone', 'Campaigns', 'Active campaigns', 'Total budget', 'Currency',
      'Song plays, 28 days', 'Delivered by vendors, 12 months', 'Id']);
    // The song counts once in the client's plays (3000); each placement is credited the playlist's 400: 800.
    expect(client!.slice(0, 10)).toEqual([`'=HYPERLINK("http://evil.test","Click")`, '', 'a@x.test; b@x.test', "'+34 600 000 000", '2', '2', '1234.5', 'USD', '3000', '800']);
    const playlists = await owner.ok<Export>('export_table', { table: 'playlists', as_of: '2026-03-11' });
    expect(playlists.content).toContain('"Line one\nline two"');
    expect(parseCsv(playlists.content)[1]!.slice(0, 11)).toEqual(['Line one\nline two', `'@vendor, "the best"`, '', '', '', 'dance; pop', '1200', '', '1', '400', 'no']);
  });

  it('refuses unknown tables and formats, naming the field', async () => {
    expect(await owner.fails('export_table', { table: 'songs' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'table' }] });
    expect(await owner.fails('export_table', { table: 'campaigns', format: 'xlsx' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'format' }] });
  });
});
