/**
 * Instagram Graph API publishing (Instagram API with Facebook Login), documented endpoints:
 * - `POST /{ig-user-id}/media`: create a container (`image_url`; `media_type=REELS` + `video_url`;
 *   `media_type=STORIES`; carousel items with `is_carousel_item=true`, then `media_type=CAROUSEL` + `children`)
 * - `GET /{container-id}?fields=status_code,status`: poll until `FINISHED` (`IN_PROGRESS`, `ERROR`, `EXPIRED`, `PUBLISHED`)
 * - `POST /{ig-user-id}/media_publish` with `creation_id`: publish, answers the media id
 * - `GET /{media-id}?fields=permalink`: the post's URL
 * Base URL: `INSTAGRAM_GRAPH_URL`, default https://graph.facebook.com/v21.0.
 *
 * Once only: the Graph API has no idempotency key. The container id and the published media id
 * are checkpointed under the idempotency key, so a retried job reuses the container and never
 * publishes a container twice (a container that reads PUBLISHED is not published again).
 */
import { joinUrl, pollUntil, sendRequest, unsupportedPost, type ConnectorCall, type ConnectorDeps } from './connector-http.ts';
import { readGraphError } from './graph-api-errors.ts';
import { PublishError, describePublishFailure } from './publish-error.ts';
import { captionWithHashtags, memoryCheckpoints, type PostMedia, type PublishAccount, type PublishablePost, type PublishingClient, type PublishOptions } from './publishing.ts';

export const INSTAGRAM_DEFAULT_URL = 'https://graph.facebook.com/v21.0';
const CAROUSEL_LIMIT = 10;

type ContainerStatus = 'EXPIRED' | 'ERROR' | 'FINISHED' | 'IN_PROGRESS' | 'PUBLISHED';

export function createInstagramClient(options: { baseUrl?: string; deps?: ConnectorDeps } = {}): PublishingClient {
  const baseUrl = options.baseUrl ?? INSTAGRAM_DEFAULT_URL;
  const deps = options.deps ?? {};
  return {
    platform: 'instagram',
    async publish(post, account, publishOptions) {
      const session = new InstagramSession(baseUrl, deps, account, publishOptions);
      return session.publish(post);
    },
  };
}

class InstagramSession {
  private readonly call: ConnectorCall;
  private readonly userId: string;

  constructor(
    private readonly baseUrl: string,
    private readonly deps: ConnectorDeps,
    private readonly account: PublishAccount,
    private readonly options: PublishOptions,
  ) {
    this.call = { platform: 'instagram', deps, secrets: [account.accessToken], readError: readGraphError };
    if (!account.accountId) throw unsupportedPost('instagram', 'the account has no Instagram professional account id');
    this.userId = account.accountId;
  }

  async publish(post: PublishablePost) {
    const checkpoints = this.options.checkpoints ?? memoryCheckpoints();
    const key = this.options.idempotencyKey;
    const saved = (await checkpoints.read(key)) ?? {};
    if (typeof saved.mediaId === 'string') return { externalId: saved.mediaId, url: saved.url as string | undefined };
    let containerId = typeof saved.containerId === 'string' ? saved.containerId : undefined;
    if (!containerId) {
      containerId = await this.createContainer(post);
      await checkpoints.write(key, { containerId });
    }
    const status = await this.waitUntilReady(containerId);
    if (status === 'PUBLISHED') return { externalId: containerId };
    const published = await this.post<{ id: string }>(`${this.userId}/media_publish`, { creation_id: containerId }, false);
    const url = await this.permalink(published.id);
    await checkpoints.write(key, { containerId, mediaId: published.id, url });
    return { externalId: published.id, url };
  }

  private async createContainer(post: PublishablePost): Promise<string> {
    const caption = captionWithHashtags(post);
    if (post.media.length === 0) throw unsupportedPost('instagram', 'Instagram posts need an image or a video');
    if (post.contentType === 'story') return this.createMedia({ media_type: 'STORIES', ...source(post.media[0]!) });
    if (post.media.length > 1) {
      if (post.media.length > CAROUSEL_LIMIT) throw unsupportedPost('instagram', `a carousel holds at most ${CAROUSEL_LIMIT} items (this post has ${post.media.length})`);
      const children: string[] = [];
      for (const item of post.media) {
        const child = await this.createMedia({ is_carousel_item: 'true', ...(item.kind === 'video' ? { media_type: 'VIDEO', video_url: item.url } : { image_url: item.url }) });
        await this.waitUntilReady(child);
        children.push(child);
      }
      return this.createMedia({ media_type: 'CAROUSEL', children: children.join(','), caption });
    }
    const only = post.media[0]!;
    if (only.kind === 'video') return this.createMedia({ media_type: 'REELS', video_url: only.url, caption, share_to_feed: 'true' });
    return this.createMedia({ image_url: only.url, caption });
  }

  private async createMedia(fields: Record<string, string>): Promise<string> {
    return (await this.post<{ id: string }>(`${this.userId}/media`, fields, true)).id;
  }

  /** Polls the container until it can be published; ERROR and EXPIRED are permanent with the platform's reason. */
  private async waitUntilReady(containerId: string): Promise<ContainerStatus> {
    const status = await pollUntil(this.deps, async () => {
      const answer = await this.get<{ status_code?: ContainerStatus; status?: string }>(containerId, 'status_code,status');
      if (answer.status_code === 'ERROR' || answer.status_code === 'EXPIRED') {
        const reason = answer.status_code === 'EXPIRED' ? 'the media container expired (not published within 24 hours)' : `the media could not be processed (${answer.status ?? 'no reason given'})`;
        throw new PublishError('permanent', 'instagram', describePublishFailure('instagram', { kind: 'permanent', message: reason }), { providerCode: answer.status_code });
      }
      return answer.status_code === 'FINISHED' || answer.status_code === 'PUBLISHED' ? answer.status_code : undefined;
    });
    if (!status) throw new PublishError('transient', 'instagram', describePublishFailure('instagram', { kind: 'transient', message: 'the media is still being processed' }));
    return status;
  }

  /** The permalink is a nicety: a failure to read it does not fail a post that is already out. */
  private async permalink(mediaId: string): Promise<string | undefined> {
    try {
      return (await this.get<{ permalink?: string }>(mediaId, 'permalink')).permalink;
    } catch {
      return undefined;
    }
  }

  private async post<T>(path: string, fields: Record<string, string>, replaySafe: boolean): Promise<T> {
    const body = new URLSearchParams({ ...fields, access_token: this.account.accessToken });
    return (await sendRequest(this.call, { method: 'POST', url: joinUrl(this.baseUrl, path), body, replaySafe })).json<T>();
  }

  private async get<T>(path: string, fields: string): Promise<T> {
    const query = new URLSearchParams({ fields, access_token: this.account.accessToken });
    return (await sendRequest(this.call, { method: 'GET', url: `${joinUrl(this.baseUrl, path)}?${query}` })).json<T>();
  }
}

function source(media: PostMedia): Record<string, string> {
  return media.kind === 'video' ? { video_url: media.url } : { image_url: media.url };
}
