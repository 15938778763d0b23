import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryCheckpoints, type PublishablePost } from './publishing.ts';
import { expectPublishFailure, testDeps } from './testing/connector-test-kit.ts';
import { startFakeSocialServer, type FakeSocialServer } from './testing/fake-social-server.ts';
import { fakeX, xProblem, type FakeXState } from './testing/fake-x.ts';
import { createXClient } from './x.ts';

const token = 'x-oauth2-valid-token-0123456789';
const account = { accessToken: token };
const thread: PublishablePost = { contentType: 'thread', caption: '', media: [], thread: ['1/3 Lowtide is out now', '2/3 Recorded in one week', '3/3 Listen: https://smart.link/lowtide'] };

let fake: FakeSocialServer;
let x: FakeXState;
beforeEach(async () => {
  const api = fakeX(token);
  x = api.state;
  fake = await startFakeSocialServer([api.route]);
});
afterEach(() => fake.close());

const client = (deps = testDeps()) => createXClient({ baseUrl: fake.url, deps });

describe('X connector', () => {
  it('posts a thread, each part replying to the one before', async () => {
    const result = await client().publish(thread, account, { idempotencyKey: 'a1' });
    expect(x.posts.map((post) => post.text)).toEqual(thread.thread);
    expect(x.posts[1]!.inReplyTo).toBe(x.posts[0]!.id);
    expect(x.posts[2]!.inReplyTo).toBe(x.posts[1]!.id);
    expect(result).toEqual({ externalId: x.posts[0]!.id, url: `https://x.com/i/web/status/${x.posts[0]!.id}`, externalIds: x.posts.map((post) => post.id) });
  });

  it('waits for x-rate-limit-reset on a 429 and retries a 503', async () => {
    const deps = testDeps();
    const reset = String(Math.ceil(Date.now() / 1000) + 20);
    fake.scriptNext('POST /2/tweets', { ...xProblem(429, 'Too Many Requests', 'Too Many Requests'), headers: { 'x-rate-limit-reset': reset } }, xProblem(503, 'Service Unavailable', 'Service Unavailable'));
    await client(deps).publish({ contentType: 'post', caption: 'Out now', media: [] }, account, { idempotencyKey: 'a2' });
    expect(deps.slept[0]).toBeGreaterThan(15_000);
    expect(deps.slept[0]).toBeLessThanOrEqual(21_000);
    expect(x.posts).toHaveLength(1);
  });

  it('hands a rate limit far in the future back to the caller with its wait', async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 3600);
    fake.scriptNext('POST /2/tweets', { ...xProblem(429, 'Too Many Requests', 'Too Many Requests'), headers: { 'x-rate-limit-reset': reset } });
    const error = await expectPublishFailure(client().publish({ contentType: 'post', caption: 'Out now', media: [] }, account, { idempotencyKey: 'a3' }), 'transient', token);
    expect(error.details.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(fake.requestsTo('POST')).toHaveLength(1);
  });

  it('reports a 401 as auth', async () => {
    const expired = 'x-oauth2-expired-token-000000';
    fake.expiredTokens.add(expired);
    await expectPublishFailure(client().publish(thread, { accessToken: expired }, { idempotencyKey: 'a4' }), 'auth', expired);
  });

  it('reports a post over 280 characters and a duplicate as permanent with X’s words', async () => {
    const long = await expectPublishFailure(client().publish({ contentType: 'post', caption: 'y'.repeat(281), media: [] }, account, { idempotencyKey: 'a5' }), 'permanent', token);
    expect(long.message).toContain('Your post is over 280 characters.');
    await client().publish({ contentType: 'post', caption: 'Same words', media: [] }, account, { idempotencyKey: 'a6' });
    const duplicate = await expectPublishFailure(client().publish({ contentType: 'post', caption: 'Same words', media: [] }, account, { idempotencyKey: 'a7' }), 'permanent', token);
    expect(duplicate.message).toContain('duplicate content');
  });

  it('continues a half-posted thread after its last part instead of starting again', async () => {
    const checkpoints = memoryCheckpoints();
    const down = xProblem(503, 'Service Unavailable', 'Service Unavailable');
    fake.scriptNext(/POST \/2\/tweets/, { status: 201, body: { data: { id: '1865000000000000001', text: thread.thread![0] } } }, down, down, down, down);
    await expectPublishFailure(client().publish(thread, account, { idempotencyKey: 'a8', checkpoints }), 'transient', token);
    expect(checkpoints.states.get('a8')).toEqual({ ids: ['1865000000000000001'] });
    await client().publish(thread, account, { idempotencyKey: 'a8', checkpoints });
    expect(x.posts.map((post) => post.text)).toEqual(thread.thread!.slice(1));
    expect(x.posts[0]!.inReplyTo).toBe('1865000000000000001');
  });
});
