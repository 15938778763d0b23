/**
 * X API v2 publishing, documented endpoint:
 * - `POST /2/tweets` with `{ text, reply: { in_reply_to_tweet_id } }` (OAuth 2.0 user token, `tweet.write`),
 *   answers `201 { data: { id, text } }`; a thread is each part replying to the previous one.
 * Errors are problem-details bodies `{ title, detail, type, status, errors? }`; a 429 carries
 * `x-rate-limit-reset` (epoch seconds), which the retry waits for. Base URL: `X_API_URL`, default https://api.x.com.
 *
 * Once only: X has no idempotency key (it refuses an identical text from the same account with a
 * 403 "duplicate content", which comes back as permanent). Each posted part's id is checkpointed
 * under the idempotency key, so a retried job continues a half-posted thread after its last part
 * instead of starting again; a post is never replayed after a timeout.
 * Not yet: media attachments (they need the media upload endpoint first); such posts are refused.
 */
import { joinUrl, jsonBody, sendRequest, transientStatus, unsupportedPost, type ConnectorCall, type ConnectorDeps, type ConnectorResponse } from './connector-http.ts';
import type { ProviderFailure } from './publish-error.ts';
import { captionWithHashtags, memoryCheckpoints, type PublishingClient } from './publishing.ts';

export const X_DEFAULT_URL = 'https://api.x.com';

interface ProblemBody {
  title?: string;
  detail?: string;
  type?: string;
  status?: number;
  errors?: Array<{ message?: string }>;
}

export function createXClient(options: { baseUrl?: string; deps?: ConnectorDeps } = {}): PublishingClient {
  const baseUrl = options.baseUrl ?? X_DEFAULT_URL;
  const deps = options.deps ?? {};
  return {
    platform: 'x',
    async publish(post, account, publishOptions) {
      if (post.media.length) throw unsupportedPost('x', 'posts with images or videos are not supported by this connector yet (X needs the media uploaded first)');
      const parts = post.thread?.length ? post.thread : [captionWithHashtags(post)];
      const call: ConnectorCall = { platform: 'x', deps, secrets: [account.accessToken], readError: readXError };
      const checkpoints = publishOptions.checkpoints ?? memoryCheckpoints();
      const saved = await checkpoints.read(publishOptions.idempotencyKey);
      const ids = Array.isArray(saved?.ids) ? (saved.ids as string[]) : [];
      for (const text of parts.slice(ids.length)) {
        const body = { text, ...(ids.length ? { reply: { in_reply_to_tweet_id: ids.at(-1)! } } : {}) };
        const headers = { authorization: `Bearer ${account.accessToken}`, 'content-type': 'application/json' };
        const response = await sendRequest(call, { method: 'POST', url: joinUrl(baseUrl, '/2/tweets'), headers, body: JSON.stringify(body), replaySafe: false });
        ids.push(response.json<{ data: { id: string } }>().data.id);
        await checkpoints.write(publishOptions.idempotencyKey, { ids });
      }
      return { externalId: ids[0]!, url: `https://x.com/i/web/status/${ids[0]}`, externalIds: ids };
    },
  };
}

export function readXError(response: ConnectorResponse): ProviderFailure {
  const problem = jsonBody<ProblemBody>(response);
  const details = problem?.errors?.map((error) => error.message).filter(Boolean) ?? [];
  const message = [problem?.detail ?? problem?.title, ...details].filter(Boolean).join(': ') || `HTTP ${response.status}`;
  if (response.status === 401) return { kind: 'auth', message, providerCode: problem?.type };
  if (transientStatus(response.status)) return { kind: 'transient', message, providerCode: problem?.type };
  return { kind: 'permanent', message, providerCode: problem?.type };
}
