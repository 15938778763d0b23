import { z } from 'zod';
import { isoDate } from '../../common/format.ts';
import { webLinkInput } from '../../common/link-input.ts';

export const RELEASE_KINDS = ['single', 'album', 'tour_date', 'merch_drop', 'product'] as const;
export type ReleaseKindName = (typeof RELEASE_KINDS)[number];

export const releaseKindInput = z.enum(RELEASE_KINDS).describe('single, album, tour_date, merch_drop or product.');

/** Links by purpose: smart_link, pre_save, store, tickets, ... (lower-case names). */
export const releaseLinksInput = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'link names are lower-case words joined by _ (smart_link, pre_save, store)'), webLinkInput)
  .refine((links) => Object.keys(links).length <= 20, 'at most 20 links')
  .describe('Links by purpose, e.g. {"smart_link": "https://...", "pre_save": "https://...", "store": "https://..."}.');

export const releaseAssetInput = z.object({
  url: webLinkInput.describe('Public URL of the image or video (platforms fetch it from there).'),
  kind: z.enum(['image', 'video']),
  alt_text: z.string().trim().min(1, 'describe the asset for people who cannot see it').max(500).describe('What the asset shows, for screen readers and for choosing it.'),
});

export const keyPointsInput = z.array(z.string().trim().min(1).max(300)).max(20).describe('What posts should get across (story, features, dates), one point each.');
export const shortTextInput = z.string().trim().min(1).max(100);
export const genreInput = shortTextInput.describe('e.g. "indie pop".');
export const releaseDateInput = isoDate.describe('YYYY-MM-DD.');
