import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization } from '../../testing/fixtures.ts';
import type { ToolRunner } from '../../registry/runner.ts';
import type { ReleaseView } from './release-view.ts';

interface Page { rows: ReleaseView[]; next_cursor: string | null }

describe('releases', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let owner: ReturnType<typeof caller>;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('releases'));
    owner = caller(runner, () => org.as('OWNER'));
  });
  afterAll(async () => {
    await database.close();
  });

  const nightDrive = {
    title: 'Night Drive',
    artist: 'Luna Vale',
    kind: 'single',
    date: '2026-12-12',
    links: { smart_link: 'https://lnk.to/nightdrive', pre_save: 'https://presave.test/nd' },
    key_points: ['First single from the album', 'Written on a night bus'],
    assets: [{ url: 'https://cdn.test/cover.jpg', kind: 'image', alt_text: 'A car on an empty road at dusk' }],
    genre: 'indie pop',
    mood: 'nocturnal',
    promo_start: '2026-12-01',
    promo_end: '2026-12-31',
  };

  it('create_release stores the release and answers it in the tools\' words', async () => {
    const release = await owner.ok<ReleaseView>('create_release', nightDrive);
    expect(release).toMatchObject({ ...nightDrive, id: expect.any(String) });
    expect(await database.prisma.release.findUnique({ where: { id: release.id } })).toMatchObject({ organizationId: org.id, kind: 'SINGLE', artistName: 'Luna Vale', createdById: org.ownerId });
  });

  it('refuses links that do not open a page, assets without alt text and a window that ends before it starts', async () => {
    const link = await owner.fails('create_release', { ...nightDrive, links: { store: 'javascript:alert(1)' } });
    expect(link.issues?.map((issue) => issue.path)).toEqual(['links.store']);
    const alt = await owner.fails('create_release', { ...nightDrive, assets: [{ url: 'https://cdn.test/a.jpg', kind: 'image', alt_text: ' ' }] });
    expect(alt.issues?.map((issue) => issue.path)).toEqual(['assets[0].alt_text']);
    const window = await owner.fails('create_release', { ...nightDrive, promo_start: '2026-12-10', promo_end: '2026-12-01' });
    expect(window).toMatchObject({ code: 'invalid_input', message: 'promo_end: 2026-12-01 is before promo_start 2026-12-10' });
  });

  it('update_release changes only what is given, null clears, and the window is checked against the stored side', async () => {
    const release = await owner.ok<ReleaseView>('create_release', { ...nightDrive, title: 'Tour: Lisbon', kind: 'tour_date' });
    const updated = await owner.ok<ReleaseView>('update_release', { release_id: release.id, mood: null, key_points: ['Doors at 20:00'] });
    expect(updated).toMatchObject({ title: 'Tour: Lisbon', kind: 'tour_date', mood: null, key_points: ['Doors at 20:00'], links: nightDrive.links, genre: 'indie pop' });
    const early = await owner.fails('update_release', { release_id: release.id, promo_end: '2026-11-30' });
    expect(early.message).toBe('promo_end: 2026-11-30 is before promo_start 2026-12-01');
    expect((await owner.fails('update_release', { release_id: release.id })).code).toBe('invalid_input');
  });

  it('list_releases filters by text, kind and a day inside the promo window (an open window has no end)', async () => {
    await owner.ok('create_release', { title: 'Merch: glow hoodie', artist: 'Luna Vale', kind: 'merch_drop', promo_start: '2027-01-05' });
    await owner.ok('create_release', { title: 'Old EP', artist: 'Other Artist', kind: 'album', promo_start: '2026-01-01', promo_end: '2026-01-31' });
    const byText = await owner.ok<Page>('list_releases', { search: 'luna' });
    expect(byText.rows.map((row) => row.title)).toEqual(['Merch: glow hoodie', 'Tour: Lisbon', 'Night Drive']);
    const merch = await owner.ok<Page>('list_releases', { kind: 'merch_drop' });
    expect(merch.rows.map((row) => row.title)).toEqual(['Merch: glow hoodie']);
    const inPromo = await owner.ok<Page>('list_releases', { promo_on: '2026-12-15' });
    expect(inPromo.rows.map((row) => row.title)).toEqual(['Tour: Lisbon', 'Night Drive']);
    const openEnded = await owner.ok<Page>('list_releases', { promo_on: '2027-03-01' });
    expect(openEnded.rows.map((row) => row.title)).toEqual(['Merch: glow hoodie']);
    const paged = await owner.ok<Page>('list_releases', { limit: 2 });
    const next = await owner.ok<Page>('list_releases', { limit: 2, cursor: paged.next_cursor });
    expect([...paged.rows, ...next.rows]).toHaveLength(4);
  });

  it('another organisation cannot see or change the release; a viewer may read but not write', async () => {
    const [release] = (await owner.ok<Page>('list_releases', { search: 'Night Drive' })).rows;
    const other = await createTestOrganization(database, 'releases-other');
    const outsider = caller(runner, () => other.as('OWNER'));
    expect(await outsider.fails('update_release', { release_id: release!.id, title: 'Stolen' })).toMatchObject({ code: 'not_found', message: `No release with id ${release!.id} in this organisation.` });
    expect((await outsider.ok<Page>('list_releases', {})).rows).toEqual([]);
    const viewer = caller(runner, () => org.as('VIEWER'));
    expect((await viewer.ok<Page>('list_releases', {})).rows.length).toBeGreaterThan(0);
    expect((await viewer.fails('create_release', nightDrive)).code).toBe('forbidden');
  });
});
