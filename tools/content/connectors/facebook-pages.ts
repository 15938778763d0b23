/**
 * Facebook Pages publishing through the Graph API, documented endpoints:
 * - `POST /{page-id}/feed` with `message` and `link`: a text or link post, answers `{ id }` (`{page-id}_{post-id}`)
 * - `POST /{page-id}/photos` with `url` and `message`: a photo post, answers `{ id, post_id }`
 * - `POST /{page-id}/videos` with `file_url` and `description`: a video post, answers `{ id }`
 * The account's token must be a Page access token. Base URL: `FACEBOOK_GRAPH_URL`, default
 * https://graph.facebook.com/v21.0.
 *
 * Once only: no idempotency key exists. The publishing call is made once per attempt and not
 * replayed after a timeout (the error then says the post may exist); Facebook itself refuses an
 * identical repeat with code 506 (duplicate post), which comes back as a permanent failure.
 */
import { joinUrl, sendRequest, unsupportedPost, type ConnectorDeps } from './connector-http.ts';
import { readGraphError } from './graph-api-errors.ts';
import { captionWithHashtags, type PublishingClient } from './publishing.ts';

export const FACEBOOK_DEFAULT_URL = 'https://graph.facebook.com/v21.0';

export function createFacebookPagesClient(options: { baseUrl?: string; deps?: ConnectorDeps } = {}): PublishingClient {
  const baseUrl = options.baseUrl ?? FACEBOOK_DEFAULT_URL;
  const deps = options.deps ?? {};
  return {
    platform: 'facebook',
    async publish(post, account) {
      const pageId = account.accountId;
      if (!pageId) throw unsupportedPost('facebook', 'the account has no Facebook Page id');
      if (post.media.length > 1) throw unsupportedPost('facebook', 'posts with several photos or videos are not supported by this connector yet; send one');
      const call = { platform: 'facebook' as const, deps, secrets: [account.accessToken], readError: readGraphError };
      const message = captionWithHashtags(post);
      const media = post.media[0];
      const [edge, fields] = !media
        ? ['feed', { message, ...(post.link ? { link: post.link } : {}) }]
        : media.kind === 'image'
          ? ['photos', { url: media.url, message }]
          : ['videos', { file_url: media.url, description: message }];
      const body = new URLSearchParams({ ...fields, access_token: account.accessToken });
      const answer = (await sendRequest(call, { method: 'POST', url: joinUrl(baseUrl, `${pageId}/${edge}`), body, replaySafe: false })).json<{ id: string; post_id?: string }>();
      const postId = answer.post_id ?? answer.id;
      return { externalId: postId, url: `https://www.facebook.com/${postId}` };
    },
  };
}
