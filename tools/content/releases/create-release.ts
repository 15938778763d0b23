import { z } from 'zod';
import type { ReleaseKind } from '../../../db/generated/prisma/enums.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { dayOrNull, promoWindow } from './promo-window.ts';
import { genreInput, keyPointsInput, releaseAssetInput, releaseDateInput, releaseKindInput, releaseLinksInput, shortTextInput } from './release-inputs.ts';
import { releaseView, toReleaseView } from './release-view.ts';

export const createRelease = defineTool({
  name: 'create_release',
  title: 'Create a release',
  description: 'Adds something to promote (a single, album, tour date, merch drop or product) with its links, key points and assets; generate_posts writes posts for it. Returns the release with its id.',
  area: 'content',
  access: 'write',
  permission: 'content:write',
  input: z.object({
    title: z.string().trim().min(1).max(200).describe('Title, e.g. "Night Drive".'),
    artist: z.string().trim().min(1).max(200).describe('Artist name as fans know it.'),
    kind: releaseKindInput,
    date: releaseDateInput.optional().describe('Release (or show, or drop) day, YYYY-MM-DD.'),
    links: releaseLinksInput.default({}),
    key_points: keyPointsInput.default([]),
    assets: z.array(releaseAssetInput).max(30).default([]).describe('Images and videos posts may use.'),
    genre: genreInput.optional(),
    mood: shortTextInput.optional().describe('e.g. "nocturnal, hopeful".'),
    promo_start: releaseDateInput.optional().describe('First day the daily content agent drafts posts for it.'),
    promo_end: releaseDateInput.optional().describe('Last day of the promo window.'),
  }),
  output: releaseView,
  example: { title: 'Night Drive', artist: 'Luna Vale', kind: 'single', date: '2026-12-12', links: { smart_link: 'https://lnk.to/nightdrive' }, key_points: ['First single from the album'] },
  async handler(ctx, input) {
    const window = promoWindow(input.promo_start, input.promo_end);
    const release = await ctx.db.release.create({
      data: {
        organizationId: ctx.orgId,
        title: input.title,
        artistName: input.artist,
        kind: input.kind.toUpperCase() as ReleaseKind,
        releaseDate: dayOrNull(input.date, 'date'),
        links: input.links,
        keyPoints: input.key_points,
        assets: input.assets,
        genre: input.genre,
        mood: input.mood,
        promoStartsOn: window.start,
        promoEndsOn: window.end,
        createdById: ctx.actor.userId,
      },
    });
    return toReleaseView(release);
  },
});
