import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFacebookPagesClient } from './facebook-pages.ts';
import type { PublishablePost } from './publishing.ts';
import { expectPublishFailure, testDeps } from './testing/connector-test-kit.ts';
import { fakeGraphApi, graphError, GRAPH_VERSION_PATH, type FakeGraphState } from './testing/fake-graph-api.ts';
import { startFakeSocialServer, type FakeSocialServer } from './testing/fake-social-server.ts';

const token = 'EAAPage-valid-token-0123456789';
const account = { accessToken: token, accountId: '104000000000001' };
const linkPost: PublishablePost = { contentType: 'post', caption: 'Lowtide is out now', media: [], link: 'https://smart.link/lowtide' };

let fake: FakeSocialServer;
let graph: FakeGraphState;
beforeEach(async () => {
  const api = fakeGraphApi(token);
  graph = api.state;
  fake = await startFakeSocialServer([api.route]);
});
afterEach(() => fake.close());

const client = (deps = testDeps()) => createFacebookPagesClient({ baseUrl: fake.url + GRAPH_VERSION_PATH, deps });

describe('Facebook Pages connector', () => {
  it('publishes a link post to the feed and a photo post to photos', async () => {
    const link = await client().publish(linkPost, account, { idempotencyKey: 'a1' });
    expect(link.externalId).toMatch(/^104000000000001_\d+$/);
    expect(link.url).toBe(`https://www.facebook.com/${link.externalId}`);
    expect(graph.pagePosts[0]).toMatchObject({ edge: 'feed', fields: { message: 'Lowtide is out now', link: 'https://smart.link/lowtide' } });
    const photo = await client().publish({ ...linkPost, caption: 'Cover art', media: [{ url: 'https://cdn.example/cover.jpg', kind: 'image' }] }, account, { idempotencyKey: 'a2' });
    expect(graph.pagePosts[1]).toMatchObject({ edge: 'photos', fields: { url: 'https://cdn.example/cover.jpg', message: 'Cover art' } });
    expect(photo.externalId).toBe(graph.pagePosts[1]!.id);
  });

  it('retries a 429 with retry-after and a 500, then posts once', async () => {
    const deps = testDeps();
    fake.scriptNext('POST', { status: 429, headers: { 'retry-after': '3' }, body: graphError(32, 'Page request limit reached') }, { status: 500, body: graphError(1, 'An unknown error occurred', { is_transient: true }) });
    await client(deps).publish(linkPost, account, { idempotencyKey: 'a3' });
    expect(deps.slept[0]).toBe(3000);
    expect(graph.pagePosts).toHaveLength(1);
  });

  it('reports an expired Page token as auth', async () => {
    const expired = 'EAAPage-expired-token-000000';
    fake.expiredTokens.add(expired);
    const error = await expectPublishFailure(client().publish(linkPost, { ...account, accessToken: expired }, { idempotencyKey: 'a4' }), 'auth', expired);
    expect(error.message).toContain('Session has expired');
  });

  it('reports a duplicate post as permanent with the platform message', async () => {
    await client().publish(linkPost, account, { idempotencyKey: 'a5' });
    const error = await expectPublishFailure(client().publish(linkPost, account, { idempotencyKey: 'a6' }), 'permanent', token);
    expect(error.message).toContain('(#506) Duplicate status message');
    expect(graph.pagePosts).toHaveLength(1);
  });

  it('does not replay the publishing call after a timeout, and says the post may exist', async () => {
    fake.scriptNext('POST', { status: 200, body: { id: 'late' }, delayMs: 300 });
    const error = await expectPublishFailure(client(testDeps({ timeoutMs: 50 })).publish(linkPost, account, { idempotencyKey: 'a7' }), 'transient', token);
    expect(fake.requestsTo('POST')).toHaveLength(1);
    expect(error.details.mayHavePublished).toBe(true);
    expect(error.message).toMatch(/may have been published/);
  });
});
