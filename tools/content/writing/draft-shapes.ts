import { z } from 'zod';
import type { Platform } from './platforms.ts';

// The shapes the model fills, one per platform (issue 18, "Writing"). Counts and lengths are
// described to the model but enforced in code afterwards (platform-limits.ts), so a draft one
// hashtag over is shortened rather than thrown away. Hashtags are stored without their '#'.

const hashtags = z.array(z.string()).describe("Hashtags without the '#', most important first.");

export const instagramDraft = z.object({
  caption: z.string().describe('The caption, without the hashtags (they are listed separately and appended when posted).'),
  hashtags,
  image_suggestion: z.string().describe('Which of the release assets to use, or what image to make, and why.'),
  best_time: z.string().describe('When to post, as weekday and local time, e.g. "Friday 18:00".'),
});
export type InstagramDraft = z.infer<typeof instagramDraft>;

export const tiktokDraft = z.object({
  caption: z.string().describe('The caption, without the hashtags.'),
  hashtags: hashtags.describe("3 to 5 hashtags without the '#', most important first."),
  sound_suggestions: z.array(z.string()).describe('Sounds to use: the release itself first, then trending sounds that fit.'),
  video_ideas: z.array(z.string()).describe('Exactly 3 short video ideas, one sentence each.'),
});
export type TiktokDraft = z.infer<typeof tiktokDraft>;

export const facebookDraft = z.object({
  text: z.string().describe('The post text.'),
  call_to_action: z.string().describe('The button or closing action, e.g. "Listen now" or "Pre-save".'),
  link_preview: z
    .object({
      url: z.string().describe('One of the release links, exactly as given.'),
      title: z.string(),
      description: z.string(),
    })
    .describe('The link card shown under the post.'),
});
export type FacebookDraft = z.infer<typeof facebookDraft>;

export const pinterestDraft = z.object({
  title: z.string().describe('The pin title (up to 100 characters).'),
  description: z.string().describe('The pin description (up to 500 characters).'),
  board_suggestions: z.array(z.string()).describe('Boards to pin it to.'),
  keywords: z.array(z.string()).describe('Search keywords people use on Pinterest.'),
});
export type PinterestDraft = z.infer<typeof pinterestDraft>;

export const xDraft = z.object({
  posts: z.array(z.string()).min(1).describe('The thread, one post per entry, in order (each up to 280 characters as X counts them).'),
});
export type XDraft = z.infer<typeof xDraft>;

export const youtubeDraft = z.object({
  title: z.string().describe('The video title (up to 100 characters, no < or >).'),
  description: z.string().describe('The video description, links included (no < or >).'),
  tags: z.array(z.string()).describe('Search tags, most important first.'),
});
export type YoutubeDraft = z.infer<typeof youtubeDraft>;

export const snapchatDraft = z.object({
  caption: z.string().describe('A short caption for the Snap.'),
});
export type SnapchatDraft = z.infer<typeof snapchatDraft>;

/** The zod schema of each platform's draft. */
export const DRAFT_SCHEMAS = {
  instagram: instagramDraft,
  tiktok: tiktokDraft,
  facebook: facebookDraft,
  x: xDraft,
  pinterest: pinterestDraft,
  youtube: youtubeDraft,
  snapchat: snapchatDraft,
} as const satisfies Record<Platform, z.ZodType>;

/** The draft shape of one platform. */
export type DraftFor<P extends Platform> = z.infer<(typeof DRAFT_SCHEMAS)[P]>;

/** A draft tagged with its platform, so code can switch on it. */
export type PlatformDraft = { [P in Platform]: { platform: P; content: DraftFor<P> } }[Platform];
