import type { Platform } from './platforms.ts';

/** A picture or video attached to a post, as the post tools take it. */
export interface PostMediaItem {
  url: string;
  kind: 'image' | 'video';
  alt_text?: string;
}

/**
 * A post as the editor, the generator and the previews hold it: every text field as a string or
 * list (never null), so inputs stay controlled; converted from and to the tools' shapes at the edge.
 */
export interface PostDraft {
  platform: Platform;
  contentType: string;
  caption: string;
  hashtags: string[];
  /** YouTube video title, Pinterest pin title; empty elsewhere. */
  title: string;
  /** X thread posts in order; empty for a single post. */
  thread: string[];
  link: string;
  media: PostMediaItem[];
  /** The account's display name, shown in the previews. */
  account: string | null;
}

export function emptyDraft(platform: Platform): PostDraft {
  return { platform, contentType: 'post', caption: '', hashtags: [], title: '', thread: [], link: '', media: [], account: null };
}

/** "newmusic, #indie  lowtide" -> ["newmusic", "indie", "lowtide"]: how the hashtag field is typed. */
export function parseHashtags(text: string): string[] {
  return text.split(/[\s,]+/u).map((tag) => tag.replace(/^#+/u, '')).filter(Boolean);
}

export function hashtagText(tags: readonly string[]): string {
  return tags.map((tag) => `#${tag}`).join(' ');
}

/** An X post's parts: the thread when it has one, else the caption alone. */
export function xParts(post: Pick<PostDraft, 'caption' | 'thread'>): string[] {
  return post.thread.length ? post.thread : [post.caption];
}
