import type { PostContentType } from '../../../db/generated/prisma/enums.ts';
import { fitDraftToLimits } from '../writing/fit-to-limits.ts';
import type { PlatformDraft } from '../writing/draft-shapes.ts';
import { inlineHashtags, normalizeHashtags, postedCaption } from '../writing/hashtags.ts';
import type { Platform } from '../writing/platforms.ts';

/** The parts of a published post a repost copies. */
export interface RepostSource {
  platform: Platform;
  contentType: PostContentType;
  caption: string;
  hashtags: string[];
  title: string | null;
  link: string | null;
  thread: unknown;
}

/** The repost's text columns after the platform's limits were applied. */
export interface RepostText {
  contentType: PostContentType;
  caption: string;
  hashtags: string[];
  title: string | null;
  thread: string[] | null;
  /** What the writing core's fixer changed, in its words. */
  changes: string[];
  /** Limits still broken (TikTok's minimum of 3 hashtags): the repost is not drafted. */
  problems: string[];
}

/**
 * The source post's text with the trending tags added, brought within the platform's limits by the
 * writing core's fixer (the same code that fits generated drafts). Trending tags go first: they are
 * the reason for the repost, and the fixer drops hashtags from the end when there are too many.
 * Instagram and TikTok keep a hashtag list; on the other platforms the tags are written into the
 * text (as every connector posts them), so the text's limit is checked with them included.
 */
export function repostText(source: RepostSource, trendingTags: readonly string[], spareTags: readonly string[] = []): RepostText {
  const present = new Set(inlineHashtags(source.caption).map((tag) => tag.slice(1).toLocaleLowerCase('en')));
  const tags = normalizeHashtags([...trendingTags, ...source.hashtags]).tags.filter((tag) => !present.has(tag.toLocaleLowerCase('en')));
  const fitted = fitDraftToLimits(asDraft(source, tags), { spareHashtags: spareTags });
  // Video ideas are a generated TikTok draft's suggestion, not part of a post: a repost has none.
  const problems = fitted.violations.filter((violation) => violation.field !== 'video_ideas').map((violation) => violation.message);
  return { ...fromDraft(source, fitted.draft), changes: fitted.changes, problems };
}

function asDraft(source: RepostSource, tags: string[]): PlatformDraft {
  const withTags = (text: string) => postedCaption(text, tags);
  switch (source.platform) {
    case 'instagram':
      return { platform: 'instagram', content: { caption: source.caption, hashtags: tags, image_suggestion: '', best_time: '' } };
    case 'tiktok':
      return { platform: 'tiktok', content: { caption: source.caption, hashtags: tags, sound_suggestions: [], video_ideas: [] } };
    case 'facebook':
      return { platform: 'facebook', content: { text: withTags(source.caption), call_to_action: '', link_preview: { url: source.link ?? '', title: '', description: '' } } };
    case 'x': {
      const thread = Array.isArray(source.thread) && source.thread.length ? (source.thread as string[]) : [source.caption];
      // The tags close the thread's last post; the fixer splits it when that makes it too long.
      return { platform: 'x', content: { posts: [...thread.slice(0, -1), withTags(thread.at(-1)!)] } };
    }
    case 'pinterest':
      return { platform: 'pinterest', content: { title: source.title ?? '', description: withTags(source.caption), board_suggestions: [], keywords: [] } };
    case 'youtube':
      return { platform: 'youtube', content: { title: source.title ?? '', description: withTags(source.caption), tags } };
    case 'snapchat':
      return { platform: 'snapchat', content: { caption: withTags(source.caption) } };
  }
}

function fromDraft(source: RepostSource, draft: PlatformDraft): Omit<RepostText, 'changes' | 'problems'> {
  const keep = { contentType: source.contentType, title: source.title, thread: null, hashtags: [] as string[] };
  switch (draft.platform) {
    case 'instagram':
    case 'tiktok':
      return { ...keep, caption: draft.content.caption, hashtags: draft.content.hashtags };
    case 'facebook':
      return { ...keep, caption: draft.content.text };
    case 'x': {
      const posts = draft.content.posts;
      return posts.length > 1 ? { ...keep, contentType: 'THREAD', caption: posts[0]!, thread: posts } : { ...keep, contentType: source.contentType === 'THREAD' ? 'POST' : source.contentType, caption: posts[0] ?? '' };
    }
    case 'pinterest':
      return { ...keep, caption: draft.content.description, title: source.title === null ? null : draft.content.title };
    case 'youtube':
      return { ...keep, caption: draft.content.description, title: source.title === null ? null : draft.content.title, hashtags: draft.content.tags };
    case 'snapchat':
      return { ...keep, caption: draft.content.caption };
  }
}
