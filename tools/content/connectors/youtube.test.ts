import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryCheckpoints, type PublishablePost } from './publishing.ts';
import { expectPublishFailure, testDeps } from './testing/connector-test-kit.ts';
import { startFakeSocialServer, type FakeSocialServer } from './testing/fake-social-server.ts';
import { fakeYouTube, youtubeError, type FakeYouTubeState } from './testing/fake-youtube.ts';
import { createYouTubeClient } from './youtube.ts';

const token = 'ya29.valid-token-0123456789';
const account = { accessToken: token };
const bytes = randomBytes(64 * 1024);

let fake: FakeSocialServer;
let youtube: FakeYouTubeState;
let video: PublishablePost;
beforeEach(async () => {
  const api = fakeYouTube(token);
  youtube = api.state;
  fake = await startFakeSocialServer([api.route]);
  fake.media.set('promo.mp4', { bytes, contentType: 'video/mp4' });
  video = { contentType: 'video', title: 'Lowtide (Official Video)', caption: 'The video for Lowtide.', hashtags: ['lowtide'], media: [{ url: `${fake.url}/media/promo.mp4`, kind: 'video' }] };
});
afterEach(() => fake.close());

const client = (deps = testDeps()) => createYouTubeClient({ baseUrl: fake.url, deps });
const uploaded = () => Buffer.concat([...youtube.sessions.values()][0]!.received);

describe('YouTube connector', () => {
  it('uploads the media URL’s bytes through a resumable session', async () => {
    const result = await client().publish(video, account, { idempotencyKey: 'a1' });
    const [session] = [...youtube.sessions.values()];
    expect(session!.resource).toEqual({
      snippet: { title: 'Lowtide (Official Video)', description: 'The video for Lowtide.\n\n#lowtide', tags: ['lowtide'], categoryId: '10' },
      status: { privacyStatus: 'public', selfDeclaredMadeForKids: false },
    });
    expect(uploaded().equals(bytes)).toBe(true);
    expect(result).toEqual({ externalId: session!.videoId, url: `https://www.youtube.com/watch?v=${session!.videoId}` });
    // The media host never sees the token.
    expect(fake.requestsTo('GET /media/')[0]!.headers.authorization).toBeUndefined();
  });

  it('resumes an interrupted upload from the byte YouTube reports', async () => {
    youtube.interruptAfterBytes = 10_000;
    await client().publish(video, account, { idempotencyKey: 'a2' });
    expect(uploaded().equals(bytes)).toBe(true);
    const status = fake.requestsTo('PUT').find((request) => request.headers['content-range'] === `bytes */${bytes.length}`);
    expect(status).toBeDefined();
    expect(fake.requestsTo('PUT').at(-1)!.headers['content-range']).toBe(`bytes 10000-${bytes.length - 1}/${bytes.length}`);
  });

  it('retries a rate limit (retry-after) and a 503 when starting the session', async () => {
    const deps = testDeps();
    fake.scriptNext('POST /upload/', { ...youtubeError(403, 'rateLimitExceeded', 'Rate Limit Exceeded'), headers: { 'retry-after': '2' } }, youtubeError(503, 'backendError', 'Backend Error', 'global'));
    await client(deps).publish(video, account, { idempotencyKey: 'a3' });
    expect(deps.slept[0]).toBe(2000);
    expect(youtube.sessions.size).toBe(1);
  });

  it('hands the daily quota back to the caller to reschedule instead of retrying', async () => {
    fake.scriptNext('POST /upload/', youtubeError(403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your quota.'));
    const error = await expectPublishFailure(client().publish(video, account, { idempotencyKey: 'a4' }), 'transient', token);
    expect(error.details.retryAfterMs).toBe(3_600_000);
    expect(fake.requestsTo('POST')).toHaveLength(1);
  });

  it('reports invalid credentials as auth', async () => {
    const expired = 'ya29.expired-token-000000';
    fake.expiredTokens.add(expired);
    const error = await expectPublishFailure(client().publish(video, { accessToken: expired }, { idempotencyKey: 'a5' }), 'auth', expired);
    expect(error.details.providerCode).toBe('authError');
  });

  it('reports an invalid title as permanent, and a media URL that is gone as permanent', async () => {
    const title = await expectPublishFailure(client().publish({ ...video, title: 't'.repeat(101) }, account, { idempotencyKey: 'a6' }), 'permanent', token);
    expect(title.message).toContain('invalid video title');
    const missing = await expectPublishFailure(client().publish({ ...video, media: [{ url: `${fake.url}/media/gone.mp4`, kind: 'video' }] }, account, { idempotencyKey: 'a7' }), 'permanent', token);
    expect(missing.message).toContain('HTTP 404');
  });

  it('answers the saved video for a key already published, and resumes a saved session', async () => {
    const checkpoints = memoryCheckpoints();
    youtube.interruptAfterBytes = 5_000;
    const down = youtubeError(503, 'backendError', 'Backend Error', 'global');
    // The first upload and its status query fail; the second upload stops after 5,000 bytes: the job gives up for now.
    fake.scriptNext(`PUT /upload/`, down, down);
    await expectPublishFailure(client(testDeps({ retry: { attempts: 2, baseDelayMs: 1 } })).publish(video, account, { idempotencyKey: 'a8', checkpoints }), 'transient', token);
    const first = await client().publish(video, account, { idempotencyKey: 'a8', checkpoints });
    expect(fake.requestsTo('PUT').at(-1)!.headers['content-range']).toBe(`bytes 5000-${bytes.length - 1}/${bytes.length}`);
    expect(uploaded().equals(bytes)).toBe(true);
    const again = await client().publish(video, account, { idempotencyKey: 'a8', checkpoints });
    expect(again).toEqual(first);
    expect(youtube.sessions.size).toBe(1);
  });
});
