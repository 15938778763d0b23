import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryCheckpoints, type PublishablePost } from './publishing.ts';
import { expectPublishFailure, testDeps } from './testing/connector-test-kit.ts';
import { startFakeSocialServer, type FakeSocialServer } from './testing/fake-social-server.ts';
import { fakeTikTok, tiktokError, type FakeTikTokState } from './testing/fake-tiktok.ts';
import { createTikTokClient } from './tiktok.ts';

const token = 'act.tiktok-valid-token-0123456789';
const account = { accessToken: token };
const video: PublishablePost = { contentType: 'video', caption: 'Lowtide out Friday', hashtags: ['fyp', 'newmusic', 'indie'], media: [{ url: 'https://media.label.example/teaser.mp4', kind: 'video' }] };

let fake: FakeSocialServer;
let tiktok: FakeTikTokState;
beforeEach(async () => {
  const api = fakeTikTok(token);
  tiktok = api.state;
  fake = await startFakeSocialServer([api.route]);
});
afterEach(() => fake.close());

const client = (deps = testDeps()) => createTikTokClient({ baseUrl: fake.url, deps });

describe('TikTok connector', () => {
  it('posts a video pulled from its URL and waits through processing for the post id', async () => {
    const deps = testDeps();
    const result = await client(deps).publish(video, account, { idempotencyKey: 'a1' });
    const [publish] = [...tiktok.publishes.values()];
    expect(publish!.body).toEqual({
      post_info: { title: 'Lowtide out Friday\n\n#fyp #newmusic #indie', privacy_level: 'PUBLIC_TO_EVERYONE', disable_comment: false, disable_duet: false, disable_stitch: false },
      source_info: { source: 'PULL_FROM_URL', video_url: 'https://media.label.example/teaser.mp4' },
    });
    // The 64-bit post id survives intact (JSON.parse would have rounded it).
    expect(result.externalId).toBe(publish!.postId);
    expect(result.url).toBe(`https://www.tiktok.com/@lowtide.band/video/${publish!.postId}`);
    expect(fake.requestsTo('POST /v2/post/publish/status/fetch/')).toHaveLength(3);
    expect(deps.slept).toEqual([1, 1]);
  });

  it('posts photos through content/init', async () => {
    await client().publish({ ...video, contentType: 'post', title: 'Cover', media: [{ url: 'https://media.label.example/a.jpg', kind: 'image' }, { url: 'https://media.label.example/b.jpg', kind: 'image' }] }, account, { idempotencyKey: 'a2' });
    const [publish] = [...tiktok.publishes.values()];
    expect(publish!.body).toMatchObject({ media_type: 'PHOTO', post_mode: 'DIRECT_POST', source_info: { source: 'PULL_FROM_URL', photo_images: ['https://media.label.example/a.jpg', 'https://media.label.example/b.jpg'] } });
  });

  it('retries rate_limit_exceeded (honouring retry-after) and an internal_error', async () => {
    const deps = testDeps();
    fake.scriptNext('POST /v2/post/publish/video/init/', { ...tiktokError(429, 'rate_limit_exceeded', 'The API rate limit was exceeded. Please try again later.'), headers: { 'retry-after': '5' } }, tiktokError(500, 'internal_error', 'Something went wrong.'));
    await client(deps).publish(video, account, { idempotencyKey: 'a3' });
    expect(deps.slept[0]).toBe(5000);
    expect(tiktok.publishes.size).toBe(1);
  });

  it('reports access_token_invalid as auth', async () => {
    const expired = 'act.tiktok-expired-token-000000';
    fake.expiredTokens.add(expired);
    const error = await expectPublishFailure(client().publish(video, { accessToken: expired }, { idempotencyKey: 'a4' }), 'auth', expired);
    expect(error.details.providerCode).toBe('access_token_invalid');
    expect(error.message).toContain('The access token is invalid or not found in the request.');
  });

  it('reports invalid_params as permanent without retrying, and a FAILED publish with its reason', async () => {
    const error = await expectPublishFailure(client().publish({ ...video, caption: 'x'.repeat(2201), hashtags: [] }, account, { idempotencyKey: 'a5' }), 'permanent', token);
    expect(error.message).toContain('The title is longer than 2200 characters.');
    expect(fake.requestsTo('POST /v2/post/publish/video/init/')).toHaveLength(1);

    fake.scriptNext('POST /v2/post/publish/status/fetch/', { status: 200, body: { data: { status: 'FAILED', fail_reason: 'file_format_check_failed' }, error: { code: 'ok', message: '', log_id: 'x' } } });
    const failed = await expectPublishFailure(client().publish(video, account, { idempotencyKey: 'a6' }), 'permanent', token);
    expect(failed.message).toContain('file_format_check_failed');
  });

  it('refuses a privacy level the creator does not offer (unaudited apps post privately)', async () => {
    tiktok.privacyOptions = ['SELF_ONLY'];
    const error = await expectPublishFailure(client().publish(video, account, { idempotencyKey: 'a7' }), 'permanent', token);
    expect(error.message).toMatch(/cannot post with privacy "public".*SELF_ONLY/);
    expect(tiktok.publishes.size).toBe(0);
  });

  it('resumes polling the same publish when processing outlasts a run: one post, not two', async () => {
    const checkpoints = memoryCheckpoints();
    const error = await expectPublishFailure(client(testDeps({ maxPolls: 1 })).publish(video, account, { idempotencyKey: 'a8', checkpoints }), 'transient', token);
    expect(error.message).toMatch(/still being processed/);
    const result = await client().publish(video, account, { idempotencyKey: 'a8', checkpoints });
    expect(tiktok.publishes.size).toBe(1);
    expect(result.externalId).toBe([...tiktok.publishes.values()][0]!.postId);
  });
});
