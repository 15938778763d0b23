import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { CsvImportOutput } from '../../imports/csv-import.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import { organizationFingerprint } from '../../testing/tenancy-harness.ts';

const EXAMPLE = readFileSync(new URL('../../../docs/examples/campaigns.csv', import.meta.url), 'utf8');
const HEADER = 'client,campaign,artist,track_url,vendor,goal,daily,price,start_date';
const TRACK = 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC';

describe('import_campaigns', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let manager: ReturnType<typeof caller>;
  const importFile = (content: string, options: { dry_run?: boolean } = {}) => manager.ok<CsvImportOutput>('import_campaigns', { files: [{ name: 'sheet.csv', content }], ...options });

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('campaign-import'));
    const principal = await org.member('ana@campaign-import.test', 'CAMPAIGN_MANAGER');
    manager = caller(runner, () => principal);
    for (const name of ['Pulse Media', 'Bassline Curators', 'Nightshift Playlists']) {
      await database.prisma.vendor.create({ data: { organizationId: org.id, name, costPer1kStreams: 6 } });
    }
    // A client that exists already, named in another case by the sheet.
    await database.prisma.client.create({ data: { organizationId: org.id, name: 'NORTHSIDE RECORDS' } });
  });
  afterAll(async () => { await database.close(); });

  it('a file with one bad row stores nothing and reports the line and column', async () => {
    const before = await organizationFingerprint(database, org.id);
    const lines = EXAMPLE.trimEnd().split('\n');
    lines[3] = lines[3]!.replace(',20000,', ',20k,');
    const outcome = await importFile(lines.join('\n'));
    expect(outcome).toMatchObject({ files_rejected: 1, files_loaded: 0, rows_stored: 0, errors: [{ file: 'sheet.csv', line: 4, reason: 'goal "20k" is not a whole number' }] });
    expect(await organizationFingerprint(database, org.id)).toBe(before);
  });

  it('unknown or archived vendors, disagreeing campaign columns and repeated placements are bad rows, by line', async () => {
    await database.prisma.vendor.create({ data: { organizationId: org.id, name: 'Retired Promo', costPer1kStreams: 3, isActive: false } });
    const before = await organizationFingerprint(database, org.id);
    const outcome = await importFile([
      HEADER,
      `Acme,Spring,Ana Lys,${TRACK},Pulse Media,1000,100,10,2026-03-01`,
      `Acme,Spring,Ana Lys,${TRACK},Pulse Madia,1000,100,10,2026-03-01`,
      `Acme,spring,Someone Else,${TRACK},Bassline Curators,1000,100,10,2026-03-01`,
      `Acme,Spring,Ana Lys,${TRACK},Retired Promo,1000,100,10,2026-03-01`,
      `ACME,Spring,Ana Lys,${TRACK},pulse media,2000,100,10,2026-03-01`,
      `Acme,Spring,Ana Lys,https://example.com/x,Pulse Media,1000,100,10,2026-03-01`,
    ].join('\n'));
    expect(outcome.errors).toEqual([
      { file: 'sheet.csv', line: 6, reason: 'repeats line 2 (track 4uLU6hMCjMI75M1A2tKUQC with pulse media in "Spring"); each one may appear once per file' },
      { file: 'sheet.csv', line: 7, reason: 'track_url "https://example.com/x" is not a Spotify track link (https://open.spotify.com/track/<22-character id>), URI or id' },
    ]);
    const second = await importFile([
      HEADER,
      `Acme,Spring,Ana Lys,${TRACK},Pulse Media,1000,100,10,2026-03-01`,
      `Acme,Spring,Ana Lys,${TRACK},Pulse Madia,1000,100,10,2026-03-01`,
      `Acme,spring,Someone Else,${TRACK},Bassline Curators,1000,100,10,2026-03-01`,
      `Acme,Spring,Ana Lys,${TRACK},Retired Promo,1000,100,10,2026-03-01`,
    ].join('\n'));
    expect(second.errors.map((error) => [error.line, error.reason])).toEqual([
      [3, `vendor "Pulse Madia" is not one of this organisation's vendors (names match ignoring case; create it with create_vendor first)`],
      [4, 'artist differs from line 2 for the same campaign "spring" of "Acme"'],
      [5, 'vendor "Retired Promo" is archived; restore it with update_vendor is_active: true, or name another vendor'],
    ]);
    expect(await organizationFingerprint(database, org.id)).toBe(before);
  });

  it('a dry run checks the example sheet and stores nothing', async () => {
    const before = await organizationFingerprint(database, org.id);
    expect(await importFile(EXAMPLE, { dry_run: true })).toMatchObject({ dry_run: true, files_loaded: 1, rows: 5, rows_stored: 0, errors: [] });
    expect(await organizationFingerprint(database, org.id)).toBe(before);
  });

  it('stores the example sheet: rows of one client and campaign form one campaign, a new client is created', async () => {
    expect(await importFile(EXAMPLE)).toMatchObject({ files_loaded: 1, rows: 5, rows_stored: 5, rows_unchanged: 0, rows_replaced: 0, errors: [] });
    const clients = await database.prisma.client.findMany({ where: { organizationId: org.id }, orderBy: { name: 'asc' }, select: { name: true } });
    expect(clients.map((client) => client.name)).toEqual(['Lumen Artists', 'NORTHSIDE RECORDS']);
    const campaigns = await database.prisma.campaignGroup.findMany({
      where: { organizationId: org.id },
      orderBy: { name: 'asc' },
      include: { client: { select: { name: true } }, placements: { orderBy: { id: 'asc' }, include: { vendor: { select: { name: true } } } } },
    });
    expect(campaigns.map((campaign) => [campaign.name, campaign.client.name, campaign.artistName, campaign.currency, campaign.salesperson, campaign.startDate.toISOString().slice(0, 10), campaign.placements.length])).toEqual([
      ['Golden single', 'Lumen Artists', 'Kai Moreno', 'EUR', null, '2026-11-10', 1],
      ['Night Drive launch', 'NORTHSIDE RECORDS', 'Vera Hale', 'USD', 'ana@northside.example', '2026-11-01', 3],
      ['Winter EP', 'NORTHSIDE RECORDS', 'Vera Hale', 'USD', 'ana@northside.example', '2026-12-01', 1],
    ]);
    const lowTide = campaigns[1]!.placements[2]!;
    expect([lowTide.vendor.name, lowTide.songName, lowTide.spotifyTrackId, lowTide.goal, lowTide.daily, lowTide.weekly, Number(lowTide.price), lowTide.currency]).toEqual(['Pulse Media', 'Low Tide', '7qiZfU4dY1lWllzX7mPBI3', 20_000, 800, null, 120.5, 'USD']);
    expect(campaigns[2]!.placements[0]).toMatchObject({ spotifyTrackId: '1301WleyT98MSxVHPZCA6M', weekly: 10_500 });
    // Each new placement keeps its plan line: Low Tide's order is 20,000 streams for 120.50 USD over 20,000 / 800 = 25 days.
    expect(await database.prisma.allocationPlanLine.count({ where: { organizationId: org.id } })).toBe(5);
    const plan = await database.prisma.allocationPlanLine.findUniqueOrThrow({ where: { organizationId_placementId: { organizationId: org.id, placementId: lowTide.id } } });
    expect([plan.expectedStreams, Number(plan.expectedCost), plan.currency, plan.days]).toEqual([20_000, 120.5, 'USD', 25]);
  });

  it('the same sheet again changes nothing; a corrected figure replaces the stored one', async () => {
    const before = await organizationFingerprint(database, org.id);
    expect(await importFile(EXAMPLE)).toMatchObject({ rows: 5, rows_stored: 0, rows_unchanged: 5, rows_replaced: 0 });
    expect(await organizationFingerprint(database, org.id)).toBe(before);
    const corrected = EXAMPLE.replace(',20000,800,120.50,', ',22000,800,120.50,');
    expect(await importFile(corrected)).toMatchObject({ rows_stored: 1, rows_replaced: 1, rows_unchanged: 4 });
    expect(await database.prisma.placement.count({ where: { organizationId: org.id, goal: 22_000, spotifyTrackId: '7qiZfU4dY1lWllzX7mPBI3' } })).toBe(1);
    expect(await database.prisma.placement.count({ where: { organizationId: org.id } })).toBe(5);
  });

  it("another organisation's vendors are unknown here, and its records are untouched", async () => {
    const other = await createTestOrganization(database, 'campaign-import-b');
    await database.prisma.vendor.create({ data: { organizationId: other.id, name: 'Only Theirs', costPer1kStreams: 1 } });
    const before = await organizationFingerprint(database, other.id);
    const outcome = await importFile(`${HEADER}\nAcme,Spring,Ana Lys,${TRACK},Only Theirs,1000,100,10,2026-03-01\n`);
    expect(outcome.errors).toEqual([{ file: 'sheet.csv', line: 2, reason: `vendor "Only Theirs" is not one of this organisation's vendors (names match ignoring case; create it with create_vendor first)` }]);
    expect(await organizationFingerprint(database, other.id)).toBe(before);
  });
});
