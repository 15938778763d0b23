import type { RepostRule } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { interactionsOf } from '../best-times/best-posting-times.ts';
import { fromDbPlatform } from '../platform-codes.ts';
import { trendingTags } from '../trends/trending-tags.ts';
import type { Platform } from '../writing/platforms.ts';

const DAY_MS = 86_400_000;
/** Published posts this old or newer may be reposted. */
export const SOURCE_HISTORY_DAYS = 365;
/** A post reposted (drafted, whatever became of it) in the last this many days is not drafted again. */
export const REPOST_WINDOW_DAYS = 30;
/** Trend signals of the last week count, as generate_posts offers them. */
export const TRENDING_DAYS = 7;
/** Trending tags added to one repost (TikTok takes at most 5). */
export const TRENDING_TAGS_PER_REPOST = 5;

export interface SourcePost {
  id: string;
  platform: Platform;
  interactions: number;
  publishedAt: Date;
}

export interface PlatformTrend {
  /** Qualifying tags (score at least the rule's minimum, and in its tag list when it has one), best first. */
  tags: Array<{ tag: string; score: number }>;
}

/**
 * The rule's trending tags on one platform: trending_hashtags' ranking (latest score in the last
 * week), kept when the score reaches the rule's minimum and, when the rule names tags, only those.
 */
export async function qualifyingTags(db: ToolDb, now: Date, rule: RepostRule, platform: Platform): Promise<PlatformTrend> {
  const ranked = await trendingTags(db, now, { platform, days: TRENDING_DAYS, includeTopics: false, limit: 100 });
  const wanted = rule.tags.length ? new Set(rule.tags) : null;
  return { tags: ranked.filter((tag) => tag.score >= rule.minScore && (!wanted || wanted.has(tag.tag))).map((tag) => ({ tag: tag.tag, score: tag.score })) };
}

/**
 * The organisation's own published originals on the platforms, best engagement first (likes,
 * comments, shares and saves, as best_posting_times counts them; ties: the newer first), leaving
 * out reposts, posts without engagement and posts reposted within the window.
 */
export async function bestSourcePosts(db: ToolDb, now: Date, platforms: readonly string[]): Promise<SourcePost[]> {
  const published = await db.scheduledPost.findMany({
    where: {
      platform: { in: platforms as never },
      status: 'PUBLISHED',
      repostOfId: null,
      publishedAt: { gt: new Date(now.getTime() - SOURCE_HISTORY_DAYS * DAY_MS), lte: now },
    },
    select: { id: true, platform: true, publishedAt: true, engagement: true },
  });
  const recent = await db.scheduledPost.findMany({
    where: { repostOfId: { in: published.map((post) => post.id) }, createdAt: { gt: new Date(now.getTime() - REPOST_WINDOW_DAYS * DAY_MS) } },
    select: { repostOfId: true },
  });
  const repostedLately = new Set(recent.map((post) => post.repostOfId));
  return published
    .filter((post) => !repostedLately.has(post.id))
    .map((post) => ({ id: post.id, platform: fromDbPlatform(post.platform), interactions: interactionsOf(post.engagement) ?? 0, publishedAt: post.publishedAt! }))
    .filter((post) => post.interactions > 0)
    .toSorted((a, b) => b.interactions - a.interactions || b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id));
}

/** Takes the best post of each platform in turn (the rule's platform order), so one busy platform does not use the whole day. */
export function roundRobin(posts: readonly SourcePost[], platforms: readonly Platform[]): SourcePost[] {
  const queues = platforms.map((platform) => posts.filter((post) => post.platform === platform));
  const order: SourcePost[] = [];
  for (let round = 0; queues.some((queue) => queue.length > round); round++) {
    for (const queue of queues) if (queue[round]) order.push(queue[round]!);
  }
  return order;
}
