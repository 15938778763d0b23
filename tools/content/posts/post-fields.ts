import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ContentType as PostContentTypeName, PostMedia, PublishablePost, SocialPlatform } from '../connectors/publishing.ts';
import { SOCIAL_PLATFORMS } from '../connectors/publishing.ts';
import { invalidInput } from '../../registry/errors.ts';
import { zonedInstant } from '../../common/format.ts';

/**
 * The input pieces and conversions every post tool shares: platforms and statuses as tools speak
 * them (lower case) against the columns' enums (upper case), the post's content as one value whose
 * hash pins what was approved, and times given in a time zone.
 */

export const CONTENT_TYPES = ['post', 'story', 'reel', 'video', 'pin', 'thread'] as const;
export const POST_STATUSES = ['draft', 'pending_approval', 'scheduled', 'publishing', 'published', 'failed', 'cancelled'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export type PostStatusColumn = Uppercase<PostStatus>;
export type PlatformColumn = Uppercase<SocialPlatform>;

export const platformInput = z.enum(SOCIAL_PLATFORMS).describe('instagram, facebook, tiktok, youtube, pinterest, x or snapchat.');
export const contentTypeInput = z.enum(CONTENT_TYPES).describe('post, story, reel, video, pin or thread.');
export const statusInput = z.enum(POST_STATUSES);

export const mediaInput = z.object({
  url: z.url().describe('Public URL of the picture or video.'),
  kind: z.enum(['image', 'video']),
  alt_text: z.string().max(1000).optional().describe('Describes the picture for screen readers.'),
});

/** A time with its offset (2026-12-12T18:00:00Z), or a local time (2026-12-12T18:00) read in `time_zone`. */
export const scheduledAtInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/, 'use 2026-12-12T18:00 (local, in time_zone) or an ISO time with offset')
  .describe('When to publish: 2026-12-12T18:00 in time_zone, or an ISO time with offset.');
export const timeZoneInput = z
  .string()
  .refine(isTimeZone, 'is not an IANA time zone (e.g. Europe/London)')
  .describe("IANA time zone of scheduled_at; default the organisation's.");

/** What a post says and shows: exactly what goes out, and what an approval pins. */
export interface PostContent {
  contentType: string;
  caption: string;
  hashtags: string[];
  media: unknown;
  link: string | null;
  title: string | null;
  thread: unknown;
  boardId: string | null;
  privacy: string | null;
  socialAccountId: string | null;
}

/** The hash of a post's content (and the account it goes to): equal hashes, same post on the platform. */
export function contentHash(post: PostContent): string {
  const content = [post.contentType, post.caption, post.hashtags, post.media, post.link, post.title, post.thread ?? null, post.boardId, post.privacy, post.socialAccountId];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** The post as the connectors take it. */
export function publishablePost(post: PostContent): PublishablePost {
  const media = (post.media as Array<{ url: string; kind: 'image' | 'video'; alt_text?: string }>).map(
    (item): PostMedia => ({ url: item.url, kind: item.kind, ...(item.alt_text ? { altText: item.alt_text } : {}) }),
  );
  const thread = Array.isArray(post.thread) && post.thread.length ? (post.thread as string[]) : undefined;
  return {
    contentType: post.contentType.toLowerCase() as PostContentTypeName,
    caption: post.caption,
    hashtags: post.hashtags,
    media,
    ...(post.link ? { link: post.link } : {}),
    ...(post.title ? { title: post.title } : {}),
    ...(thread ? { thread } : {}),
    ...(post.boardId ? { boardId: post.boardId } : {}),
    ...(post.privacy ? { privacy: post.privacy as PublishablePost['privacy'] } : {}),
  };
}

export const toPlatformColumn = (platform: SocialPlatform) => platform.toUpperCase() as PlatformColumn;
export const fromPlatformColumn = (platform: string) => platform.toLowerCase() as SocialPlatform;
export const toStatusColumn = (status: PostStatus) => status.toUpperCase() as PostStatusColumn;
export const fromStatusColumn = (status: string) => status.toLowerCase() as PostStatus;

/** The instant of `scheduled_at`: as written when it has an offset, else read in `timeZone`. */
export function resolveScheduledAt(value: string, timeZone: string): Date {
  const hasOffset = /(Z|[+-]\d{2}:\d{2})$/.test(value);
  const instant = hasOffset ? new Date(value) : zonedInstant(Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`), timeZone);
  if (Number.isNaN(instant.getTime())) throw invalidInput('scheduled_at', 'is not a real date and time.');
  return instant;
}

/** "Fri, 12 Dec 2026, 18:00 (Europe/London)": a time as people read it in the zone it was chosen in. */
export function displayTime(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${text} (${timeZone})`;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
