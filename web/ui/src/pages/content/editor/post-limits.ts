import { hashtagTotal, youtubeTagsLength } from '../../../../../../tools/content/writing/check-limits.ts';
import { postedCaption } from '../../../../../../tools/content/writing/hashtags.ts';
import { PLATFORM_LIMITS } from '../../../../../../tools/content/writing/platform-limits.ts';
import { characterCount, utf8ByteCount } from '../../../../../../tools/content/writing/text-measures.ts';
import { xWeightedLength } from '../../../../../../tools/content/writing/x-weighted-length.ts';
import type { Platform } from '../platforms.ts';
import { xParts, type PostDraft } from '../post-draft.ts';

/** One live counter under the editor: what is measured, how much is used, and the bounds. */
export interface LimitCount {
  /** Which field it measures (`caption`, `thread.1`), to place the counter beside it. */
  field: string;
  label: string;
  used: number;
  max: number;
  min?: number;
  unit: string;
}

/**
 * The same limits generate_posts enforces, measured the same way (the tools' own functions: X's
 * weighted count from twitter-text, hashtags appended as they will be posted), so a post the
 * counters call fine is one the server stores as it is.
 */
export function limitCounts(platform: Platform, post: PostDraft): LimitCount[] {
  const posted = { caption: post.caption, hashtags: post.hashtags };
  switch (platform) {
    case 'instagram':
      return [
        { field: 'caption', label: 'Caption with hashtags', used: characterCount(postedCaption(post.caption, post.hashtags)), max: PLATFORM_LIMITS.instagram.captionCharacters, unit: 'characters' },
        { field: 'hashtags', label: 'Hashtags', used: hashtagTotal(posted), max: PLATFORM_LIMITS.instagram.maxHashtags, unit: 'hashtags' },
      ];
    case 'tiktok':
      return [
        { field: 'caption', label: 'Caption with hashtags', used: characterCount(postedCaption(post.caption, post.hashtags)), max: PLATFORM_LIMITS.tiktok.captionCharacters, unit: 'characters' },
        { field: 'hashtags', label: 'Hashtags', used: hashtagTotal(posted), min: PLATFORM_LIMITS.tiktok.minHashtags, max: PLATFORM_LIMITS.tiktok.maxHashtags, unit: 'hashtags' },
      ];
    case 'facebook':
      return [{ field: 'caption', label: 'Text', used: characterCount(post.caption), max: PLATFORM_LIMITS.facebook.textCharacters, unit: 'characters' }];
    case 'x':
      return xParts(post).map((text, index, parts) => ({
        field: parts.length > 1 ? `thread.${index}` : 'caption',
        label: parts.length > 1 ? `Post ${index + 1} of ${parts.length}` : 'Post',
        used: xWeightedLength(text),
        max: PLATFORM_LIMITS.x.postWeight,
        unit: 'characters as X counts them',
      }));
    case 'pinterest':
      return [
        { field: 'title', label: 'Title', used: characterCount(post.title), max: PLATFORM_LIMITS.pinterest.titleCharacters, unit: 'characters' },
        { field: 'caption', label: 'Description', used: characterCount(post.caption), max: PLATFORM_LIMITS.pinterest.descriptionCharacters, unit: 'characters' },
      ];
    case 'youtube':
      return [
        { field: 'title', label: 'Title', used: characterCount(post.title), max: PLATFORM_LIMITS.youtube.titleCharacters, unit: 'characters' },
        { field: 'caption', label: 'Description', used: utf8ByteCount(post.caption), max: PLATFORM_LIMITS.youtube.descriptionBytes, unit: 'bytes' },
        { field: 'hashtags', label: 'Tags', used: youtubeTagsLength(post.hashtags), max: PLATFORM_LIMITS.youtube.tagsCharacters, unit: 'characters' },
      ];
    case 'snapchat':
      return [{ field: 'caption', label: 'Caption', used: characterCount(post.caption), max: PLATFORM_LIMITS.snapchat.captionCharacters, unit: 'characters' }];
  }
}

export function isOver(count: LimitCount): boolean {
  return count.used > count.max || (count.min !== undefined && count.used < count.min);
}
