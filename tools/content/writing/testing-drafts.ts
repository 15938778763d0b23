import type { DraftFor, PlatformDraft } from './draft-shapes.ts';

// Small complete drafts for tests, each overridable field by field.

export const instagram = (content: Partial<DraftFor<'instagram'>> = {}): PlatformDraft => ({
  platform: 'instagram',
  content: { caption: 'Out now.', hashtags: [], image_suggestion: 'The cover art', best_time: 'Friday 18:00', ...content },
});

export const tiktok = (content: Partial<DraftFor<'tiktok'>> = {}): PlatformDraft => ({
  platform: 'tiktok',
  content: { caption: 'Out now.', hashtags: ['newmusic', 'indie', 'nightdrive'], sound_suggestions: ['the single'], video_ideas: ['one', 'two', 'three'], ...content },
});

export const xThread = (...posts: string[]): PlatformDraft => ({ platform: 'x', content: { posts } });

export const pinterest = (content: Partial<DraftFor<'pinterest'>> = {}): PlatformDraft => ({
  platform: 'pinterest',
  content: { title: 'Night Drive', description: 'A single for late roads.', board_suggestions: ['Road trip music'], keywords: ['night drive playlist'], ...content },
});

export const youtube = (content: Partial<DraftFor<'youtube'>> = {}): PlatformDraft => ({
  platform: 'youtube',
  content: { title: 'Night Drive (Official Video)', description: 'Listen everywhere.', tags: ['night drive'], ...content },
});

export const facebook = (text: string): PlatformDraft => ({
  platform: 'facebook',
  content: { text, call_to_action: 'Listen now', link_preview: { url: 'https://example.com/s', title: 'Night Drive', description: 'Out now' } },
});

export const snapchat = (caption: string): PlatformDraft => ({ platform: 'snapchat', content: { caption } });

/** `count` distinct hashtags: tag1, tag2, ... */
export const tags = (count: number): string[] => Array.from({ length: count }, (_, index) => `tag${index + 1}`);

/** Words of five letters and a space, cut to exactly `length` characters. */
export const words = (length: number): string => 'words '.repeat(Math.ceil(length / 6)).slice(0, length);
