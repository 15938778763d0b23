import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../../testing/caller.ts';
import { openToolTestWorld, type ToolTestWorld } from '../../testing/fixtures.ts';
import { BIG_IMPORT_CHARS } from '../../imports/big-import.ts';
import { waitForImport } from '../../imports/testing/wait-for-import.ts';

const EXAMPLE = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'examples', 'creators.csv'), 'utf8');

interface Outcome {
  files_loaded: number; files_rejected: number; rows: number; rows_stored: number; rows_unchanged: number; rows_replaced: number; dry_run: boolean;
  errors: Array<{ file: string; line: number; reason: string }>; kept_synced: Array<{ file_line: number; handle: string; network: string; reason: string }>;
}

describe('import_creators', () => {
  let world: ToolTestWorld;
  const clock = { now: new Date('2026-11-20T10:00:00Z') };
  const owner = () => caller(world.runner, () => world.org.as('OWNER'));
  const importCsv = (content: string, dryRun = false) => owner().ok<Outcome>('import_creators', { files: [{ name: 'creators.csv', content }], dry_run: dryRun });
  const creators = () => world.database.prisma.creator.findMany({ where: { organizationId: world.org.id }, include: { platforms: true, contact: { include: { emails: true } } }, orderBy: { handle: 'asc' } });
  const snapshots = () => world.database.prisma.creatorPlatformSnapshot.count({ where: { organizationId: world.org.id } });

  beforeAll(async () => {
    world = await openToolTestWorld('creatorimport', { now: () => clock.now });
  });
  afterAll(async () => { await world.database.close(); });

  it('a dry run checks the example file and stores nothing; the import stores creators, platforms and import snapshots; an email on a contact links to it', async () => {
    const leo = await owner().ok<{ id: string }>('create_contact', { name: 'Leo Park', emails: ['leo@parkplays.example'], title: 'Streamer' });
    expect(await importCsv(EXAMPLE, true)).toMatchObject({ dry_run: true, files_loaded: 1, rows: 4, rows_stored: 0, errors: [] });
    expect(await creators()).toEqual([]);

    expect(await importCsv(EXAMPLE)).toMatchObject({ files_loaded: 1, rows: 4, rows_stored: 4, rows_unchanged: 0, rows_replaced: 0, kept_synced: [] });
    const stored = await creators();
    expect(stored.map((creator) => creator.handle)).toEqual(['aiko.lofi', 'leoplays', 'mara.beats', 'tomasrivera']);
    const mara = stored.find((creator) => creator.handle === 'mara.beats')!;
    expect(mara).toMatchObject({ country: 'ES', languages: ['es', 'en'], niches: ['dance', 'comedy'], genres: ['reggaeton', 'latin pop'], bio: 'Dance challenges and reggaeton reviews from Madrid.' });
    expect(Number(mara.commissionRate)).toBe(0.15);
    expect(mara.contact).toMatchObject({ name: 'Mara Lopez', source: 'import', emails: [expect.objectContaining({ email: 'mara@beats.example', isPrimary: true })] });
    const tiktok = mara.platforms.find((platform) => platform.network === 'TIKTOK')!;
    expect(tiktok).toMatchObject({ handle: 'mara.beats', followers: 250000, averageViews: 180000, metricsSource: 'import' });
    expect(Number(tiktok.engagementRate)).toBe(0.061);
    expect(mara.platforms.find((platform) => platform.network === 'INSTAGRAM')).toMatchObject({ handle: 'mara_ig', url: 'https://www.instagram.com/mara_ig', followers: 120000 });
    // Leo's email was on a contact: the creator is that contact, not a second Leo.
    expect(stored.find((creator) => creator.handle === 'leoplays')!.contactId).toBe(leo.id);
    expect(await world.database.prisma.contact.count({ where: { organizationId: world.org.id, name: 'Leo Park' } })).toBe(1);
    // Tomás has no email: a contact without one.
    expect(stored.find((creator) => creator.handle === 'tomasrivera')!.contact.emails).toEqual([]);
    expect(await snapshots()).toBe(6);
    expect(await world.database.prisma.creatorPlatformSnapshot.count({ where: { organizationId: world.org.id, source: { not: 'import' } } })).toBe(0);
    expect(mara.searchDocument).toContain('reggaeton reviews');
    const entries = await world.database.prisma.activity.findMany({ where: { organizationId: world.org.id, kind: 'creator_imported' } });
    expect(entries).toHaveLength(4);
    expect(entries[0]!.summary).toBe('owner@creatorimport.test imported 4 creators from a CSV file');
  });

  it('importing the same file again changes nothing; a corrected file updates by handle, never duplicates, and adds history only for changed figures', async () => {
    clock.now = new Date('2026-11-21T10:00:00Z');
    expect(await importCsv(EXAMPLE)).toMatchObject({ rows: 4, rows_stored: 0, rows_unchanged: 4 });
    expect(await snapshots()).toBe(6);
    clock.now = new Date('2026-11-22T10:00:00Z');
    const corrected = EXAMPLE.replace('mara.beats,250000,6.1%', 'mara.beats,262000,6.1%').replace('Workout routines set to cumbia.', 'Workout routines to cumbia and banda.');
    expect(await importCsv(corrected)).toMatchObject({ rows: 4, rows_stored: 2, rows_replaced: 2, rows_unchanged: 2 });
    expect((await creators()).length).toBe(4);
    expect(await snapshots()).toBe(7);
    const history = await world.database.prisma.creatorPlatformSnapshot.findMany({ where: { organizationId: world.org.id, platform: { network: 'TIKTOK', creator: { handle: 'mara.beats' } } }, orderBy: { capturedAt: 'asc' } });
    expect(history.map((row) => [row.capturedAt.toISOString().slice(0, 10), row.followers])).toEqual([['2026-11-20', 250000], ['2026-11-22', 262000]]);
    const tomas = (await creators()).find((creator) => creator.handle === 'tomasrivera')!;
    expect(tomas.bio).toBe('Workout routines to cumbia and banda.');
    // An empty cell leaves the stored value: a file with fewer columns does not wipe the profile.
    expect(await importCsv('name,handle,country\nMara Lopez,mara.beats,\n')).toMatchObject({ rows_unchanged: 1 });
    expect((await creators()).find((creator) => creator.handle === 'mara.beats')).toMatchObject({ country: 'ES', genres: ['reggaeton', 'latin pop'] });
  });

  it('a file with bad rows is rejected whole, each problem named with its line and column', async () => {
    const bad = [
      'name,email,handle,country,languages,tiktok_followers,tiktok_engagement_rate,instagram_url',
      'Nia Cole,nia@cole.example,niacole,GB,en,1000,0.05,',
      'Bad Country,bc@x.example,badcountry,Spain,es,,,',
      'Bad Rate,br@x.example,badrate,US,en,5000,4.2,',
      'Bad Language,bl@x.example,badlang,US,english,,,',
      'Bad Link,bk@x.example,badlink,US,en,,,javascript:alert(1)',
      'Twice,tw@x.example,@NiaCole,US,en,,,',
      'Bad Number,bn@x.example,badnumber,US,en,12k,,',
      ',nobody@x.example,noname,US,en,,,',
    ].join('\n');
    const outcome = await importCsv(bad);
    expect(outcome).toMatchObject({ files_loaded: 0, files_rejected: 1, rows_stored: 0 });
    expect(outcome.errors.map((error) => [error.line, error.reason])).toEqual([
      [3, 'country "Spain" is not an ISO 3166-1 alpha-2 code (such as US, GB, ES)'],
      [4, 'tiktok_engagement_rate "4.2" is over 1: write a share (0.042) or a percentage (4.2%)'],
      [5, 'languages "english" is not an ISO 639-1 code (such as en, es, pt)'],
      [6, 'instagram_url "javascript:alert(1)" is not an http:// or https:// link'],
      [7, 'repeats line 2 (handle @niacole); each one may appear once per file'],
      [8, 'tiktok_followers "12k" is not a whole number'],
      [9, 'name is empty'],
    ]);
    expect((await creators()).map((creator) => creator.handle)).not.toContain('niacole');

    const header = await importCsv('name,handle,tiktok_folowers\nNia Cole,niacole,100\n');
    expect(header.errors).toEqual([{ file: 'creators.csv', line: 1, reason: expect.stringContaining('unknown column "tiktok_folowers"') }]);
    const missing = await importCsv('name,email\nNia Cole,nia@cole.example\n');
    expect(missing.errors[0]).toMatchObject({ line: 1, reason: expect.stringContaining('missing column handle') });
  });

  it('emails decide the person: one address for two handles, or an address of another creator, is a bad row naming them', async () => {
    const twice = await importCsv('name,email,handle\nNia Cole,nia@cole.example,niacole\nNia Again,NIA@cole.example,nia2\n');
    expect(twice.errors).toEqual([{ file: 'creators.csv', line: 3, reason: 'email nia@cole.example is also on line 2 (@niacole); one person is one creator' }]);
    const another = await importCsv('name,email,handle\nMara Lopez,mara@beats.example,mara.second\n');
    expect(another.errors).toEqual([{ file: 'creators.csv', line: 2, reason: "email mara@beats.example belongs to contact 'Mara Lopez', already creator @mara.beats; use that handle to update them" }]);
    const mismatch = await importCsv('name,email,handle\nLeo Park,mara@beats.example,leoplays\n');
    expect(mismatch.errors).toEqual([{ file: 'creators.csv', line: 2, reason: "email mara@beats.example belongs to contact 'Mara Lopez', but @leoplays is the creator of contact 'Leo Park'" }]);
    // A new address for a known handle joins their contact.
    expect(await importCsv('name,email,handle\nMara Lopez,mara.bookings@beats.example,mara.beats\n')).toMatchObject({ rows_replaced: 1 });
    const mara = (await creators()).find((creator) => creator.handle === 'mara.beats')!;
    expect(mara.contact.emails.map((email) => [email.email, email.isPrimary]).sort()).toEqual([['mara.bookings@beats.example', false], ['mara@beats.example', true]]);
  });

  it('a platform Phyllo syncs keeps its synced figures; the rest of the row is used and the answer lists what was left out', async () => {
    const aiko = (await creators()).find((creator) => creator.handle === 'aiko.lofi')!;
    const tiktok = aiko.platforms.find((platform) => platform.network === 'TIKTOK')!;
    await world.database.prisma.creatorPlatform.update({ where: { id: tiktok.id }, data: { connection: 'CONNECTED', phylloAccountId: 'acc-aiko', followers: 415000, metricsSource: 'phyllo', lastSyncedAt: new Date('2026-11-22T06:00:00Z') } });
    const before = await snapshots();
    const file = 'name,handle,bio,tiktok_followers,instagram_followers\nAiko Tanaka,aiko.lofi,Lo-fi study sessions and city pop.,999999,70000\n';
    const dry = await importCsv(file, true);
    expect(dry.kept_synced).toEqual([{ file_line: 2, handle: 'aiko.lofi', network: 'tiktok', reason: "tiktok is synced by Phyllo (connected, last synced 2026-11-22 06:00 UTC): the file's figures were not used" }]);
    const outcome = await importCsv(file);
    expect(outcome).toMatchObject({ rows_replaced: 1, kept_synced: [expect.objectContaining({ network: 'tiktok' })] });
    const after = (await creators()).find((creator) => creator.handle === 'aiko.lofi')!;
    expect(after.platforms.find((platform) => platform.network === 'TIKTOK')).toMatchObject({ followers: 415000, metricsSource: 'phyllo' });
    expect(after.platforms.find((platform) => platform.network === 'INSTAGRAM')).toMatchObject({ followers: 70000, metricsSource: 'import' });
    expect(after.bio).toBe('Lo-fi study sessions and city pop.');
    expect(await snapshots()).toBe(before + 1);
  });

  it('a file over 2 MB is queued: the job checks every row, stores in batches, and running the same file again changes nothing', { timeout: 400_000 }, async () => {
    const text = (index: number) => `Creator number ${index} films dance tutorials and reviews new pop releases every week. `.repeat(5).slice(0, 480);
    const lines = ['name,handle,bio,notes,tiktok_followers'];
    for (let index = 0, size = 0; size < BIG_IMPORT_CHARS + 20_000; index++) {
      const line = `Bulk ${index},bulk${index},${text(index)},${text(index + 1)},${1_000 + index}`;
      lines.push(line);
      size += line.length + 1;
    }
    const rows = lines.length - 1;
    const content = `${lines.join('\n')}\n`;
    const queue = async () => {
      const queued = await owner().ok<{ status: string; import_id: string }>('import_creators', { files: [{ name: 'bulk.csv', content }] });
      expect(queued.status).toBe('queued');
      return waitForImport(world.runner, world.org.as('OWNER'), queued.import_id);
    };
    const first = await queue();
    expect(first).toMatchObject({ status: 'done', error: null, result: { files_loaded: 1, rows, rows_stored: rows, rows_unchanged: 0 } });
    expect(await world.database.prisma.creator.count({ where: { organizationId: world.org.id, handle: { startsWith: 'bulk' } } })).toBe(rows);
    expect(await world.database.prisma.creatorPlatformSnapshot.count({ where: { organizationId: world.org.id, source: 'import', platform: { creator: { handle: { startsWith: 'bulk' } } } } })).toBe(rows);
    const again = await queue();
    expect(again.result).toMatchObject({ rows, rows_stored: 0, rows_unchanged: rows });
  });
});
