import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinterestClient } from './pinterest.ts';
import type { PublishablePost } from './publishing.ts';
import { expectPublishFailure, testDeps } from './testing/connector-test-kit.ts';
import { fakePinterest, pinterestError, type FakePinterestState } from './testing/fake-pinterest.ts';
import { startFakeSocialServer, type FakeSocialServer } from './testing/fake-social-server.ts';

const token = 'pina_valid-token-0123456789';
const account = { accessToken: token };
const pin: PublishablePost = { contentType: 'pin', title: 'Lowtide cover art', caption: 'The cover of the new single', boardId: '549755885175', link: 'https://smart.link/lowtide', media: [{ url: 'https://cdn.example/cover.jpg', kind: 'image', altText: 'A wave at dusk' }] };

let fake: FakeSocialServer;
let pinterest: FakePinterestState;
beforeEach(async () => {
  const api = fakePinterest(token);
  pinterest = api.state;
  fake = await startFakeSocialServer([api.route]);
});
afterEach(() => fake.close());

const client = (deps = testDeps()) => createPinterestClient({ baseUrl: fake.url, deps });

describe('Pinterest connector', () => {
  it('creates an image pin on the board', async () => {
    const result = await client().publish(pin, account, { idempotencyKey: 'a1' });
    expect(pinterest.pins[0]).toMatchObject({ board_id: '549755885175', title: 'Lowtide cover art', description: 'The cover of the new single', link: 'https://smart.link/lowtide', alt_text: 'A wave at dusk', media_source: { source_type: 'image_url', url: 'https://cdn.example/cover.jpg' } });
    expect(result).toEqual({ externalId: pinterest.pins[0]!.id, url: `https://www.pinterest.com/pin/${pinterest.pins[0]!.id}/` });
  });

  it('creates a multi-image pin from several images', async () => {
    await client().publish({ ...pin, media: [pin.media[0]!, { url: 'https://cdn.example/back.jpg', kind: 'image' }] }, account, { idempotencyKey: 'a2' });
    expect(pinterest.pins[0]!.media_source).toEqual({ source_type: 'multiple_image_urls', items: [{ url: 'https://cdn.example/cover.jpg' }, { url: 'https://cdn.example/back.jpg' }] });
  });

  it('retries a 429 with retry-after and a 500', async () => {
    const deps = testDeps();
    fake.scriptNext('POST /v5/pins', { ...pinterestError(429, 8, 'You have exceeded your rate limit. Try again later.'), headers: { 'retry-after': '1' } }, pinterestError(500, 0, 'Internal error'));
    await client(deps).publish(pin, account, { idempotencyKey: 'a3' });
    expect(deps.slept[0]).toBe(1000);
    expect(pinterest.pins).toHaveLength(1);
  });

  it('reports an expired token as auth', async () => {
    const expired = 'pina_expired-token-000000';
    fake.expiredTokens.add(expired);
    const error = await expectPublishFailure(client().publish(pin, { accessToken: expired }, { idempotencyKey: 'a4' }), 'auth', expired);
    expect(error.message).toContain('Authentication failed.');
  });

  it('reports a description over 500 characters, or a missing board, as permanent', async () => {
    const long = await expectPublishFailure(client().publish({ ...pin, caption: 'z'.repeat(501) }, account, { idempotencyKey: 'a5' }), 'permanent', token);
    expect(long.message).toContain('description must be at most 500 characters');
    const missing = await expectPublishFailure(client().publish({ ...pin, boardId: '1' }, account, { idempotencyKey: 'a6' }), 'permanent', token);
    expect(missing.code).toBe('not_found');
    expect(fake.requestsTo('POST')).toHaveLength(2);
  });
});
