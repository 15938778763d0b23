import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { endOfDayIn, isoDate, parseDay, startOfDayIn } from '../../common/format.ts';
import { fromPlatformColumn } from './post-fields.ts';

/** The engagement figures added up (as the engagement sync stores them on the post). */
export const ENGAGEMENT_FIGURES = ['likes', 'comments', 'shares', 'views'] as const;
type EngagementFigure = (typeof ENGAGEMENT_FIGURES)[number];

const platformEngagement = z.object({
  platform: z.string(),
  posts: z.number().int().describe('Posts published on this platform in the period.'),
  unmeasured: z.number().int().describe('Of those, posts whose engagement has not been read yet (counted, not added).'),
  totals: z.object({ likes: z.number(), comments: z.number(), shares: z.number(), views: z.number() }),
});
export type PlatformEngagement = z.infer<typeof platformEngagement>;

/** How the organisation's published posts did, per platform, between two days of its time zone. */
export const postEngagement = defineTool({
  name: 'post_engagement',
  title: 'Post engagement',
  description: "Posts published between two days (inclusive, the organisation's time zone) and their likes, comments, shares and views, per platform (alphabetical); posts not measured yet are counted apart.",
  area: 'content',
  access: 'read',
  permission: 'content:read',
  keywords: ['how did our posts do', 'likes', 'views', 'engagement'],
  input: z.object({ from: isoDate.describe('First day (YYYY-MM-DD).'), to: isoDate.describe('Last day (YYYY-MM-DD), inclusive.') }),
  output: z.object({ platforms: z.array(platformEngagement) }),
  example: { from: '2026-12-05', to: '2026-12-05' },
  async handler(ctx, input) {
    if (input.to < input.from) throw invalidInput('to', 'is before from.');
    const zone = ctx.org.timeZone;
    const posts = await ctx.db.scheduledPost.findMany({
      where: { status: 'PUBLISHED', publishedAt: { gte: startOfDayIn(parseDay(input.from, 'from'), zone), lt: endOfDayIn(parseDay(input.to, 'to'), zone) } },
      select: { platform: true, engagement: true },
    });
    const byPlatform = new Map<string, PlatformEngagement>();
    for (const post of posts) {
      const platform = fromPlatformColumn(post.platform);
      const row = byPlatform.get(platform) ?? { platform, posts: 0, unmeasured: 0, totals: { likes: 0, comments: 0, shares: 0, views: 0 } };
      row.posts++;
      const figures = engagementFigures(post.engagement);
      if (!figures) row.unmeasured++;
      else for (const figure of ENGAGEMENT_FIGURES) row.totals[figure] += figures[figure];
      byPlatform.set(platform, row);
    }
    return { platforms: [...byPlatform.values()].toSorted((a, b) => a.platform.localeCompare(b.platform)) };
  },
});

function engagementFigures(engagement: unknown): Record<EngagementFigure, number> | null {
  if (!engagement || typeof engagement !== 'object' || Array.isArray(engagement)) return null;
  const values = engagement as Record<string, unknown>;
  const read = (figure: EngagementFigure) => {
    const value = values[figure];
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
  };
  return { likes: read('likes'), comments: read('comments'), shares: read('shares'), views: read('views') };
}
