import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { testBackend } from '../../db/testing/test-database.ts';
import { configureCreatorEmbeddings } from '../../tools/creators/search/embeddings/embedder-services.ts';
import { LOCAL_EMBEDDER_KEY, localHashEmbedder } from '../../tools/creators/search/embeddings/embedder.ts';
import { openAiCompatibleEmbedder } from '../../tools/creators/search/embeddings/openai-embedder.ts';
import { startFakeEmbeddings, type FakeEmbeddingsServer } from '../../tools/creators/search/embeddings/testing/fake-openai-embeddings.ts';
import { CREATOR_EMBEDDINGS_JOB, refreshSearchDocuments } from '../../tools/creators/search/search-document.ts';
import { writeCreatorFixture, FIXTURE_CREATORS } from '../../tools/creators/search/testing/creator-fixture.ts';
import type { JobRequest } from '../../tools/registry/context.ts';
import type { ToolRunner } from '../../tools/registry/runner.ts';
import type { ToolDb } from '../../tools/registry/tenant-scope.ts';
import { caller } from '../../tools/testing/caller.ts';
import { openToolTestWorld, type TestOrganization } from '../../tools/testing/fixtures.ts';
import { findJob } from '../catalogue.ts';
import { SCHEDULES } from '../schedules.ts';
import { enqueueEmbeddingSweeps, runCreatorEmbeddings } from './creator-embeddings.ts';
import { creatorEmbeddingsJob } from './creator-embeddings-job.ts';

const silent = { info() {}, warn() {}, error() {} };
const onPglite = testBackend() === 'pglite';

describe('creator embeddings stay current', () => {
  let database: Database;
  let runner: ToolRunner;
  let org: TestOrganization;
  let ids: Map<string, string>;
  let fake: FakeEmbeddingsServer;

  beforeAll(async () => {
    ({ database, runner, org } = await openToolTestWorld('creator-embeddings'));
    fake = await startFakeEmbeddings({ dimensions: 16 });
    ids = await writeCreatorFixture(database.prisma, org.id);
  }, 120_000);
  afterAll(async () => {
    configureCreatorEmbeddings(undefined);
    await fake.close();
    await database.close();
  });

  const rows = () => database.prisma.creatorEmbedding.findMany({ where: { organizationId: org.id }, orderBy: { creatorId: 'asc' } });
  const search = (query: string) => caller(runner, () => org.as('VIEWER')).ok<{ hits: Array<{ handle: string }>; ranking: { vector: boolean; embedder: string; note: string | null } }>('search_creators', { query });

  it.skipIf(!onPglite)('the offline embedder embedded every creator inline, keyed local-hash-384 with the text hash', async () => {
    const stored = await rows();
    expect(stored).toHaveLength(FIXTURE_CREATORS.length);
    expect(new Set(stored.map((row) => `${row.model}/${row.dimensions}`))).toEqual(new Set([`${LOCAL_EMBEDDER_KEY}/384`]));
    const minji = await database.prisma.creator.findUniqueOrThrow({ where: { id: ids.get('minji.moves')! } });
    const { textHash } = await import('../../tools/creators/search/embeddings/embedder.ts');
    expect(stored.find((row) => row.creatorId === minji.id)?.textHash).toBe(textHash(minji.searchDocument));
  });

  it.skipIf(!onPglite)('changing the embedder turns vectors off until the job has re-embedded everything, in batches with progress', async () => {
    configureCreatorEmbeddings(openAiCompatibleEmbedder({ url: fake.url, model: 'fake-embed-16' }));
    const before = await search('vinyl record collector');
    expect(before.ranking).toMatchObject({ vector: false, embedder: 'fake-embed-16' });
    expect(before.ranking.note).toMatch(/until creators are embedded with fake-embed-16/);
    expect(before.hits[0]!.handle).toBe('crate.digger.dan');

    const progress: Array<[number, number]> = [];
    fake.requests.length = 0;
    const result = await runCreatorEmbeddings(database.prisma, org.id, { embedder: openAiCompatibleEmbedder({ url: fake.url, model: 'fake-embed-16' }), log: silent, batch: 20, onProgress: (done, total) => progress.push([done, total]) });
    expect(result).toEqual({ embedded: 50, stale: 50, embedder: 'fake-embed-16' });
    expect(progress).toEqual([[20, 50], [40, 50], [50, 50]]);
    expect(new Set((await rows()).map((row) => `${row.model}/${row.dimensions}`))).toEqual(new Set(['fake-embed-16/16']));

    const after = await search('vinyl record collector');
    expect(after.ranking).toMatchObject({ vector: true, embedder: 'fake-embed-16', note: null });
    expect(after.hits[0]!.handle).toBe('crate.digger.dan');

    // Nothing is stale now: a second sweep sends nothing to the endpoint (only the search's query did).
    fake.requests.length = 0;
    expect(await runCreatorEmbeddings(database.prisma, org.id, { embedder: openAiCompatibleEmbedder({ url: fake.url, model: 'fake-embed-16' }), log: silent })).toEqual({ embedded: 0, stale: 0, embedder: 'fake-embed-16' });
    expect(fake.requests).toHaveLength(0);
  });

  it.skipIf(!onPglite)('with a remote embedder a changed profile queues the job for that creator; unchanged text is not embedded again', async () => {
    const minji = ids.get('minji.moves')!;
    const queued: JobRequest[] = [];
    await database.prisma.$transaction(async (tx) => {
      await tx.creator.update({ where: { id: minji }, data: { bio: 'K-pop dance covers and a new vinyl collection every month.' } });
      await refreshSearchDocuments(tx as unknown as ToolDb, org.id, [minji, ids.get('seoul.step')!], { jobs: { enqueue: (job) => void queued.push(job) } });
    });
    expect(queued).toHaveLength(1);
    expect(queued[0]!.name).toBe(CREATOR_EMBEDDINGS_JOB);
    expect(queued[0]!.payload.organizationId).toBe(org.id);
    expect(new Set(queued[0]!.payload.creatorIds as string[])).toEqual(new Set([minji, ids.get('seoul.step')!]));
    fake.requests.length = 0;
    const result = await creatorEmbeddingsJob.run({ prisma: database.prisma, log: silent } as never, creatorEmbeddingsJob.payload.parse(queued[0]!.payload));
    // seoul.step's text did not change: only minji went to the endpoint.
    expect(result).toMatchObject({ embedded: 1 });
    expect(fake.requests.flatMap((request) => request.input)).toEqual([expect.stringContaining('a new vinyl collection every month')]);
  });

  it.skipIf(!onPglite)('back to the offline embedder: the start-up sweep re-embeds everything, search says which embedder', async () => {
    configureCreatorEmbeddings(localHashEmbedder());
    const queued: JobRequest[] = [];
    expect(await enqueueEmbeddingSweeps(database.prisma, { enqueue: async (job) => void queued.push(job) })).toBe(1);
    expect(queued).toEqual([{ name: CREATOR_EMBEDDINGS_JOB, payload: { organizationId: org.id } }]);
    const result = await creatorEmbeddingsJob.run({ prisma: database.prisma, log: silent } as never, creatorEmbeddingsJob.payload.parse(queued[0]!.payload));
    expect(result).toMatchObject({ embedded: 50, embedder: LOCAL_EMBEDDER_KEY });
    expect(creatorEmbeddingsJob.recordsRun!(result)).toBe(true);
    expect(creatorEmbeddingsJob.recordsRun!({ embedded: 0, stale: 0, embedder: LOCAL_EMBEDDER_KEY })).toBe(false);
    const answer = await search('vinyl record collector');
    expect(answer.ranking).toMatchObject({ vector: true, embedder: LOCAL_EMBEDDER_KEY, note: null });
  });

  it('the job is in the catalogue and swept hourly under a key per hour', () => {
    expect(findJob(CREATOR_EMBEDDINGS_JOB)).toBe(creatorEmbeddingsJob);
    const schedule = SCHEDULES.find((candidate) => candidate.job === CREATOR_EMBEDDINGS_JOB)!;
    const payload = schedule.payload({ id: 'org-1', timeZone: 'UTC' }, new Date('2026-12-06T11:41:00Z'));
    expect(payload).toEqual({ organizationId: 'org-1', sweep: '2026120611' });
    expect(creatorEmbeddingsJob.key(creatorEmbeddingsJob.payload.parse(payload))).toBe('creators.embeddings.org-1.2026120611');
  });

  it.skipIf(onPglite)('on Postgres without pgvector: no vector was written, the job does nothing and says why, search still answers', async () => {
    expect(await database.prisma.creatorEmbedding.count()).toBe(0);
    const result = await runCreatorEmbeddings(database.prisma, org.id, { embedder: localHashEmbedder(), log: silent });
    expect(result).toMatchObject({ embedded: 0, skipped: expect.stringContaining('no pgvector') });
    const answer = await search('vinyl record collector');
    expect(answer.hits[0]!.handle).toBe('crate.digger.dan');
    expect(answer.ranking).toMatchObject({ vector: false, note: expect.stringContaining('no pgvector') });
  });
});
