/**
 * YouTube Data API v3 upload, documented endpoints (resumable upload protocol):
 * - `POST /upload/youtube/v3/videos?uploadType=resumable&part=snippet,status` with the video resource
 *   (`snippet.title/description/tags/categoryId`, `status.privacyStatus`) and `X-Upload-Content-Length/-Type`:
 *   answers the session URI in `Location`
 * - `PUT {session URI}` with the bytes (fetched from the post's media URL): answers the video resource (`id`)
 * - `PUT {session URI}` with `Content-Range: bytes *\/{size}` after an interruption: `308` with `Range` says
 *   how much arrived, and the upload resumes from there
 * Errors are `{ error: { code, message, errors: [{ reason }] } }`. Base URL: `YOUTUBE_API_URL`,
 * default https://www.googleapis.com.
 *
 * Once only: the upload session is the idempotency mechanism. Its URI is checkpointed under the
 * idempotency key, so a retried job resumes the same session (one video at most) and, once
 * finished, answers the saved video id.
 */
import { joinUrl, jsonBody, realSleep, sendRequest, transientStatus, unsupportedPost, type ConnectorCall, type ConnectorDeps, type ConnectorResponse } from './connector-http.ts';
import { downloadMedia, type DownloadedMedia } from './media-download.ts';
import type { ProviderFailure } from './publish-error.ts';
import { PublishError } from './publish-error.ts';
import { captionWithHashtags, memoryCheckpoints, type PublishablePost, type PublishingClient } from './publishing.ts';

export const YOUTUBE_DEFAULT_URL = 'https://www.googleapis.com';
const MUSIC_CATEGORY = '10';
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

export function createYouTubeClient(options: { baseUrl?: string; deps?: ConnectorDeps } = {}): PublishingClient {
  const baseUrl = options.baseUrl ?? YOUTUBE_DEFAULT_URL;
  const deps = options.deps ?? {};
  return {
    platform: 'youtube',
    async publish(post, account, publishOptions) {
      const video = post.media.find((media) => media.kind === 'video');
      if (!video || post.media.length !== 1) throw unsupportedPost('youtube', 'a YouTube upload is exactly one video');
      const call: ConnectorCall = { platform: 'youtube', deps, secrets: [account.accessToken], readError: readYouTubeError };
      const auth = { authorization: `Bearer ${account.accessToken}` };
      const checkpoints = publishOptions.checkpoints ?? memoryCheckpoints();
      const key = publishOptions.idempotencyKey;
      const saved = (await checkpoints.read(key)) ?? {};
      if (typeof saved.videoId === 'string') return watchResult(saved.videoId);
      const media = await downloadMedia('youtube', video.url, deps);
      let sessionUri = typeof saved.sessionUri === 'string' ? saved.sessionUri : undefined;
      let progress: UploadProgress = sessionUri ? await uploadProgress(call, auth, sessionUri, media.bytes.length) : 'expired';
      if (progress === 'expired' || !sessionUri) {
        sessionUri = await startSession(call, auth, baseUrl, post, media);
        await checkpoints.write(key, { sessionUri });
        progress = 0;
      }
      const videoId = typeof progress === 'object' ? progress.videoId : await upload(call, auth, sessionUri, media, progress);
      await checkpoints.write(key, { sessionUri, videoId });
      return watchResult(videoId);
    },
  };
}

async function startSession(call: ConnectorCall, auth: Record<string, string>, baseUrl: string, post: PublishablePost, media: DownloadedMedia): Promise<string> {
  const resource = {
    snippet: { title: post.title ?? post.caption.split('\n')[0]!.slice(0, 100), description: captionWithHashtags(post), tags: post.hashtags?.map((tag) => tag.replace(/^#/, '')), categoryId: MUSIC_CATEGORY },
    status: { privacyStatus: post.privacy === 'friends' ? 'private' : (post.privacy ?? 'public'), selfDeclaredMadeForKids: false },
  };
  const headers = { ...auth, 'content-type': 'application/json; charset=UTF-8', 'x-upload-content-length': String(media.bytes.length), 'x-upload-content-type': media.contentType };
  const url = `${joinUrl(baseUrl, '/upload/youtube/v3/videos')}?uploadType=resumable&part=snippet,status`;
  const response = await sendRequest(call, { method: 'POST', url, headers, body: JSON.stringify(resource) });
  const location = response.headers.get('location');
  if (!location) throw new PublishError('transient', 'youtube', 'YouTube did not answer an upload session; try again later.');
  return location;
}

/** Sends the bytes from `offset`; after an interruption asks how much arrived and goes on from there. */
async function upload(call: ConnectorCall, auth: Record<string, string>, sessionUri: string, media: DownloadedMedia, offset: number): Promise<string> {
  const total = media.bytes.length;
  const once = { ...call, deps: { ...call.deps, retry: { ...call.deps.retry, attempts: 1 } } };
  const attempts = call.deps.retry?.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    try {
      const headers = { ...auth, 'content-type': media.contentType, 'content-range': `bytes ${offset}-${total - 1}/${total}` };
      const response = await sendRequest(once, { method: 'PUT', url: sessionUri, headers, body: media.bytes.subarray(offset), timeoutMs: UPLOAD_TIMEOUT_MS, acceptStatuses: [308] });
      if (response.status !== 308) return response.json<{ id: string }>().id;
      offset = nextOffset(response);
    } catch (error) {
      if (!(error instanceof PublishError) || !error.retryable || attempt >= attempts) throw error;
      await (call.deps.sleep ?? realSleep)(error.details.retryAfterMs ?? 500 * 2 ** (attempt - 1));
      const progress = await uploadProgress(call, auth, sessionUri, total);
      if (progress === 'expired') throw new PublishError('transient', 'youtube', 'YouTube upload session expired; a retry starts a new one.');
      if (typeof progress === 'object') return progress.videoId;
      offset = progress;
    }
  }
}

/** Bytes received so far, the finished video, or a session that is gone. */
type UploadProgress = number | { videoId: string } | 'expired';

/** The documented status query: 308 with `Range: bytes=0-N` (N+1 bytes arrived), 200/201 with the video when complete, 404 when the session is gone. */
async function uploadProgress(call: ConnectorCall, auth: Record<string, string>, sessionUri: string, total: number): Promise<UploadProgress> {
  const headers = { ...auth, 'content-range': `bytes */${total}` };
  const response = await sendRequest(call, { method: 'PUT', url: sessionUri, headers, acceptStatuses: [308, 404, 410] });
  if (response.status === 404 || response.status === 410) return 'expired';
  return response.status === 308 ? nextOffset(response) : { videoId: response.json<{ id: string }>().id };
}

function nextOffset(response: ConnectorResponse): number {
  const range = /bytes=0-(\d+)/.exec(response.headers.get('range') ?? '');
  return range ? Number(range[1]) + 1 : 0;
}

function watchResult(videoId: string) {
  return { externalId: videoId, url: `https://www.youtube.com/watch?v=${videoId}` };
}

const TRANSIENT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'backendError', 'internalError']);
const AUTH_REASONS = new Set(['authError', 'youtubeSignupRequired', 'insufficientPermissions']);

export function readYouTubeError(response: ConnectorResponse): ProviderFailure {
  const error = jsonBody<{ error?: { code?: number; message?: string; errors?: Array<{ reason?: string; message?: string }> } }>(response)?.error;
  const reason = error?.errors?.[0]?.reason;
  const message = [error?.message ?? `HTTP ${response.status}`, reason].filter(Boolean).join(' - ');
  // The daily quota comes back at midnight Pacific time: not worth waiting for here, so the caller reschedules.
  if (reason === 'quotaExceeded') return { kind: 'transient', message, providerCode: reason, retryAfterMs: 60 * 60_000 };
  if (response.status === 401 || (reason && AUTH_REASONS.has(reason))) return { kind: 'auth', message, providerCode: reason };
  if ((reason && TRANSIENT_REASONS.has(reason)) || transientStatus(response.status)) return { kind: 'transient', message, providerCode: reason };
  return { kind: 'permanent', message, providerCode: reason };
}
