/**
 * Pinterest API v5 publishing, documented endpoint:
 * - `POST /v5/pins` with `{ board_id, title, description, link, alt_text, media_source }`, where
 *   `media_source` is `{ source_type: "image_url", url }` or `{ source_type: "multiple_image_urls", items: [{ url }] }`;
 *   answers `201` with the pin (`id`, `board_id`, ...). Errors are `{ code, message }`.
 * Base URL: `PINTEREST_API_URL`, default https://api.pinterest.com.
 *
 * Once only: no idempotency key; the create call is not replayed after a timeout.
 * Not yet: video pins (they need `POST /v5/media` and an upload first); such posts are refused.
 */
import { joinUrl, jsonBody, sendRequest, transientStatus, unsupportedPost, type ConnectorDeps, type ConnectorResponse } from './connector-http.ts';
import type { ProviderFailure } from './publish-error.ts';
import { captionWithHashtags, type PublishablePost, type PublishingClient } from './publishing.ts';

export const PINTEREST_DEFAULT_URL = 'https://api.pinterest.com';

export function createPinterestClient(options: { baseUrl?: string; deps?: ConnectorDeps } = {}): PublishingClient {
  const baseUrl = options.baseUrl ?? PINTEREST_DEFAULT_URL;
  const deps = options.deps ?? {};
  return {
    platform: 'pinterest',
    async publish(post, account) {
      if (!post.boardId) throw unsupportedPost('pinterest', 'a pin needs the board it goes on (boardId)');
      const call = { platform: 'pinterest' as const, deps, secrets: [account.accessToken], readError: readPinterestError };
      const headers = { authorization: `Bearer ${account.accessToken}`, 'content-type': 'application/json' };
      const body = JSON.stringify(pinRequest(post, post.boardId));
      const pin = (await sendRequest(call, { method: 'POST', url: joinUrl(baseUrl, '/v5/pins'), headers, body, replaySafe: false })).json<{ id: string }>();
      return { externalId: pin.id, url: `https://www.pinterest.com/pin/${pin.id}/` };
    },
  };
}

function pinRequest(post: PublishablePost, boardId: string): Record<string, unknown> {
  const images = post.media.filter((media) => media.kind === 'image');
  if (images.length === 0 || images.length !== post.media.length) throw unsupportedPost('pinterest', 'a pin needs one or more images (video pins are not supported by this connector yet)');
  const mediaSource = images.length === 1 ? { source_type: 'image_url', url: images[0]!.url } : { source_type: 'multiple_image_urls', items: images.map((image) => ({ url: image.url })) };
  return {
    board_id: boardId,
    title: post.title,
    description: captionWithHashtags(post),
    link: post.link,
    alt_text: images[0]!.altText,
    media_source: mediaSource,
  };
}

export function readPinterestError(response: ConnectorResponse): ProviderFailure {
  const body = jsonBody<{ code?: number; message?: string }>(response);
  const message = body?.message ?? `HTTP ${response.status}`;
  const providerCode = body?.code === undefined ? undefined : String(body.code);
  if (response.status === 401) return { kind: 'auth', message, providerCode };
  if (transientStatus(response.status)) return { kind: 'transient', message, providerCode };
  return { kind: 'permanent', message, providerCode };
}
