import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import type { CsvImportOutput } from '../../imports/csv-import.ts';
import { packFiles } from '../../imports/file-archive.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';

/** 22-character Spotify-like track ids, one per row. */
const track = (index: number) => `T${String(index).padStart(21, '0')}`;
const ROWS = 1_100;

/** Two campaigns whose rows are interleaved, so each spans all three 500-row batches of a queued import. */
function sheet(): string {
  const lines = ['client,campaign,artist,track_url,vendor,goal,daily,price,start_date'];
  for (let index = 0; index < ROWS; index++) {
    const campaign = index % 2 === 0 ? 'Spring push' : 'Autumn push';
    lines.push(`Batch Records,${campaign},Ana Lys,${track(index)},Pulse Media,1000,100,10,2026-03-${String(1 + (index % 28)).padStart(2, '0')}`);
  }
  return `${lines.join('\n')}\n`;
}

// A queued import stores rows in 500-row batches: a campaign whose rows span batches is still one campaign.
describe('import_campaigns queued as a background import', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let manager: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('queued-campaigns'));
    const principal = await org.member('cm@queued-campaigns.test', 'CAMPAIGN_MANAGER');
    manager = caller(runner, () => principal);
    await database.prisma.vendor.create({ data: { organizationId: org.id, name: 'Pulse Media', costPer1kStreams: 6 } });
  });
  afterAll(async () => { await database.close(); });

  it('stores every batch into the same two campaigns, and running it again changes nothing', { timeout: 300_000 }, async () => {
    const record = await database.prisma.dataImport.create({
      data: { organizationId: org.id, tool: 'import_campaigns', status: 'QUEUED', dryRun: false, files: await packFiles([{ name: 'sheet.csv', content: sheet() }]) },
    });
    const outcome = await manager.ok<CsvImportOutput>('run_import', { import_id: record.id });
    expect(outcome).toMatchObject({ files_loaded: 1, rows: ROWS, rows_stored: ROWS, rows_unchanged: 0, errors: [] });
    const campaigns = await database.prisma.campaignGroup.findMany({ where: { organizationId: org.id }, orderBy: { name: 'asc' }, include: { _count: { select: { placements: true } } } });
    // Each campaign starts on the earliest start_date of the rows in its first batch: 1 March (row 0) and 2 March (row 1).
    expect(campaigns.map((campaign) => [campaign.name, campaign._count.placements, campaign.startDate.toISOString().slice(0, 10)])).toEqual([
      ['Autumn push', ROWS / 2, '2026-03-02'],
      ['Spring push', ROWS / 2, '2026-03-01'],
    ]);
    expect(await manager.ok<CsvImportOutput>('run_import', { import_id: record.id })).toEqual(outcome);
    expect(await manager.ok<CsvImportOutput>('import_campaigns', { files: [{ name: 'sheet.csv', content: sheet() }] })).toMatchObject({ rows_stored: 0, rows_unchanged: ROWS });
    expect(await database.prisma.client.count({ where: { organizationId: org.id } })).toBe(1);
  });
});
