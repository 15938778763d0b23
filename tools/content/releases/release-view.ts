import { z } from 'zod';
import type { Release } from '../../../db/generated/prisma/client.ts';
import { isoDay } from '../../common/format.ts';
import type { ReleaseKindName } from './release-inputs.ts';

export const releaseAssetView = z.object({ url: z.string(), kind: z.enum(['image', 'video']), alt_text: z.string() });
export type ReleaseAsset = z.infer<typeof releaseAssetView>;

export const releaseView = z.object({
  id: z.string(),
  title: z.string(),
  artist: z.string(),
  kind: z.enum(['single', 'album', 'tour_date', 'merch_drop', 'product']),
  date: z.string().nullable().describe('YYYY-MM-DD.'),
  links: z.record(z.string(), z.string()),
  key_points: z.array(z.string()),
  assets: z.array(releaseAssetView),
  genre: z.string().nullable(),
  mood: z.string().nullable(),
  promo_start: z.string().nullable().describe('First day of the promo window (YYYY-MM-DD).'),
  promo_end: z.string().nullable().describe('Last day of the promo window (YYYY-MM-DD).'),
  updated_at: z.string(),
});
export type ReleaseView = z.infer<typeof releaseView>;

export function toReleaseView(release: Release): ReleaseView {
  return {
    id: release.id,
    title: release.title,
    artist: release.artistName,
    kind: release.kind.toLowerCase() as ReleaseKindName,
    date: release.releaseDate ? isoDay(release.releaseDate) : null,
    links: storedLinks(release.links),
    key_points: release.keyPoints,
    assets: storedAssets(release.assets),
    genre: release.genre,
    mood: release.mood,
    promo_start: release.promoStartsOn ? isoDay(release.promoStartsOn) : null,
    promo_end: release.promoEndsOn ? isoDay(release.promoEndsOn) : null,
    updated_at: release.updatedAt.toISOString(),
  };
}

/** The links column as written by the release tools: {name: url}. */
export function storedLinks(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The assets column as written by the release tools: [{url, kind, alt_text}]. */
export function storedAssets(value: unknown): ReleaseAsset[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = releaseAssetView.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
