import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { createCatalogue } from '../index.ts';
import { ToolRunner, type Principal } from '../registry/runner.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../testing/fixtures.ts';
import { BIG_IMPORT_ROWS } from './big-import.ts';
import { streamsCsv } from './testing/streams-file.ts';
import { waitForImport } from './testing/wait-for-import.ts';

/** Just over the threshold, so the import is queued but the test stays quick. */
const ROWS = BIG_IMPORT_ROWS + 500;

/** A queued import keeps the promises of an inline one: whole files rejected, re-runs change nothing, dry runs store nothing. */
describe('a queued (big) import', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let analyst: Principal;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('queuedimport'));
    analyst = await org.member('analyst@queuedimport.test', 'ANALYST');
  });
  afterAll(async () => {
    await database.close();
  });

  const streamsOf = (trackPrefix: string) => database.prisma.streamStat.count({ where: { organizationId: org.id, trackId: { startsWith: trackPrefix } } });

  async function importQueued(content: string, options: { dryRun?: boolean; as?: ToolRunner } = {}) {
    const queued = await (options.as ?? runner).call('import_streams', { files: [{ name: 'streams.csv', content }], dry_run: options.dryRun ?? false }, analyst);
    expect(queued).toMatchObject({ ok: true, output: { status: 'queued', rows: 0, dry_run: options.dryRun ?? false } });
    return (queued as { output: { import_id: string } }).output.import_id;
  }

  it('rejects a file with one bad row whole, naming its line, and stores nothing', { timeout: 180_000 }, async () => {
    const importId = await importQueued(streamsCsv(ROWS, { trackPrefix: 'bad', badLine: 15_000 }));
    const outcome = await waitForImport(runner, analyst, importId);
    expect(outcome).toMatchObject({ status: 'done', error: null });
    expect(outcome.result).toMatchObject({
      files_loaded: 0, files_rejected: 1, rows: 0, rows_stored: 0,
      errors: [{ file: 'streams.csv', line: 15_000, reason: 'streams "-1" must be at least 0' }],
    });
    expect(await streamsOf('bad')).toBe(0);
  });

  it('a dry run checks every row and stores nothing', { timeout: 180_000 }, async () => {
    const outcome = await waitForImport(runner, analyst, await importQueued(streamsCsv(ROWS, { trackPrefix: 'dry' }), { dryRun: true }));
    expect(outcome.result).toMatchObject({ files_loaded: 1, rows: ROWS, rows_stored: 0, rows_unchanged: 0, dry_run: true });
    expect(await streamsOf('dry')).toBe(0);
  });

  it('stores every row; importing the same rows again changes nothing; running a finished import again returns its outcome', { timeout: 180_000 }, async () => {
    const content = streamsCsv(ROWS, { trackPrefix: 'same' });
    const first = await waitForImport(runner, analyst, await importQueued(content));
    expect(first.result).toMatchObject({ rows: ROWS, rows_stored: ROWS, rows_unchanged: 0, rows_replaced: 0 });
    const secondId = await importQueued(content);
    const second = await waitForImport(runner, analyst, secondId);
    expect(second.result).toMatchObject({ rows: ROWS, rows_stored: 0, rows_unchanged: ROWS });
    expect(await streamsOf('same')).toBe(ROWS);
    expect(await runner.call('run_import', { import_id: secondId }, analyst)).toMatchObject({ ok: true, output: { rows_unchanged: ROWS, import_id: secondId } });
    // The files are not kept once the import is done.
    expect(await database.prisma.dataImport.findUniqueOrThrow({ where: { id: secondId }, select: { files: true } })).toEqual({ files: null });
  });

  it('an interrupted import resumes after its last committed batch', { timeout: 180_000 }, async () => {
    // No job queue: the import stays queued, as when the process stopped before running it.
    const stopped = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue() });
    const importId = await importQueued(streamsCsv(ROWS, { trackPrefix: 'resume' }), { as: stopped });
    // What a stop after two 500-row batches leaves: those rows stored, committed with the count.
    // They are stored here with other stream counts, so a run that started over would replace them.
    const firstThousand = streamsCsv(1_000, { trackPrefix: 'resume', streamsOffset: 7 });
    expect(await runner.call('import_streams', { files: [{ name: 'first.csv', content: firstThousand }] }, analyst)).toMatchObject({ ok: true, output: { rows_stored: 1_000 } });
    await database.prisma.dataImport.update({ where: { id: importId }, data: { status: 'STORING', rowsApplied: 1_000, rowsInserted: 1_000 } });

    const resumed = await runner.call('run_import', { import_id: importId }, analyst);
    expect(resumed).toMatchObject({ ok: true, output: { rows: ROWS, rows_stored: ROWS, rows_replaced: 0, rows_unchanged: 0, status: 'done' } });
    expect(await streamsOf('resume')).toBe(ROWS);
    expect(await waitForImport(runner, analyst, importId)).toMatchObject({ status: 'done', progress: 3 * ROWS, total: 3 * ROWS, rows_stored_so_far: ROWS });
  });

  it('a small file still imports inline, in the call', { timeout: 180_000 }, async () => {
    const result = await runner.call('import_streams', { files: [{ name: 'small.csv', content: streamsCsv(10, { trackPrefix: 'small' }) }] }, analyst);
    expect(result).toMatchObject({ ok: true, output: { status: 'done', import_id: null, rows_stored: 10 } });
  });

  it('another organisation cannot follow or run the import', { timeout: 180_000 }, async () => {
    const importId = await importQueued(streamsCsv(ROWS, { trackPrefix: 'tenant' }), { as: new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue() }) });
    const other = await createTestOrganization(database, 'queuedimport-other');
    expect(await runner.call('get_import', { import_id: importId }, other.as('OWNER'))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await runner.call('run_import', { import_id: importId }, other.as('OWNER'))).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await streamsOf('tenant')).toBe(0);
  });
});
