import { z } from 'zod';
import type { ReleaseKind } from '../../../db/generated/prisma/enums.ts';
import { isoDay } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { requireRelease } from './load-release.ts';
import { dayOrNull, promoWindow } from './promo-window.ts';
import { genreInput, keyPointsInput, releaseAssetInput, releaseDateInput, releaseKindInput, releaseLinksInput, shortTextInput } from './release-inputs.ts';
import { releaseView, toReleaseView } from './release-view.ts';

const FIELDS = ['title', 'artist', 'kind', 'date', 'links', 'key_points', 'assets', 'genre', 'mood', 'promo_start', 'promo_end'] as const;

export const updateRelease = defineTool({
  name: 'update_release',
  title: 'Update a release',
  description: 'Changes a release; only the fields given change (links, key_points and assets are replaced whole; null clears date, genre, mood or a promo day). Returns the release.',
  area: 'content',
  access: 'write',
  permission: 'content:write',
  input: z.object({
    release_id: z.string().trim().min(1).describe('Id of the release to change.'),
    title: z.string().trim().min(1).max(200).optional().describe('New title.'),
    artist: z.string().trim().min(1).max(200).optional().describe('New artist name.'),
    kind: releaseKindInput.optional(),
    date: releaseDateInput.nullable().optional().describe('Release day, YYYY-MM-DD; null clears it.'),
    links: releaseLinksInput.optional().describe('Replaces every link.'),
    key_points: keyPointsInput.optional().describe('Replaces every key point.'),
    assets: z.array(releaseAssetInput).max(30).optional().describe('Replaces every asset.'),
    genre: genreInput.nullable().optional(),
    mood: shortTextInput.nullable().optional().describe('e.g. "nocturnal, hopeful"; null clears it.'),
    promo_start: releaseDateInput.nullable().optional().describe('First day of the promo window; null clears it.'),
    promo_end: releaseDateInput.nullable().optional().describe('Last day of the promo window; null leaves it open.'),
  }),
  output: releaseView,
  example: { release_id: '01900000-0000-7000-8000-000000000000', mood: 'warm, late-night' },
  async handler(ctx, input) {
    const stored = await requireRelease(ctx.db, input.release_id);
    if (!FIELDS.some((field) => input[field] !== undefined)) throw invalidInput('input', `give at least one field to change (${FIELDS.join(', ')})`);
    // The window is checked as it will be after the change, with the stored day for a side not given.
    const start = input.promo_start !== undefined ? input.promo_start : stored.promoStartsOn && isoDay(stored.promoStartsOn);
    const end = input.promo_end !== undefined ? input.promo_end : stored.promoEndsOn && isoDay(stored.promoEndsOn);
    promoWindow(start, end);
    const release = await ctx.db.release.update({
      where: { id: stored.id },
      data: {
        title: input.title,
        artistName: input.artist,
        kind: input.kind?.toUpperCase() as ReleaseKind | undefined,
        releaseDate: dayOrNull(input.date, 'date'),
        links: input.links,
        keyPoints: input.key_points,
        assets: input.assets,
        genre: input.genre,
        mood: input.mood,
        promoStartsOn: dayOrNull(input.promo_start, 'promo_start'),
        promoEndsOn: dayOrNull(input.promo_end, 'promo_end'),
      },
    });
    return toReleaseView(release);
  },
});
