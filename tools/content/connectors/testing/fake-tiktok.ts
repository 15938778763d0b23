import { bearerToken, type FakeReply, type FakeRoute } from './fake-social-server.ts';

/**
 * A fake of TikTok's Content Posting API (Direct Post), in its documented envelope
 * `{ data, error: { code, message, log_id } }`. Publishes go PROCESSING_DOWNLOAD ->
 * PROCESSING_UPLOAD -> PUBLISH_COMPLETE over successive status fetches.
 */

export function tiktokError(status: number, code: string, message: string): FakeReply {
  return { status, body: { data: {}, error: { code, message, log_id: '20261206041500ABCDEF' } } };
}

export interface FakeTikTokState {
  privacyOptions: string[];
  publishes: Map<string, { body: Record<string, unknown>; polls: number; postId: string; failReason?: string }>;
}

const STAGES = ['PROCESSING_DOWNLOAD', 'PROCESSING_UPLOAD', 'PUBLISH_COMPLETE'] as const;

export function fakeTikTok(validToken: string): { state: FakeTikTokState; route: FakeRoute } {
  const state: FakeTikTokState = { privacyOptions: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'], publishes: new Map() };
  let next = 0;
  const ok = (data: unknown): FakeReply => ({ status: 200, body: { data, error: { code: 'ok', message: '', log_id: '20261206041500ABCDEF' } } });
  const route: FakeRoute = (request, fake) => {
    if (request.method !== 'POST' || !request.path.startsWith('/v2/post/publish/')) return undefined;
    const token = bearerToken(request);
    if (!token || token !== validToken || fake.expiredTokens.has(token)) {
      return tiktokError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
    }
    const body = request.json ?? {};
    const postInfo = (body.post_info ?? {}) as Record<string, unknown>;
    switch (request.path) {
      case '/v2/post/publish/creator_info/query/':
        return ok({ creator_username: 'lowtide.band', creator_nickname: 'Lowtide', privacy_level_options: state.privacyOptions, comment_disabled: false, duet_disabled: false, stitch_disabled: false, max_video_post_duration_sec: 600 });
      case '/v2/post/publish/video/init/':
      case '/v2/post/publish/content/init/': {
        if (String(postInfo.title ?? '').length > 2200) return tiktokError(400, 'invalid_params', 'The title is longer than 2200 characters.');
        if (!state.privacyOptions.includes(String(postInfo.privacy_level))) return tiktokError(400, 'privacy_level_option_mismatch', 'privacy_level is not one of the creator privacy_level_options.');
        const publishId = `v_pub_url~v2-1.${++next}`;
        state.publishes.set(publishId, { body, polls: 0, postId: `74012345678901234${String(next).padStart(2, '0')}` });
        return ok({ publish_id: publishId });
      }
      case '/v2/post/publish/status/fetch/': {
        const publish = state.publishes.get(String(body.publish_id));
        if (!publish) return tiktokError(400, 'invalid_params', 'publish_id does not exist.');
        if (publish.failReason) return ok({ status: 'FAILED', fail_reason: publish.failReason });
        const stage = STAGES[Math.min(publish.polls++, STAGES.length - 1)]!;
        // The post id is a 64-bit integer in the JSON, as TikTok sends it.
        if (stage === 'PUBLISH_COMPLETE') return { status: 200, headers: { 'content-type': 'application/json' }, body: `{"data":{"status":"PUBLISH_COMPLETE","publicaly_available_post_id":[${publish.postId}],"uploaded_bytes":0},"error":{"code":"ok","message":"","log_id":"x"}}` };
        return ok({ status: stage, uploaded_bytes: 0, downloaded_bytes: 1024 });
      }
      default:
        return tiktokError(404, 'invalid_params', `Unknown endpoint ${request.path}`);
    }
  };
  return { state, route };
}
