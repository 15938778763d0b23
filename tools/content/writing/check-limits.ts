import type { DraftFor, PlatformDraft } from './draft-shapes.ts';
import { inlineHashtags, postedCaption } from './hashtags.ts';
import { outside, type LimitViolation } from './limit-violation.ts';
import { PLATFORM_LIMITS, TIKTOK_VIDEO_IDEAS } from './platform-limits.ts';
import { characterCount, plural, utf8ByteCount } from './text-measures.ts';
import { xWeightedLength } from './x-weighted-length.ts';

export interface LimitOptions {
  /** False when the person asked for no hashtags: then any hashtag is over, and TikTok's minimum is waived. Default true. */
  includeHashtags?: boolean;
}

/** Every limit `draft` breaks on its platform (an empty list when it fits). */
export function checkDraftLimits(draft: PlatformDraft, options: LimitOptions = {}): LimitViolation[] {
  const violations = violationsOf(draft, options.includeHashtags ?? true);
  return violations.filter((violation): violation is LimitViolation => violation !== null);
}

function violationsOf(draft: PlatformDraft, includeHashtags: boolean): Array<LimitViolation | null> {
  switch (draft.platform) {
    case 'instagram': {
      const limits = PLATFORM_LIMITS.instagram;
      return [
        captionLength('instagram', draft.content, limits.captionCharacters),
        includeHashtags ? hashtagCount('instagram', draft.content, { max: limits.maxHashtags }) : unwantedHashtags('instagram', draft.content),
      ];
    }
    case 'tiktok': {
      const limits = PLATFORM_LIMITS.tiktok;
      return [
        captionLength('tiktok', draft.content, limits.captionCharacters),
        includeHashtags ? hashtagCount('tiktok', draft.content, { min: limits.minHashtags, max: limits.maxHashtags }) : unwantedHashtags('tiktok', draft.content),
        outside('tiktok', 'video_ideas', 'the list of video ideas', 'video ideas', draft.content.video_ideas.length, { min: TIKTOK_VIDEO_IDEAS, max: TIKTOK_VIDEO_IDEAS }),
      ];
    }
    case 'facebook':
      return [outside('facebook', 'text', 'the text', 'characters', characterCount(draft.content.text), { max: PLATFORM_LIMITS.facebook.textCharacters })];
    case 'x':
      return draft.content.posts.map((post, index) =>
        outside('x', `posts[${index}]`, `post ${index + 1} of the thread`, 'weighted characters', xWeightedLength(post), { max: PLATFORM_LIMITS.x.postWeight }),
      );
    case 'pinterest': {
      const limits = PLATFORM_LIMITS.pinterest;
      return [
        outside('pinterest', 'title', 'the title', 'characters', characterCount(draft.content.title), { max: limits.titleCharacters }),
        outside('pinterest', 'description', 'the description', 'characters', characterCount(draft.content.description), { max: limits.descriptionCharacters }),
      ];
    }
    case 'youtube':
      return youtubeViolations(draft.content);
    case 'snapchat':
      return [outside('snapchat', 'caption', 'the caption', 'characters', characterCount(draft.content.caption), { max: PLATFORM_LIMITS.snapchat.captionCharacters })];
  }
}

function captionLength(platform: 'instagram' | 'tiktok', content: { caption: string; hashtags: string[] }, max: number) {
  const what = content.hashtags.length ? 'the caption with its hashtags' : 'the caption';
  return outside(platform, 'caption', what, 'characters', characterCount(postedCaption(content.caption, content.hashtags)), { max });
}

/** Hashtags in the list and in the caption's text: the platform counts both. */
export function hashtagTotal(content: { caption: string; hashtags: string[] }): number {
  return content.hashtags.length + inlineHashtags(content.caption).length;
}

function hashtagCount(platform: 'instagram' | 'tiktok', content: { caption: string; hashtags: string[] }, bounds: { min?: number; max: number }) {
  return outside(platform, 'hashtags', 'the post', 'hashtags', hashtagTotal(content), bounds);
}

function unwantedHashtags(platform: 'instagram' | 'tiktok', content: { caption: string; hashtags: string[] }): LimitViolation | null {
  const actual = hashtagTotal(content);
  if (actual === 0) return null;
  return { platform, field: 'hashtags', unit: 'hashtags', actual, max: 0, message: `the post has ${plural(actual, 'hashtag')}, but none were asked for` };
}

/** YouTube counts a tag with a space as if quoted, and the commas between tags. */
export function youtubeTagsLength(tags: readonly string[]): number {
  const quoted = tags.reduce((sum, tag) => sum + tag.length + (/\s/u.test(tag) ? 2 : 0), 0);
  return quoted + Math.max(0, tags.length - 1);
}

const ANGLE_BRACKETS = /[<>]/gu;

/** How many < and > the text holds (YouTube refuses both in titles and descriptions). */
export function angleBracketCount(text: string): number {
  return text.match(ANGLE_BRACKETS)?.length ?? 0;
}

function angleBrackets(field: 'title' | 'description', text: string): LimitViolation | null {
  const actual = angleBracketCount(text);
  if (actual === 0) return null;
  return { platform: 'youtube', field, unit: 'angle brackets', actual, max: 0, message: `the ${field} contains ${plural(actual, '< or > character')}, which YouTube refuses` };
}

function youtubeViolations(content: DraftFor<'youtube'>): Array<LimitViolation | null> {
  const limits = PLATFORM_LIMITS.youtube;
  return [
    outside('youtube', 'title', 'the title', 'characters', characterCount(content.title), { max: limits.titleCharacters }),
    angleBrackets('title', content.title),
    outside('youtube', 'description', 'the description', 'bytes', utf8ByteCount(content.description), { max: limits.descriptionBytes }),
    angleBrackets('description', content.description),
    outside('youtube', 'tags', 'the tags', 'characters', youtubeTagsLength(content.tags), { max: limits.tagsCharacters }),
  ];
}
