import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosineSimilarity, hashEmbedding, LOCAL_EMBEDDER_KEY, localHashEmbedder, textHash } from './embedder.ts';
import { createCreatorEmbedder } from './embedder-services.ts';
import { embeddingsSettingsFrom } from './embeddings-settings.ts';
import { EmbeddingsError, openAiCompatibleEmbedder } from './openai-embedder.ts';
import { startFakeEmbeddings, type FakeEmbeddingsServer } from './testing/fake-openai-embeddings.ts';

describe('the offline embedder', () => {
  it('is deterministic, 384 wide and L2-normalised', async () => {
    const embedder = localHashEmbedder();
    const [first, again] = await embedder.embed(['K-pop dance covers every week', 'K-pop dance covers every week']);
    expect(embedder).toMatchObject({ key: LOCAL_EMBEDDER_KEY, dimensions: 384, local: true });
    expect(first).toHaveLength(384);
    expect(first).toEqual(again);
    expect(Math.sqrt(first!.reduce((sum, value) => sum + value * value, 0))).toBeCloseTo(1, 10);
    expect(hashEmbedding('')).toEqual(new Array(384).fill(0));
  });

  it('puts related texts closer than unrelated ones, misspellings included (character 3-grams)', () => {
    const dance = hashEmbedding('k-pop dance covers and choreography');
    expect(cosineSimilarity(dance, hashEmbedding('dance cover of a k-pop song'))).toBeGreaterThan(cosineSimilarity(dance, hashEmbedding('texas barbecue and smoked brisket')) + 0.2);
    // 8 shared 3-grams (" ch" to "gra") of 12 and 11, weight 0.35 against the whole word's 1: about 0.41 without
    // bucket collisions (a colliding pair of opposite signs takes a little off); an unrelated word shares nothing.
    expect(cosineSimilarity(hashEmbedding('choreography'), hashEmbedding('choreografy'))).toBeGreaterThan(0.3);
    expect(Math.abs(cosineSimilarity(hashEmbedding('choreography'), hashEmbedding('barbecue')))).toBeLessThan(0.1);
    expect(cosineSimilarity(hashEmbedding('Café Crème'), hashEmbedding('cafe creme'))).toBeCloseTo(1, 10);
  });

  it('hashes the text it embedded as sha256 hex', () => {
    expect(textHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('the OpenAI-compatible embedder against a fake /embeddings endpoint', () => {
  let fake: FakeEmbeddingsServer;
  const sleeps: number[] = [];
  const sleep = async (ms: number) => void sleeps.push(ms);

  beforeAll(async () => {
    fake = await startFakeEmbeddings({ dimensions: 12, apiKey: 'sk-test-123' });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('batches, sends the model and the Bearer key, puts vectors back in input order and learns the width', async () => {
    const embedder = openAiCompatibleEmbedder({ url: `${fake.url}/`, model: 'nomic-embed-text', apiKey: 'sk-test-123' }, { batchSize: 2, sleep });
    expect(embedder).toMatchObject({ key: 'nomic-embed-text', dimensions: 0, local: false });
    const texts = ['one', 'two', 'three', 'four', 'five'];
    fake.requests.length = 0;
    const vectors = await embedder.embed(texts);
    expect(fake.requests.map((request) => request.input)).toEqual([['one', 'two'], ['three', 'four'], ['five']]);
    expect(fake.requests.every((request) => request.model === 'nomic-embed-text' && request.authorization === 'Bearer sk-test-123')).toBe(true);
    expect(vectors).toEqual(texts.map((text) => hashEmbedding(text, 12)));
    expect(embedder.dimensions).toBe(12);
  });

  it('retries 429 (after retry-after) and 5xx, then answers', async () => {
    const embedder = openAiCompatibleEmbedder({ url: fake.url, model: 'm', apiKey: 'sk-test-123' }, { sleep });
    sleeps.length = 0;
    fake.requests.length = 0;
    fake.failNext(429, 503);
    expect(await embedder.embed(['hello'])).toEqual([hashEmbedding('hello', 12)]);
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([0, 1000]);
  });

  it('gives up after its tries with a clear error, and refuses at once on 401 naming the variable to check', async () => {
    const embedder = openAiCompatibleEmbedder({ url: fake.url, model: 'm', apiKey: 'sk-test-123' }, { sleep, attempts: 2 });
    fake.failNext(500, 500);
    await expect(embedder.embed(['x'])).rejects.toThrow(/failed after 2 tries: .*answered 500: The server had an error/);
    const wrongKey = openAiCompatibleEmbedder({ url: fake.url, model: 'm', apiKey: 'nope' }, { sleep });
    const refused = await wrongKey.embed(['x']).catch((error: unknown) => error as EmbeddingsError);
    expect(refused).toBeInstanceOf(EmbeddingsError);
    expect((refused as EmbeddingsError).status).toBe(401);
    expect((refused as EmbeddingsError).message).toMatch(/401: Incorrect API key provided\. \(check CRESCENDO_EMBEDDINGS_API_KEY\)/);
    expect((refused as EmbeddingsError).message).not.toContain('nope');
    const wrongPath = openAiCompatibleEmbedder({ url: fake.url.replace('/v1', '/v2'), model: 'm' }, { sleep });
    await expect(wrongPath.embed(['x'])).rejects.toThrow(/404.*check CRESCENDO_EMBEDDINGS_URL/);
  });

  it('an unreachable endpoint is reported with its address', async () => {
    const embedder = openAiCompatibleEmbedder({ url: 'http://127.0.0.1:9/v1', model: 'm' }, { sleep, attempts: 2 });
    await expect(embedder.embed(['x'])).rejects.toThrow(/failed after 2 tries: could not reach http:\/\/127\.0\.0\.1:9\/v1\/embeddings/);
  });

  it('refuses an answer of the wrong shape or a changed width', async () => {
    const answer = (body: unknown) => (async () => new Response(JSON.stringify(body), { status: 200 })) as unknown as typeof fetch;
    await expect(openAiCompatibleEmbedder({ url: 'http://x', model: 'm' }, { fetch: answer({ embeddings: [] }) }).embed(['a'])).rejects.toThrow(/without a data array/);
    await expect(openAiCompatibleEmbedder({ url: 'http://x', model: 'm' }, { fetch: answer({ data: [{ embedding: ['a'], index: 0 }] }) }).embed(['a'])).rejects.toThrow(/not a list of numbers/);
    const embedder = openAiCompatibleEmbedder({ url: fake.url, model: 'm', apiKey: 'sk-test-123' }, { sleep });
    await embedder.embed(['a']);
    const widths = [[1, 2, 3]];
    const changing = openAiCompatibleEmbedder({ url: 'http://x', model: 'm' }, { fetch: (async () => new Response(JSON.stringify({ data: [{ embedding: widths.shift() ?? [1, 2], index: 0 }] }))) as unknown as typeof fetch });
    await changing.embed(['a']);
    await expect(changing.embed(['b'])).rejects.toThrow(/2 dimensions where earlier answers had 3/);
  });

  it('the settings choose: a URL means the remote model, none the offline embedder', () => {
    expect(createCreatorEmbedder(undefined).key).toBe(LOCAL_EMBEDDER_KEY);
    expect(createCreatorEmbedder({ url: fake.url, model: 'all-minilm' })).toMatchObject({ key: 'all-minilm', local: false });
  });

  it('settings come from CRESCENDO_EMBEDDINGS_URL / _MODEL / _API_KEY, incomplete ones refused', () => {
    expect(embeddingsSettingsFrom({})).toBeUndefined();
    expect(embeddingsSettingsFrom({ CRESCENDO_EMBEDDINGS_URL: 'http://localhost:11434/v1/', CRESCENDO_EMBEDDINGS_MODEL: 'nomic-embed-text' })).toEqual({ url: 'http://localhost:11434/v1', model: 'nomic-embed-text' });
    expect(embeddingsSettingsFrom({ CRESCENDO_EMBEDDINGS_URL: 'https://api.openai.com/v1', CRESCENDO_EMBEDDINGS_MODEL: 'text-embedding-3-small', CRESCENDO_EMBEDDINGS_API_KEY: 'sk-1' })).toMatchObject({ apiKey: 'sk-1' });
    expect(() => embeddingsSettingsFrom({ CRESCENDO_EMBEDDINGS_URL: 'http://localhost:11434/v1' })).toThrow(/needs CRESCENDO_EMBEDDINGS_MODEL/);
    expect(() => embeddingsSettingsFrom({ CRESCENDO_EMBEDDINGS_MODEL: 'x' })).toThrow(/CRESCENDO_EMBEDDINGS_MODEL set without CRESCENDO_EMBEDDINGS_URL/);
  });
});
