import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/database.ts';
import { openTestDatabase } from '../../../db/testing/test-database.ts';
import { createTestOrganization, type TestOrganization } from '../../testing/fixtures.ts';
import { vectorsAvailable } from './embeddings/embedding-store.ts';
import { RECENT_CAPTIONS, refreshSearchDocuments, searchDocumentText } from './search-document.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Creators with a contact, one TikTok platform and `posts` captioned posts each, written in a few statements. */
async function writeCreators(database: Database, organizationId: string, prefix: string, count: number, posts: number): Promise<string[]> {
  const prisma = database.prisma;
  await prisma.$executeRaw`
    INSERT INTO "Contact" (id, "organizationId", name, "updatedAt")
    SELECT ${prefix} || '-contact-' || g, ${organizationId}, 'Creator ' || g, now() FROM generate_series(1, ${count}::int) g`;
  await prisma.$executeRaw`
    INSERT INTO "Creator" (id, "organizationId", "contactId", handle, bio, niches, genres, "updatedAt")
    SELECT ${prefix} || '-' || g, ${organizationId}, ${prefix} || '-contact-' || g, ${prefix} || '.' || g,
      'Dance covers and music reviews, number ' || g, ARRAY['dance', 'reviews'], ARRAY['pop'], now()
    FROM generate_series(1, ${count}::int) g`;
  await prisma.$executeRaw`
    INSERT INTO "CreatorPlatform" (id, "organizationId", "creatorId", network, handle, "updatedAt")
    SELECT ${prefix} || '-tiktok-' || g, ${organizationId}, ${prefix} || '-' || g, 'TIKTOK', ${prefix} || '.' || g, now()
    FROM generate_series(1, ${count}::int) g`;
  await prisma.$executeRaw`
    INSERT INTO "CreatorContent" (id, "organizationId", "creatorId", "creatorPlatformId", "externalId", "publishedAt", caption, "updatedAt")
    SELECT ${prefix} || '-post-' || g || '-' || p, ${organizationId}, ${prefix} || '-' || g, ${prefix} || '-tiktok-' || g, 'post-' || p,
      timestamptz '2026-11-01T00:00:00Z' + p * interval '1 day', 'Post ' || p || ' of creator ' || g || ': a new dance challenge', now()
    FROM generate_series(1, ${count}::int) g, generate_series(1, ${posts}::int) p`;
  return Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}`);
}

describe('refreshSearchDocuments', () => {
  let database: Database;
  let org: TestOrganization;
  let other: TestOrganization;
  let vectors: boolean;

  beforeAll(async () => {
    database = await openTestDatabase();
    org = await createTestOrganization(database, 'searchdoc');
    other = await createTestOrganization(database, 'searchdocother');
    vectors = await vectorsAvailable(database.prisma);
  });
  afterAll(async () => { await database.close(); });

  const creator = (id: string) => database.prisma.creator.findUniqueOrThrow({ where: { id }, select: { searchDocument: true, updatedAt: true } });
  const embedding = (id: string) => database.prisma.creatorEmbedding.findUnique({ where: { creatorId: id }, select: { textHash: true, updatedAt: true } });

  it('builds each document from the profile and the 20 latest captions, writes only changed rows, embeds only changed text and leaves other organisations alone', async () => {
    const [ann, bob] = await writeCreators(database, org.id, 'doc', 2, 0);
    const [stranger] = await writeCreators(database, other.id, 'docother', 1, 2);
    await database.prisma.creator.update({ where: { id: ann! }, data: { bio: 'Line one\n\nline   two', niches: ['k-pop', 'dance\ncovers'], genres: [] } });
    // Bob's lists are NULL, as a row written outside Prisma can have them (Prisma reads them as []).
    await database.prisma.$executeRaw`UPDATE "Creator" SET bio = NULL, niches = NULL, genres = NULL WHERE id = ${bob!}`;
    // Ann: 24 dated posts (one a day), two undated ones, one without a caption, one too long to keep whole.
    const posts: Array<{ id: string; publishedAt: Date | null; caption: string | null }> = [];
    for (let day = 1; day <= 24; day++) posts.push({ id: `doc-ann-${String(day).padStart(2, '0')}`, publishedAt: new Date(Date.UTC(2026, 10, day)), caption: `Day ${day}\tcaption` });
    posts.push({ id: 'doc-ann-undated-a', publishedAt: null, caption: 'Undated A' }, { id: 'doc-ann-undated-b', publishedAt: null, caption: 'Undated B' });
    posts.push({ id: 'doc-ann-silent', publishedAt: new Date(Date.UTC(2026, 10, 30)), caption: null });
    posts.push({ id: 'doc-ann-long', publishedAt: new Date(Date.UTC(2026, 10, 20, 12)), caption: 'x'.repeat(400) });
    await database.prisma.creatorContent.createMany({
      data: posts.map((post, index) => ({ ...post, organizationId: org.id, creatorId: ann!, creatorPlatformId: 'doc-tiktok-1', externalId: `ext-${index}` })),
    });

    await refreshSearchDocuments(database.prisma, org.id, [ann!, bob!, stranger!, 'no-such-creator']);

    // Newest first, undated last (higher id first among equals), captionless posts skipped, 20 kept.
    const expectedCaptions = posts
      .filter((post) => post.caption !== null)
      .sort((a, b) => (b.publishedAt?.getTime() ?? -Infinity) - (a.publishedAt?.getTime() ?? -Infinity) || (a.id < b.id ? 1 : -1))
      .slice(0, RECENT_CAPTIONS)
      .map((post) => post.caption!);
    expect(expectedCaptions[0]).toBe('Day 24\tcaption');
    expect(expectedCaptions).toContain('x'.repeat(400));
    const annDocument = searchDocumentText({ name: 'Creator 1', handle: 'doc.1', bio: 'Line one\n\nline   two', niches: ['k-pop', 'dance\ncovers'], genres: [], captions: expectedCaptions });
    expect(annDocument.split('\n').slice(0, 3)).toEqual(['Creator 1 @doc.1', 'Bio: Line one line two', 'Niches: k-pop, dance covers']);
    expect(annDocument.split('\n').filter((line) => line.startsWith('Caption: '))).toHaveLength(RECENT_CAPTIONS);
    expect(annDocument).toContain(`Caption: ${'x'.repeat(280)}\n`);
    expect(annDocument).not.toContain('Undated');
    expect((await creator(ann!)).searchDocument).toBe(annDocument);
    expect((await creator(bob!)).searchDocument).toBe('Creator 2 @doc.2');
    expect((await creator(stranger!)).searchDocument).toBe('');
    if (vectors) {
      expect((await embedding(ann!))?.textHash).toBe(sha256(annDocument));
      expect((await embedding(bob!))?.textHash).toBe(sha256('Creator 2 @doc.2'));
      expect(await embedding(stranger!)).toBeNull();
    }

    // Nothing changed: no row is written, nothing is embedded again.
    const before = { ann: await creator(ann!), bob: await creator(bob!), annVector: await embedding(ann!), bobVector: await embedding(bob!) };
    await new Promise((resolve) => setTimeout(resolve, 5));
    await refreshSearchDocuments(database.prisma, org.id, [ann!, bob!]);
    expect(await creator(ann!)).toEqual(before.ann);
    expect(await creator(bob!)).toEqual(before.bob);
    expect(await embedding(ann!)).toEqual(before.annVector);
    expect(await embedding(bob!)).toEqual(before.bobVector);

    // Bob posts: only his row and his vector change.
    await database.prisma.creatorContent.create({ data: { id: 'doc-bob-1', organizationId: org.id, creatorId: bob!, creatorPlatformId: 'doc-tiktok-2', externalId: 'bob-1', caption: 'Hello  world' } });
    await refreshSearchDocuments(database.prisma, org.id, [ann!, bob!]);
    expect(await creator(ann!)).toEqual(before.ann);
    const bobAfter = await creator(bob!);
    expect(bobAfter.searchDocument).toBe('Creator 2 @doc.2\nCaption: Hello world');
    expect(bobAfter.updatedAt.getTime()).toBeGreaterThan(before.bob.updatedAt.getTime());
    if (vectors) {
      expect(await embedding(ann!)).toEqual(before.annVector);
      expect((await embedding(bob!))?.textHash).toBe(sha256('Creator 2 @doc.2\nCaption: Hello world'));
    }
  });

  it('refreshes 1,000 creators with 5 posts each in a few statements', async () => {
    const ids = await writeCreators(database, org.id, 'bulk', 1000, 5);
    const started = performance.now();
    await refreshSearchDocuments(database.prisma, org.id, ids);
    const elapsed = performance.now() - started;
    console.info(`refreshSearchDocuments: 1,000 creators x 5 posts in ${Math.round(elapsed)} ms (${vectors ? 'with' : 'without'} vectors)`);
    const documents = await database.prisma.creator.findMany({ where: { organizationId: org.id, id: { in: ids } }, select: { id: true, searchDocument: true } });
    expect(documents).toHaveLength(1000);
    const sample = documents.find((row) => row.id === 'bulk-537')!;
    expect(sample.searchDocument).toBe(searchDocumentText({
      name: 'Creator 537', handle: 'bulk.537', bio: 'Dance covers and music reviews, number 537', niches: ['dance', 'reviews'], genres: ['pop'],
      captions: [5, 4, 3, 2, 1].map((post) => `Post ${post} of creator 537: a new dance challenge`),
    }));
    expect(documents.every((row) => row.searchDocument.split('\n').filter((line) => line.startsWith('Caption: ')).length === 5)).toBe(true);
    if (vectors) expect(await database.prisma.creatorEmbedding.count({ where: { organizationId: org.id, creatorId: { in: ids } } })).toBe(1000);
  });
});
