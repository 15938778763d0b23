import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryCheckpoints, type PublishablePost } from './publishing.ts';
import { createSnapchatClient } from './snapchat.ts';
import { expectPublishFailure, testDeps } from './testing/connector-test-kit.ts';
import { fakeSnapchat, snapError, type FakeSnapchatState } from './testing/fake-snapchat.ts';
import { startFakeSocialServer, type FakeSocialServer } from './testing/fake-social-server.ts';

const token = 'snap-valid-token-0123456789';
const account = { accessToken: token, accountId: 'f1e2d3c4-0000-4000-8000-000000000001' };
const clip = randomBytes(100_000);

let fake: FakeSocialServer;
let snap: FakeSnapchatState;
let spotlight: PublishablePost;
beforeEach(async () => {
  const api = fakeSnapchat(token);
  snap = api.state;
  fake = await startFakeSocialServer([api.route]);
  fake.media.set('clip.mp4', { bytes: clip, contentType: 'video/mp4' });
  spotlight = { contentType: 'video', caption: 'Lowtide, out now', hashtags: ['newmusic'], media: [{ url: `${fake.url}/media/clip.mp4`, kind: 'video' }] };
});
afterEach(() => fake.close());

const client = (deps = testDeps()) => createSnapchatClient({ baseUrl: fake.url, deps, chunkBytes: 40_000 });

describe('Snapchat connector', () => {
  it('encrypts and uploads the clip in parts, then posts it to Spotlight', async () => {
    const result = await client().publish(spotlight, account, { idempotencyKey: 'a1' });
    const [media] = [...snap.media.values()];
    expect(media!.parts.size).toBe(3);
    // What Snapchat decrypts is the original file; the parts on the wire were ciphertext.
    expect(media!.file!.equals(clip)).toBe(true);
    expect(Buffer.concat([...media!.parts.values()]).includes(clip.subarray(0, 64))).toBe(false);
    expect(snap.posts[0]).toMatchObject({ edge: 'spotlights', body: { description: 'Lowtide, out now\n\n#newmusic', locale: 'en_US' } });
    expect(result.externalId).toBe(snap.posts[0]!.id);
  });

  it('posts an image as a story', async () => {
    fake.media.set('art.jpg', { bytes: randomBytes(2_000), contentType: 'image/jpeg' });
    await client().publish({ contentType: 'story', caption: '', media: [{ url: `${fake.url}/media/art.jpg`, kind: 'image' }] }, account, { idempotencyKey: 'a2' });
    expect(snap.posts[0]!.edge).toBe('stories');
    expect([...snap.media.values()][0]!.type).toBe('IMAGE');
  });

  it('retries a 429 with retry-after and a 500', async () => {
    const deps = testDeps();
    fake.scriptNext(/POST \/v1\/public_profiles\/[\w-]+\/spotlights/, { ...snapError(429, 'E4001', 'Too many requests'), headers: { 'retry-after': '4' } }, snapError(500, 'E5000', 'Internal error'));
    await client(deps).publish(spotlight, account, { idempotencyKey: 'a3' });
    expect(deps.slept[0]).toBe(4000);
    expect(snap.posts).toHaveLength(1);
  });

  it('reports an expired token as auth', async () => {
    const expired = 'snap-expired-token-000000';
    fake.expiredTokens.add(expired);
    const error = await expectPublishFailure(client().publish(spotlight, { ...account, accessToken: expired }, { idempotencyKey: 'a4' }), 'auth', expired);
    expect(error.message).toContain('The access token is invalid or has expired');
  });

  it('reports a refused post as permanent, and posts the already uploaded media on the retry', async () => {
    const checkpoints = memoryCheckpoints();
    fake.scriptNext(/spotlights$/, snapError(400, 'E1001', 'The video is shorter than 5 seconds'));
    const error = await expectPublishFailure(client().publish(spotlight, account, { idempotencyKey: 'a5', checkpoints }), 'permanent', token);
    expect(error.message).toContain('The video is shorter than 5 seconds');
    await client().publish(spotlight, account, { idempotencyKey: 'a5', checkpoints });
    expect(snap.media.size).toBe(1);
    expect(snap.posts).toHaveLength(1);
  });
});
