/**
 * The one interface every publishing connector implements, so the publish job can treat
 * Instagram, TikTok, Facebook, X, Pinterest, YouTube and Snapchat alike.
 */

export const SOCIAL_PLATFORMS = ['instagram', 'facebook', 'tiktok', 'youtube', 'pinterest', 'x', 'snapchat'] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

export const PLATFORM_LABELS: Record<SocialPlatform, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  pinterest: 'Pinterest',
  x: 'X',
  snapchat: 'Snapchat',
};

export type ContentType = 'post' | 'story' | 'reel' | 'video' | 'pin' | 'thread';

/** A picture or video the platform fetches (or we fetch and upload) from a public URL. */
export interface PostMedia {
  url: string;
  kind: 'image' | 'video';
  altText?: string;
}

/** A post as approved: exactly what goes out. Limits are enforced before this point (by the drafting code). */
export interface PublishablePost {
  contentType: ContentType;
  /** The text as it should read (caption, message, description, tweet). */
  caption: string;
  /** Appended to the caption when not already in it (`#tag`). */
  hashtags?: string[];
  media: PostMedia[];
  link?: string;
  /** YouTube video title, Pinterest pin title. */
  title?: string;
  /** X: the posts of a thread in order (the caption is ignored when given). */
  thread?: string[];
  /** Who may see it, where the platform asks (TikTok, YouTube); default public. */
  privacy?: 'public' | 'unlisted' | 'friends' | 'private';
  /** Pinterest: the board the pin goes on. */
  boardId?: string;
}

/** The connected account, with its token already decrypted (never log this object). */
export interface PublishAccount {
  accessToken: string;
  /** Instagram professional account id, Facebook Page id or Snapchat public profile id; unused elsewhere. */
  accountId?: string;
}

/**
 * Where a multi-step publish records how far it got, under the idempotency key, so a retried job
 * resumes (polls the same TikTok publish, continues an X thread after its last posted part)
 * instead of posting again. The publish job backs it with the scheduled post's row.
 */
export interface CheckpointStore {
  read(key: string): Promise<Record<string, unknown> | undefined>;
  write(key: string, state: Record<string, unknown>): Promise<void>;
}

export interface PublishOptions {
  /** The approval id: one key, one post on the platform. */
  idempotencyKey: string;
  checkpoints?: CheckpointStore;
}

export interface PublishResult {
  externalId: string;
  url?: string;
  /** Every id the platform created, in order (an X thread's posts). */
  externalIds?: string[];
}

export interface PublishingClient {
  readonly platform: SocialPlatform;
  publish(post: PublishablePost, account: PublishAccount, options: PublishOptions): Promise<PublishResult>;
}

/** The caption with the post's hashtags appended (those it does not already contain). */
export function captionWithHashtags(post: Pick<PublishablePost, 'caption' | 'hashtags'>): string {
  const missing = (post.hashtags ?? [])
    .map((tag) => `#${tag.replace(/^#/, '')}`)
    .filter((tag) => !new RegExp(`${escapeRegExp(tag)}(?![\\p{L}\\p{N}_])`, 'iu').test(post.caption));
  return missing.length ? `${post.caption.trimEnd()}\n\n${missing.join(' ')}` : post.caption;
}

/** A checkpoint store that forgets when the process ends: the default, and for tests. */
export function memoryCheckpoints(): CheckpointStore & { states: Map<string, Record<string, unknown>> } {
  const states = new Map<string, Record<string, unknown>>();
  return {
    states,
    read: async (key) => states.get(key),
    write: async (key, state) => void states.set(key, { ...state }),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
