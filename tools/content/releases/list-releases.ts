import { z } from 'zod';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ReleaseKind } from '../../../db/generated/prisma/enums.ts';
import { containsText } from '../../common/contains-text.ts';
import { parseDay } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { releaseDateInput, releaseKindInput } from './release-inputs.ts';
import { releaseView, toReleaseView } from './release-view.ts';

export const listReleases = defineTool({
  name: 'list_releases',
  title: 'List releases',
  description: 'Releases (singles, albums, tour dates, merch drops, products), newest first, with links, key points and promo windows. Filter by title or artist text, kind, or a day inside the promo window.',
  area: 'content',
  access: 'read',
  permission: 'content:read',
  input: z.object({
    search: z.string().trim().min(1).max(200).optional().describe('Part of the title or the artist (case-insensitive).'),
    kind: releaseKindInput.optional(),
    promo_on: releaseDateInput.optional().describe('Only releases whose promo window includes this day (YYYY-MM-DD).'),
    ...pageInput,
  }),
  output: z.object({ rows: z.array(releaseView), next_cursor: nextCursorOutput }),
  async handler(ctx, input) {
    const query = pageQuery(input);
    const where: Prisma.ReleaseWhereInput = { ...query.idAfter };
    if (input.search) where.OR = [{ title: containsText(input.search) }, { artistName: containsText(input.search) }];
    if (input.kind) where.kind = input.kind.toUpperCase() as ReleaseKind;
    if (input.promo_on) {
      const day = parseDay(input.promo_on, 'promo_on');
      // A window without an end is open: the release is promoted from its start on.
      where.promoStartsOn = { lte: day };
      where.AND = [{ OR: [{ promoEndsOn: null }, { promoEndsOn: { gte: day } }] }];
    }
    const releases = await ctx.db.release.findMany({ where, take: query.take, orderBy: query.orderBy });
    const page = toPage(releases, input.limit);
    return { rows: page.rows.map(toReleaseView), next_cursor: page.nextCursor };
  },
});
