import type { PrismaClient } from '../../db/generated/prisma/client.ts';

/** The engagement figures the summary adds up (as the engagement sync stores them on the post). */
export const ENGAGEMENT_FIGURES = ['likes', 'comments', 'shares', 'views'] as const;
export type EngagementFigure = (typeof ENGAGEMENT_FIGURES)[number];

export interface PlatformEngagement {
  /** Upper-case column value (INSTAGRAM). */
  platform: string;
  posts: number;
  /** Posts whose engagement has not been read yet (counted, not added). */
  unmeasured: number;
  totals: Record<EngagementFigure, number>;
}

/**
 * The posts published in [start, end) and their engagement per platform. A read of the job's own
 * organisation (no tool reports engagement yet); platforms in alphabetical order.
 */
export async function engagementBetween(prisma: PrismaClient, organizationId: string, start: Date, end: Date): Promise<PlatformEngagement[]> {
  const posts = await prisma.scheduledPost.findMany({
    where: { organizationId, status: 'PUBLISHED', publishedAt: { gte: start, lt: end } },
    select: { platform: true, engagement: true },
  });
  const byPlatform = new Map<string, PlatformEngagement>();
  for (const post of posts) {
    const row = byPlatform.get(post.platform) ?? { platform: post.platform, posts: 0, unmeasured: 0, totals: { likes: 0, comments: 0, shares: 0, views: 0 } };
    row.posts++;
    const figures = engagementFigures(post.engagement);
    if (!figures) row.unmeasured++;
    else for (const figure of ENGAGEMENT_FIGURES) row.totals[figure] += figures[figure];
    byPlatform.set(post.platform, row);
  }
  return [...byPlatform.values()].toSorted((a, b) => a.platform.localeCompare(b.platform));
}

function engagementFigures(engagement: unknown): Record<EngagementFigure, number> | null {
  if (!engagement || typeof engagement !== 'object' || Array.isArray(engagement)) return null;
  const values = engagement as Record<string, unknown>;
  const read = (figure: EngagementFigure) => {
    const value = values[figure];
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
  };
  return { likes: read('likes'), comments: read('comments'), shares: read('shares'), views: read('views') };
}
