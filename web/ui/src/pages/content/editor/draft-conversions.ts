import type { ToolInput, ToolOutput } from '../../../api/tool-types.ts';
import { isPlatform, type Platform } from '../platforms.ts';
import { emptyDraft, type PostDraft, type PostMediaItem } from '../post-draft.ts';

type StoredPost = ToolOutput<'get_post'>;
/**
 * One draft of generate_posts' answer. Its output schema is a union over the platforms' draft
 * shapes that TypeScript sees only as objects, so the fields the UI reads are spelled out here.
 */
export interface GeneratedDraft {
  post_id: string;
  platform: string;
  content: Record<string, unknown>;
  changes: string[];
  media_note: string | null;
}

export function generatedDrafts(output: ToolOutput<'generate_posts'>): GeneratedDraft[] {
  return output.drafts as unknown as GeneratedDraft[];
}
type Release = ToolOutput<'list_releases'>['rows'][number];

/** A stored post (get_post's answer) as the editor holds it: its content in full, nulls as empty fields. */
export function draftFromPost(post: StoredPost): PostDraft {
  const platform: Platform = isPlatform(post.platform) ? post.platform : 'instagram';
  const media = post.media.map((item): PostMediaItem => ({ url: item.url, kind: item.kind === 'video' ? 'video' : 'image', ...(item.alt_text ? { alt_text: item.alt_text } : {}) }));
  return {
    ...emptyDraft(platform), contentType: post.content_type, caption: post.caption || (post.thread[0] ?? ''), hashtags: post.hashtags, title: post.title ?? '',
    // The editor and previews treat a thread as two posts or more (a thread of one is its caption).
    thread: post.thread.length > 1 ? post.thread : [], link: post.link ?? '', media, account: post.account,
  };
}

// The release asset each platform's draft is stored with (tools/content/generate/draft-to-post.ts).
const MEDIA_KIND: Record<Platform, 'image' | 'video' | 'any'> = { instagram: 'image', facebook: 'image', pinterest: 'image', x: 'image', tiktok: 'video', youtube: 'video', snapchat: 'any' };

/** A generated draft as stored on the calendar: the same fields generate_posts wrote to its post. */
export function draftFromGenerated(generated: GeneratedDraft, release: Release | undefined): PostDraft {
  const platform = generated.platform as Platform;
  const asset = release?.assets.find((candidate) => MEDIA_KIND[platform] === 'any' || candidate.kind === MEDIA_KIND[platform]);
  const media: PostMediaItem[] = asset ? [asset] : [];
  const base = { ...emptyDraft(platform), media };
  const content = generated.content;
  const text = (key: string) => (typeof content[key] === 'string' ? (content[key] as string) : '');
  const list = (key: string) => (Array.isArray(content[key]) ? (content[key] as string[]) : []);
  switch (platform) {
    case 'instagram': return { ...base, caption: text('caption'), hashtags: list('hashtags') };
    case 'tiktok': return { ...base, contentType: 'video', caption: text('caption'), hashtags: list('hashtags') };
    case 'facebook': {
      const preview = content.link_preview as { url: string; title: string } | undefined;
      return { ...base, caption: text('text'), link: preview?.url ?? '' };
    }
    case 'x': {
      const posts = list('posts');
      return { ...base, contentType: posts.length > 1 ? 'thread' : 'post', caption: posts[0] ?? '', thread: posts.length > 1 ? posts : [] };
    }
    case 'pinterest': return { ...base, contentType: 'pin', caption: text('description'), title: text('title') };
    case 'youtube': return { ...base, contentType: 'video', caption: text('description'), title: text('title') };
    case 'snapchat': return { ...base, contentType: 'story', caption: text('caption') };
  }
}

/** What the draft suggests beyond the post (image, sounds, video ideas, boards...), as labelled lists. */
export function draftSuggestions(generated: GeneratedDraft): Array<{ label: string; items: string[] }> {
  const content = generated.content;
  const labels: Record<string, string> = {
    image_suggestion: 'Picture', best_time: 'Best time', sound_suggestions: 'Sounds', video_ideas: 'Video ideas', call_to_action: 'Call to action',
    board_suggestions: 'Boards', keywords: 'Keywords', tags: 'Tags',
  };
  return Object.entries(labels).flatMap(([key, label]) => {
    const value = content[key];
    const items = Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];
    return items.length ? [{ label, items }] : [];
  });
}

type ContentChanges = Omit<ToolInput<'update_post'>, 'post_id'>;
type ContentType = NonNullable<ContentChanges['content_type']>;
const CONTENT_TYPES: readonly string[] = ['post', 'story', 'reel', 'video', 'pin', 'thread'] satisfies ContentType[];

function isContentType(value: string): value is ContentType {
  return CONTENT_TYPES.includes(value);
}

/** The fields update_post should change: only those that differ, so an unchanged post keeps its approval. */
export function contentChanges(before: PostDraft, after: PostDraft): ContentChanges {
  const changes: ContentChanges = {};
  if (after.caption !== before.caption) changes.caption = after.caption;
  if (after.hashtags.join(' ') !== before.hashtags.join(' ')) changes.hashtags = after.hashtags;
  if (after.title !== before.title && after.title) changes.title = after.title;
  // A thread cut down to one post is saved as an empty thread (and content type post), so the caption is what goes out.
  if (after.thread.join('\u0000') !== before.thread.join('\u0000')) changes.thread = after.thread;
  if (after.contentType !== before.contentType && isContentType(after.contentType)) changes.content_type = after.contentType;
  if (after.link !== before.link && after.link) changes.link = after.link;
  return changes;
}
