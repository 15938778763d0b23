import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInstagramClient } from './instagram.ts';
import { memoryCheckpoints, type PublishablePost } from './publishing.ts';
import { expectPublishFailure, testDeps } from './testing/connector-test-kit.ts';
import { fakeGraphApi, graphError, GRAPH_VERSION_PATH, type FakeGraphState } from './testing/fake-graph-api.ts';
import { startFakeSocialServer, type FakeSocialServer } from './testing/fake-social-server.ts';

const token = 'IGQVJ-valid-token-0123456789';
const account = { accessToken: token, accountId: '17841400000000001' };
const image: PublishablePost = { contentType: 'post', caption: 'Out now: Lowtide', hashtags: ['newmusic'], media: [{ url: 'https://cdn.example/cover.jpg', kind: 'image' }] };

let fake: FakeSocialServer;
let graph: FakeGraphState;
beforeEach(async () => {
  const api = fakeGraphApi(token);
  graph = api.state;
  fake = await startFakeSocialServer([api.route]);
});
afterEach(() => fake.close());

const client = (deps = testDeps()) => createInstagramClient({ baseUrl: fake.url + GRAPH_VERSION_PATH, deps });

describe('Instagram connector', () => {
  it('publishes an image: container, status, media_publish, permalink', async () => {
    const result = await client().publish(image, account, { idempotencyKey: 'approval-1' });
    expect(result.externalId).toBe(graph.published[0]!.mediaId);
    expect(result.url).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    expect(graph.published[0]!.fields).toEqual({ image_url: 'https://cdn.example/cover.jpg', caption: 'Out now: Lowtide\n\n#newmusic' });
    // The token travels in the form body of POSTs, not in their URL.
    expect(fake.requestsTo('POST').every((request) => !request.query.has('access_token'))).toBe(true);
  });

  it('waits while a reel is processed (two IN_PROGRESS polls) before publishing', async () => {
    const deps = testDeps();
    const reel: PublishablePost = { contentType: 'reel', caption: 'Teaser', media: [{ url: 'https://cdn.example/teaser.mp4', kind: 'video' }] };
    await client(deps).publish(reel, account, { idempotencyKey: 'approval-2' });
    expect(graph.published[0]!.fields).toMatchObject({ media_type: 'REELS', video_url: 'https://cdn.example/teaser.mp4', share_to_feed: 'true' });
    expect(fake.requestsTo(/^GET .*\/\d+$/).length).toBeGreaterThanOrEqual(3);
    expect(deps.slept).toEqual([1, 1]);
  });

  it('publishes a carousel from item containers', async () => {
    const carousel: PublishablePost = { ...image, media: [image.media[0]!, { url: 'https://cdn.example/clip.mp4', kind: 'video' }] };
    await client().publish(carousel, account, { idempotencyKey: 'approval-3' });
    const created = [...graph.containers.values()].map((container) => container.fields);
    expect(created.slice(0, 2).every((fields) => fields.is_carousel_item === 'true')).toBe(true);
    expect(created[2]).toMatchObject({ media_type: 'CAROUSEL', children: [...graph.containers.keys()].slice(0, 2).join(',') });
  });

  it('retries a rate limit honouring retry-after, and a 500, then succeeds', async () => {
    const deps = testDeps();
    fake.scriptNext(`POST ${GRAPH_VERSION_PATH}/${account.accountId}/media`, { status: 429, headers: { 'retry-after': '2' }, body: graphError(4, '(#4) Application request limit reached') });
    fake.scriptNext(`POST ${GRAPH_VERSION_PATH}/${account.accountId}/media_publish`, { status: 500, body: graphError(2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true }) });
    const result = await client(deps).publish(image, account, { idempotencyKey: 'approval-4' });
    expect(result.externalId).toBeTruthy();
    expect(deps.slept[0]).toBe(2000);
    expect(graph.published).toHaveLength(1);
  });

  it('gives up on throttling after its attempts with a retryable error', async () => {
    const throttled = { status: 400, body: graphError(17, '(#17) User request limit reached') };
    fake.scriptNext(`POST ${GRAPH_VERSION_PATH}/${account.accountId}/media`, throttled, throttled, throttled, throttled);
    const error = await expectPublishFailure(client().publish(image, account, { idempotencyKey: 'a5' }), 'transient', token);
    expect(error.retryable).toBe(true);
    expect(error.code).toBe('unavailable');
    expect(fake.requestsTo('POST')).toHaveLength(4);
  });

  it('reports an expired token as an auth failure the caller can act on', async () => {
    const expired = 'IGQVJ-expired-token-987654321';
    fake.expiredTokens.add(expired);
    const error = await expectPublishFailure(client().publish(image, { ...account, accessToken: expired }, { idempotencyKey: 'a6' }), 'auth', expired);
    expect(error.code).toBe('forbidden');
    expect(error.details.providerCode).toBe('190');
    expect(error.message).toMatch(/Session has expired.*Refresh the token or reconnect/);
  });

  it('reports a caption over the limit as permanent with the platform message, without retrying', async () => {
    const error = await expectPublishFailure(client().publish({ ...image, caption: 'x'.repeat(2201) }, account, { idempotencyKey: 'a7' }), 'permanent', token);
    expect(error.message).toContain('The caption can be at most 2,200 characters.');
    expect(fake.requestsTo('POST')).toHaveLength(1);
  });

  it('scrubs the token when the platform echoes it in an error', async () => {
    fake.scriptNext('POST', { status: 400, body: graphError(100, `Invalid parameter for token ${token}`) });
    const error = await expectPublishFailure(client().publish(image, account, { idempotencyKey: 'a8' }), 'permanent', token);
    expect(error.message).toContain('[redacted]');
  });

  it('publishes once per idempotency key: a retried job returns the first result', async () => {
    const checkpoints = memoryCheckpoints();
    const first = await client().publish(image, account, { idempotencyKey: 'approval-9', checkpoints });
    const again = await client().publish(image, account, { idempotencyKey: 'approval-9', checkpoints });
    expect(again).toEqual(first);
    expect(graph.published).toHaveLength(1);
  });

  it('resumes from a saved container after a failed publish call, and publishes it once', async () => {
    const checkpoints = memoryCheckpoints();
    const failure = { status: 503, body: graphError(2, 'Service temporarily unavailable', { is_transient: true }) };
    fake.scriptNext(`POST ${GRAPH_VERSION_PATH}/${account.accountId}/media_publish`, failure, failure, failure, failure);
    await expectPublishFailure(client().publish(image, account, { idempotencyKey: 'a10', checkpoints }), 'transient', token);
    await client().publish(image, account, { idempotencyKey: 'a10', checkpoints });
    expect(graph.containers.size).toBe(1);
    expect(graph.published).toHaveLength(1);
  });
});
