import { angleBracketCount, checkDraftLimits, youtubeTagsLength, type LimitOptions } from './check-limits.ts';
import type { DraftFor, PlatformDraft } from './draft-shapes.ts';
import { fitHashtags, type CaptionWithHashtags } from './fit-hashtags.ts';
import { postedCaption } from './hashtags.ts';
import type { LimitViolation } from './limit-violation.ts';
import { PLATFORM_LIMITS, TIKTOK_VIDEO_IDEAS } from './platform-limits.ts';
import { PLATFORM_LABELS, type Platform } from './platforms.ts';
import { splitXPost } from './split-x-post.ts';
import { characterCount, formatCount, plural, trimToFit, utf8ByteCount, type Measure } from './text-measures.ts';
import { xWeightedLength } from './x-weighted-length.ts';

export interface FitOptions extends LimitOptions {
  /** Hashtags that may top TikTok's list up to its minimum (the trending tags the model was shown). */
  spareHashtags?: readonly string[];
}

export interface FittedDraft {
  draft: PlatformDraft;
  /** What was changed, in plain words ("Removed 4 hashtags over Instagram's 30"); empty when nothing was. */
  changes: string[];
  /** Limits still broken that shortening cannot mend (too few hashtags or video ideas): the draft must be written again. */
  violations: LimitViolation[];
}

/**
 * The draft brought within its platform's limits deterministically: hashtags over the count
 * dropped from the end, text cut at a word boundary with an ellipsis, an X post that is too long
 * split into more posts of the thread. The same draft always gives the same result.
 */
export function fitDraftToLimits(draft: PlatformDraft, options: FitOptions = {}): FittedDraft {
  const changes: string[] = [];
  const fitted = fitContent(draft, { includeHashtags: options.includeHashtags ?? true, spare: options.spareHashtags ?? [] }, changes);
  return { draft: fitted, changes, violations: checkDraftLimits(fitted, options) };
}

interface Settings {
  includeHashtags: boolean;
  spare: readonly string[];
}

function fitContent(draft: PlatformDraft, settings: Settings, changes: string[]): PlatformDraft {
  switch (draft.platform) {
    case 'instagram': {
      const { captionCharacters, maxHashtags } = PLATFORM_LIMITS.instagram;
      const tagged = fitHashtags(draft.content, { platform: 'instagram', includeHashtags: settings.includeHashtags, max: maxHashtags }, changes);
      return { platform: 'instagram', content: fitCaption('instagram', tagged, captionCharacters, changes) };
    }
    case 'tiktok': {
      const { captionCharacters, minHashtags, maxHashtags } = PLATFORM_LIMITS.tiktok;
      const rules = { platform: 'tiktok' as const, includeHashtags: settings.includeHashtags, min: minHashtags, max: maxHashtags, spare: settings.spare };
      const tagged = fitCaption('tiktok', fitHashtags(draft.content, rules, changes), captionCharacters, changes);
      return { platform: 'tiktok', content: { ...tagged, video_ideas: firstVideoIdeas(tagged.video_ideas, changes) } };
    }
    case 'facebook': {
      const text = shorten('facebook', 'text', draft.content.text, PLATFORM_LIMITS.facebook.textCharacters, changes);
      return { platform: 'facebook', content: { ...draft.content, text } };
    }
    case 'x':
      return { platform: 'x', content: { posts: fitThread(draft.content.posts, changes) } };
    case 'pinterest': {
      const { titleCharacters, descriptionCharacters } = PLATFORM_LIMITS.pinterest;
      const title = shorten('pinterest', 'title', draft.content.title, titleCharacters, changes);
      const description = shorten('pinterest', 'description', draft.content.description, descriptionCharacters, changes);
      return { platform: 'pinterest', content: { ...draft.content, title, description } };
    }
    case 'youtube':
      return { platform: 'youtube', content: fitYoutube(draft.content, changes) };
    case 'snapchat': {
      const caption = shorten('snapchat', 'caption', draft.content.caption, PLATFORM_LIMITS.snapchat.captionCharacters, changes);
      return { platform: 'snapchat', content: { caption } };
    }
  }
}

/** `text` cut to `max`, noting the cut in `changes`. */
function shorten(platform: Platform, field: string, text: string, max: number, changes: string[], measure: Measure = characterCount, unit = 'characters'): string {
  const shortened = trimToFit(text, max, measure);
  if (shortened !== text) {
    changes.push(`Shortened the ${field} from ${formatCount(measure(text))} to ${formatCount(measure(shortened))} ${unit} to fit ${PLATFORM_LABELS[platform]}'s ${formatCount(max)}`);
  }
  return shortened;
}

/** The caption cut so that caption plus hashtags, as posted, fit `max`. */
function fitCaption<T extends CaptionWithHashtags>(platform: 'instagram' | 'tiktok', content: T, max: number, changes: string[]): T {
  const total = characterCount(postedCaption(content.caption, content.hashtags));
  if (total <= max) return content;
  const hashtagRoom = total - characterCount(content.caption);
  const caption = trimToFit(content.caption, Math.max(0, max - hashtagRoom));
  const after = characterCount(postedCaption(caption, content.hashtags));
  changes.push(`Shortened the caption from ${formatCount(total)} to ${formatCount(after)} characters (hashtags included) to fit ${PLATFORM_LABELS[platform]}'s ${formatCount(max)}`);
  return { ...content, caption };
}

function firstVideoIdeas(ideas: string[], changes: string[]): string[] {
  if (ideas.length <= TIKTOK_VIDEO_IDEAS) return ideas;
  changes.push(`Kept the first ${TIKTOK_VIDEO_IDEAS} of ${ideas.length} video ideas (a TikTok draft carries ${TIKTOK_VIDEO_IDEAS})`);
  return ideas.slice(0, TIKTOK_VIDEO_IDEAS);
}

function fitThread(posts: string[], changes: string[]): string[] {
  const max = PLATFORM_LIMITS.x.postWeight;
  const thread: string[] = [];
  const blank = posts.filter((post) => !post.trim()).length;
  // X refuses an empty post, and an empty entry in a thread is only a slip of the model.
  if (blank) changes.push(`Removed ${plural(blank, 'empty post')} from the thread`);
  posts.forEach((post, index) => {
    if (!post.trim()) return;
    const weight = xWeightedLength(post);
    if (weight <= max) {
      thread.push(post);
      return;
    }
    const pieces = splitXPost(post, max);
    thread.push(...pieces);
    changes.push(`Split post ${index + 1} of the thread (${formatCount(weight)} weighted characters) into ${pieces.length} posts to fit X's ${max}`);
  });
  if (thread.length !== posts.length) changes.push(`The thread now has ${thread.length} posts instead of ${posts.length}`);
  return thread;
}

function fitYoutube(content: DraftFor<'youtube'>, changes: string[]): DraftFor<'youtube'> {
  const { titleCharacters, descriptionBytes, tagsCharacters } = PLATFORM_LIMITS.youtube;
  const title = shorten('youtube', 'title', withoutAngleBrackets('title', content.title, changes), titleCharacters, changes);
  const description = shorten('youtube', 'description', withoutAngleBrackets('description', content.description, changes), descriptionBytes, changes, utf8ByteCount, 'bytes');
  const tags = [...content.tags];
  while (youtubeTagsLength(tags) > tagsCharacters) tags.pop();
  if (tags.length < content.tags.length) {
    changes.push(`Removed ${plural(content.tags.length - tags.length, 'tag')} over YouTube's ${tagsCharacters} characters of tags`);
  }
  return { title, description, tags };
}

/** YouTube refuses < and > in titles and descriptions; the single angle quotes read the same. */
function withoutAngleBrackets(field: string, text: string, changes: string[]): string {
  const count = angleBracketCount(text);
  if (count === 0) return text;
  changes.push(`Replaced ${plural(count, '< or > character')} in the ${field} with ‹ or › (YouTube refuses < and >)`);
  return text.replaceAll('<', '‹').replaceAll('>', '›');
}
