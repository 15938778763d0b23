/**
 * TikTok Content Posting API (Direct Post), documented endpoints:
 * - `POST /v2/post/publish/creator_info/query/`: the creator's allowed privacy levels and username (required before posting)
 * - `POST /v2/post/publish/video/init/` with `source_info.source=PULL_FROM_URL`: TikTok fetches the video, answers `publish_id`
 * - `POST /v2/post/publish/content/init/` with `media_type=PHOTO`, `post_mode=DIRECT_POST`: photo posts from URLs
 * - `POST /v2/post/publish/status/fetch/`: poll `PROCESSING_DOWNLOAD` / `PROCESSING_UPLOAD` until `PUBLISH_COMPLETE` or `FAILED`
 * Every answer carries `error: { code, message, log_id }` (`ok` on success). Base URL: `TIKTOK_API_URL`,
 * default https://open.tiktokapis.com. Media URLs must be on a domain verified for the app.
 *
 * Once only: there is no idempotency key, and each init is a new post. The `publish_id` is
 * checkpointed under the idempotency key right after init, so a retried job polls the same
 * publish instead of posting again; init is never replayed after a timeout.
 */
import { joinUrl, jsonBody, pollUntil, sendRequest, transientStatus, unsupportedPost, type ConnectorCall, type ConnectorDeps, type ConnectorResponse } from './connector-http.ts';
import { describePublishFailure, PublishError, type ProviderFailure } from './publish-error.ts';
import { captionWithHashtags, memoryCheckpoints, type PublishAccount, type PublishablePost, type PublishingClient, type PublishOptions } from './publishing.ts';

export const TIKTOK_DEFAULT_URL = 'https://open.tiktokapis.com';

interface TikTokEnvelope<T> {
  data?: T;
  error?: { code?: string; message?: string; log_id?: string };
}

type PublishStatus = 'PROCESSING_DOWNLOAD' | 'PROCESSING_UPLOAD' | 'SEND_TO_USER_INBOX' | 'PUBLISH_COMPLETE' | 'FAILED';

const PRIVACY_LEVELS = { public: 'PUBLIC_TO_EVERYONE', friends: 'MUTUAL_FOLLOW_FRIENDS', private: 'SELF_ONLY' } as const;
const TRANSIENT_CODES = new Set(['rate_limit_exceeded', 'internal_error']);
const AUTH_CODES = new Set(['access_token_invalid', 'scope_not_authorized', 'scope_permission_missed', 'auth_removed']);

export function createTikTokClient(options: { baseUrl?: string; deps?: ConnectorDeps } = {}): PublishingClient {
  const baseUrl = options.baseUrl ?? TIKTOK_DEFAULT_URL;
  const deps = options.deps ?? {};
  return {
    platform: 'tiktok',
    publish: (post, account, publishOptions) => publishToTikTok(baseUrl, deps, post, account, publishOptions),
  };
}

async function publishToTikTok(baseUrl: string, deps: ConnectorDeps, post: PublishablePost, account: PublishAccount, options: PublishOptions) {
  const call: ConnectorCall = { platform: 'tiktok', deps, secrets: [account.accessToken], readError: readTikTokError };
  const api = async <T>(path: string, body: unknown, replaySafe = true) => {
    const headers = { authorization: `Bearer ${account.accessToken}`, 'content-type': 'application/json; charset=UTF-8' };
    return sendRequest(call, { method: 'POST', url: joinUrl(baseUrl, path), headers, body: JSON.stringify(body), replaySafe }).then((response) => ({ response, data: response.json<TikTokEnvelope<T>>().data }));
  };
  const checkpoints = options.checkpoints ?? memoryCheckpoints();
  let saved = (await checkpoints.read(options.idempotencyKey)) ?? {};
  if (typeof saved.postId === 'string') return { externalId: saved.postId, url: saved.url as string | undefined };
  if (typeof saved.publishId !== 'string') {
    const creator = (await api<{ creator_username?: string; privacy_level_options?: string[] }>('/v2/post/publish/creator_info/query/', {})).data ?? {};
    const privacy = privacyLevel(post, creator.privacy_level_options ?? []);
    const init = await api<{ publish_id: string }>(...initRequest(post, privacy), false);
    saved = { publishId: init.data?.publish_id, username: creator.creator_username };
    await checkpoints.write(options.idempotencyKey, saved);
  }
  const publishId = saved.publishId as string;
  const finished = await pollUntil(deps, async () => {
    const { response, data } = await api<{ status: PublishStatus; fail_reason?: string }>('/v2/post/publish/status/fetch/', { publish_id: publishId });
    if (data?.status === 'FAILED') throw failedPublish(data.fail_reason);
    return data?.status === 'PUBLISH_COMPLETE' || data?.status === 'SEND_TO_USER_INBOX' ? postIdOf(response) ?? publishId : undefined;
  });
  if (!finished) throw new PublishError('transient', 'tiktok', describePublishFailure('tiktok', { kind: 'transient', message: 'the post is still being processed' }) + ' A retry resumes waiting for the same post.');
  const url = finished === publishId || !saved.username ? undefined : `https://www.tiktok.com/@${saved.username}/video/${finished}`;
  await checkpoints.write(options.idempotencyKey, { ...saved, postId: finished, url });
  return { externalId: finished, url };
}

function initRequest(post: PublishablePost, privacy: string): [string, unknown] {
  const caption = captionWithHashtags(post);
  const videos = post.media.filter((media) => media.kind === 'video');
  const images = post.media.filter((media) => media.kind === 'image');
  if (videos.length === 1 && images.length === 0) {
    return ['/v2/post/publish/video/init/', { post_info: { title: caption, privacy_level: privacy, disable_comment: false, disable_duet: false, disable_stitch: false }, source_info: { source: 'PULL_FROM_URL', video_url: videos[0]!.url } }];
  }
  if (videos.length === 0 && images.length > 0) {
    const postInfo = { title: post.title ?? '', description: caption, privacy_level: privacy, disable_comment: false, auto_add_music: true };
    return ['/v2/post/publish/content/init/', { post_info: postInfo, source_info: { source: 'PULL_FROM_URL', photo_cover_index: 0, photo_images: images.map((image) => image.url) }, post_mode: 'DIRECT_POST', media_type: 'PHOTO' }];
  }
  throw unsupportedPost('tiktok', 'a TikTok post is one video, or photos only');
}

function privacyLevel(post: PublishablePost, allowed: string[]): string {
  const wanted = post.privacy ?? 'public';
  const level = wanted === 'unlisted' ? undefined : PRIVACY_LEVELS[wanted];
  if (!level || !allowed.includes(level)) {
    throw unsupportedPost('tiktok', `this account cannot post with privacy "${wanted}" (it allows ${allowed.join(', ') || 'none'}; apps not yet audited by TikTok may only post privately)`);
  }
  return level;
}

/** Post ids are 64-bit: read them from the text, since JSON.parse would round them. */
function postIdOf(response: ConnectorResponse): string | undefined {
  return /"publicaly_available_post_id"\s*:\s*\[\s*"?(\d+)/.exec(response.text)?.[1];
}

function failedPublish(reason: string | undefined): PublishError {
  const kind = reason === 'auth_removed' ? 'auth' : 'permanent';
  return new PublishError(kind, 'tiktok', describePublishFailure('tiktok', { kind, message: `publishing failed (${reason ?? 'no reason given'})` }), { providerCode: reason });
}

export function readTikTokError(response: ConnectorResponse): ProviderFailure {
  const error = jsonBody<TikTokEnvelope<unknown>>(response)?.error;
  const code = error?.code;
  const message = [error?.message, code].filter(Boolean).join(' - ') || `HTTP ${response.status}`;
  if (code && AUTH_CODES.has(code)) return { kind: 'auth', message, providerCode: code };
  if ((code && TRANSIENT_CODES.has(code)) || transientStatus(response.status)) return { kind: 'transient', message, providerCode: code };
  if (response.status === 401) return { kind: 'auth', message, providerCode: code };
  return { kind: 'permanent', message, providerCode: code };
}
