import type { Platform } from './platforms.ts';
import { X_POST_MAX_WEIGHT } from './x-weighted-length.ts';

/**
 * Every platform limit Crescendo enforces on a draft, in one table. Sources (read 2026-12-06):
 *
 * - Instagram: Instagram Graph API, IG User Media (`POST /{ig-user-id}/media`), `caption`:
 *   "Maximum 2,200 characters, 30 hashtags, and 20 @ tags"
 *   (developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media).
 * - TikTok: Content Posting API, Direct Post, `post_info.title` (the video caption, hashtags
 *   included): at most 2,200 UTF-16 runes
 *   (developers.tiktok.com/doc/content-posting-api-reference-direct-post). The app itself now takes
 *   4,000, but every scheduled post goes through the API, so 2,200 is the number that holds.
 *   3 to 5 hashtags is the rule (TikTok's own advice is "a few relevant hashtags").
 * - Facebook: 63,206 characters for a Page post's message, the figure Facebook gave when it raised
 *   the limit in 2011 and still enforced by the composer; the Graph API documents no other.
 * - X: 280 weighted characters per post, counted by twitter-text's parseTweet (its v3 config:
 *   CJK and emoji weigh 2, every URL 23) (developer.x.com/en/docs/counting-characters).
 * - Pinterest: API v5 `POST /pins`: `title` at most 100 characters; `description` 500 as the
 *   Pinterest editor enforces (the API accepts 800; the issue asks for 500, the stricter).
 * - YouTube: Data API v3 videos resource: `snippet.title` at most 100 characters and
 *   `snippet.description` at most 5,000 bytes, neither containing < or >; `snippet.tags` 500
 *   characters in all, counting the commas between tags and the quotes YouTube adds around a tag
 *   with a space (developers.google.com/youtube/v3/docs/videos#snippet).
 * - Snapchat: Snap publishes no limit for a Story or Spotlight caption; 250 characters is the
 *   figure caption guides cite, held here as a conservative cap until Snap documents one.
 */
export const PLATFORM_LIMITS = {
  instagram: { captionCharacters: 2_200, maxHashtags: 30 },
  tiktok: { captionCharacters: 2_200, minHashtags: 3, maxHashtags: 5 },
  facebook: { textCharacters: 63_206 },
  x: { postWeight: X_POST_MAX_WEIGHT },
  pinterest: { titleCharacters: 100, descriptionCharacters: 500 },
  youtube: { titleCharacters: 100, descriptionBytes: 5_000, tagsCharacters: 500 },
  snapchat: { captionCharacters: 250 },
} as const satisfies Record<Platform, Record<string, number>>;

/** TikTok asks for three video ideas per draft (the shape). */
export const TIKTOK_VIDEO_IDEAS = 3;

/** The limits in words, for the prompt: the model is told them before code enforces them. */
export const LIMITS_IN_WORDS: Record<Platform, string> = {
  instagram: 'Caption and hashtags together at most 2,200 characters; at most 30 hashtags.',
  tiktok: 'Caption and hashtags together at most 2,200 characters; 3 to 5 hashtags; exactly 3 video ideas.',
  facebook: 'Text at most 63,206 characters (keep it far shorter: 1 to 3 short paragraphs).',
  x: 'Each post at most 280 characters as X counts them (every link counts 23, emoji and CJK characters count 2).',
  pinterest: 'Title at most 100 characters; description at most 500 characters.',
  youtube: 'Title at most 100 characters; description at most 5,000 bytes; tags at most 500 characters in all; no < or > anywhere.',
  snapchat: 'Caption at most 250 characters (keep it to one short line).',
};
