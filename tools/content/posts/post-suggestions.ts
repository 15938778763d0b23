import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { isoDate, isoDay, parseDay, todayIn, zonedInstant } from '../../common/format.ts';
import { SOCIAL_PLATFORMS, type SocialPlatform } from '../connectors/publishing.ts';
import { interactionsOf } from '../best-times/best-posting-times.ts';
import { localSlotReader } from '../best-times/local-slot.ts';
import { estimateSlots, rankSlots, type MeasuredPost, type SlotEstimate } from '../best-times/posting-time-estimate.ts';
import { displayTime, fromPlatformColumn, platformInput, toPlatformColumn } from './post-fields.ts';

const DAY_MS = 86_400_000;
/** Two posts on one platform closer than this compete with each other. */
const MIN_GAP_MS = 3 * 3_600_000;
/** The history best_posting_times reads by default. */
const HISTORY_DAYS = 365;

export const postSuggestions = defineTool({
  name: 'post_suggestions',
  title: 'Suggest posting times',
  description:
    "When to post next: for each day in the window with no post yet on a platform (the calendar's gaps), the best free hour on that platform, strongest days first. Times are local to the organisation. Hours come from best_posting_times (the organisation's own published posts' engagement, shrunk toward platform defaults).",
  area: 'content',
  access: 'read',
  permission: 'content:read',
  input: z.object({
    platforms: z.array(platformInput).min(1).max(7).optional().describe('Default: the platforms of the connected accounts, else instagram and tiktok.'),
    from: isoDate.optional().describe('First day (YYYY-MM-DD); default tomorrow.'),
    days: z.number().int().min(1).max(31).default(7).describe('How many days to look at.'),
    limit: z.number().int().min(1).max(50).default(10).describe('Most suggestions to return.'),
  }),
  output: z.object({
    basis: z.string().describe('What the hours rest on.'),
    suggestions: z.array(z.object({ platform: z.string(), scheduled_at: z.string(), local_time: z.string(), reason: z.string() })),
    days_already_covered: z.number().int().describe('Platform-days in the window that already have a post.'),
  }),
  keywords: ['best time to post', 'when should we post', 'calendar gaps'],
  example: { platforms: ['instagram', 'tiktok'], days: 7 },
  async handler(ctx, input) {
    const zone = ctx.org.timeZone;
    const platforms = input.platforms ?? (await connectedPlatforms(ctx));
    const firstDay = input.from ? parseDay(input.from, 'from') : new Date(todayIn(zone, ctx.now()).getTime() + DAY_MS);
    const windowStart = zonedInstant(firstDay.getTime(), zone);
    const windowEnd = zonedInstant(firstDay.getTime() + input.days * DAY_MS, zone);
    const planned = await ctx.db.scheduledPost.findMany({
      where: { platform: { in: platforms.map(toPlatformColumn) }, status: { notIn: ['CANCELLED', 'FAILED'] }, scheduledAt: { gte: windowStart, lt: windowEnd } },
      select: { platform: true, scheduledAt: true },
    });
    const candidates: Array<{ platform: SocialPlatform; at: Date; score: number; reason: string }> = [];
    const postsUsed: Record<string, number> = {};
    let covered = 0;
    for (const platform of platforms) {
      const { slots, posts } = await slotEstimates(ctx, platform, zone);
      postsUsed[platform] = posts;
      const taken = planned.filter((post) => fromPlatformColumn(post.platform) === platform).map((post) => post.scheduledAt!.getTime());
      for (let offset = 0; offset < input.days; offset++) {
        const day = new Date(firstDay.getTime() + offset * DAY_MS);
        const dayStart = zonedInstant(day.getTime(), zone).getTime();
        const dayEnd = zonedInstant(day.getTime() + DAY_MS, zone).getTime();
        if (taken.some((at) => at >= dayStart && at < dayEnd)) {
          covered++;
          continue;
        }
        // The day's best hour that is still ahead and leaves room around the platform's other posts.
        const best = slots
          .filter((slot) => slot.weekday === day.getUTCDay())
          .map((slot) => ({ slot, at: zonedInstant(day.getTime() + slot.hour * 3_600_000, zone) }))
          .find(({ at }) => at.getTime() > ctx.now().getTime() && taken.every((other) => Math.abs(other - at.getTime()) >= MIN_GAP_MS));
        if (!best) continue;
        candidates.push({
          platform,
          at: best.at,
          score: best.slot.score,
          reason: `No ${platform} post on ${isoDay(day)}; its best hour that day scores ${best.slot.score.toFixed(2)} (1 = an average post)${best.slot.posts ? `, from ${best.slot.posts} of your posts in that slot` : ', the platform default'}.`,
        });
      }
    }
    candidates.sort((a, b) => b.score - a.score || a.at.getTime() - b.at.getTime());
    return {
      basis: `best_posting_times over the last ${HISTORY_DAYS} days (${platforms.map((platform) => `${platform}: ${postsUsed[platform]} published posts`).join(', ')}; few posts means mostly platform defaults), in ${zone}; days that already have a post are left alone.`,
      suggestions: candidates.slice(0, input.limit).map((candidate) => ({ platform: candidate.platform, scheduled_at: candidate.at.toISOString(), local_time: displayTime(candidate.at, zone), reason: candidate.reason })),
      days_already_covered: covered,
    };
  },
});

/** Every weekday-hour slot of the platform ranked as best_posting_times ranks them, from the same history. */
async function slotEstimates(ctx: ToolContext, platform: SocialPlatform, timeZone: string): Promise<{ slots: SlotEstimate[]; posts: number }> {
  const now = ctx.now();
  const published = await ctx.db.scheduledPost.findMany({
    where: { platform: toPlatformColumn(platform), status: 'PUBLISHED', publishedAt: { gt: new Date(now.getTime() - HISTORY_DAYS * DAY_MS), lte: now } },
    select: { publishedAt: true, engagement: true },
  });
  const slotOf = localSlotReader(timeZone);
  const measured: MeasuredPost[] = [];
  for (const post of published) {
    const interactions = interactionsOf(post.engagement);
    if (interactions !== null) measured.push({ ...slotOf(post.publishedAt!), interactions });
  }
  return { slots: rankSlots(estimateSlots(platform, measured)), posts: measured.length };
}

async function connectedPlatforms(ctx: ToolContext): Promise<SocialPlatform[]> {
  const accounts = await ctx.db.socialAccount.findMany({ where: { status: 'CONNECTED' }, select: { platform: true }, distinct: ['platform'] });
  const platforms = accounts.map((account) => fromPlatformColumn(account.platform)).filter((platform) => SOCIAL_PLATFORMS.includes(platform));
  return platforms.length ? platforms : ['instagram', 'tiktok'];
}
