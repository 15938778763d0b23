import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { toDbPlatform } from '../platform-codes.ts';
import { PLATFORMS } from '../writing/platforms.ts';
import { isTimeZone, localSlotReader, WEEKDAY_NAMES } from './local-slot.ts';
import { estimateSlots, PRIOR_POSTS, rankSlots, type MeasuredPost } from './posting-time-estimate.ts';

/** Below this many measured posts the answer leans mostly on the platform defaults, and says so. */
const THIN_HISTORY = 30;
const ENGAGEMENT_FIELDS = ['likes', 'comments', 'shares', 'saves'] as const;

export const bestPostingTimes = defineTool({
  name: 'best_posting_times',
  title: 'Best posting times',
  description:
    "When to post on a platform: weekday-and-hour slots ranked by the organisation's own published posts' engagement, leaning on platform defaults where history is thin; says how many posts it rests on.",
  area: 'content',
  access: 'read',
  permission: 'content:read',
  keywords: ['when to post', 'when should we post', 'best time to post', 'best day', 'timing', 'engagement by hour'],
  input: z.object({
    platform: z.enum(PLATFORMS).describe('instagram, tiktok, facebook, x, pinterest, youtube or snapchat.'),
    time_zone: z.string().refine(isTimeZone, 'is not an IANA time zone (e.g. Europe/London)').optional().describe("IANA time zone the slots are in; default the organisation's."),
    days: z.int().min(7).max(730).default(365).describe('Posts published in the last this many days count.'),
    limit: z.int().min(1).max(168).default(5).describe("How many slots to list (168: the whole week)."),
  }),
  output: z.object({
    platform: z.string(),
    time_zone: z.string(),
    posts_used: z.int().describe('Published posts with engagement that the ranking rests on.'),
    posts_without_engagement: z.int().describe('Published posts in the period whose engagement was never read; left out.'),
    history: z.enum(['none', 'thin', 'enough']).describe(`none: the platform defaults alone; thin: under ${THIN_HISTORY} posts, mostly defaults; enough: ${THIN_HISTORY} or more.`),
    best_times: z.array(
      z.object({
        weekday: z.enum(WEEKDAY_NAMES),
        hour: z.int().describe('Local hour the slot starts (18 = 18:00-18:59).'),
        label: z.string(),
        score: z.number().describe('Expected engagement relative to the average post (1 = average), 3 decimals.'),
        posts: z.int().describe('Of posts_used, those published in this slot.'),
        measured: z.number().nullable().describe("The slot's own posts' mean relative engagement, before shrinkage; null without posts."),
        default_score: z.number().describe('The platform default the estimate is shrunk toward.'),
      }),
    ),
    method: z.string(),
  }),
  example: { platform: 'instagram', time_zone: 'America/New_York' },
  async handler(ctx, input) {
    const timeZone = input.time_zone ?? ctx.org.timeZone;
    const now = ctx.now();
    const published = await ctx.db.scheduledPost.findMany({
      where: { platform: toDbPlatform(input.platform), status: 'PUBLISHED', publishedAt: { gt: new Date(now.getTime() - input.days * 86_400_000), lte: now } },
      select: { publishedAt: true, engagement: true },
    });
    const slotOf = localSlotReader(timeZone);
    const measured: MeasuredPost[] = [];
    let unmeasured = 0;
    for (const post of published) {
      const interactions = interactionsOf(post.engagement);
      if (interactions === null) unmeasured++;
      else measured.push({ ...slotOf(post.publishedAt!), interactions });
    }
    const ranked = rankSlots(estimateSlots(input.platform, measured)).slice(0, input.limit);
    return {
      platform: input.platform,
      time_zone: timeZone,
      posts_used: measured.length,
      posts_without_engagement: unmeasured,
      history: measured.length === 0 ? ('none' as const) : measured.length < THIN_HISTORY ? ('thin' as const) : ('enough' as const),
      best_times: ranked.map((slot) => ({
        weekday: WEEKDAY_NAMES[slot.weekday]!,
        hour: slot.hour,
        label: `${WEEKDAY_NAMES[slot.weekday]} ${String(slot.hour).padStart(2, '0')}:00`,
        score: round3(slot.score),
        posts: slot.posts,
        measured: slot.measured === null ? null : round3(slot.measured),
        default_score: slot.defaultScore,
      })),
      method:
        `Each post's likes + comments + shares + saves divided by the average over the ${measured.length} posts; per weekday and hour in ${timeZone}, ` +
        `(sum of the slot's relative engagement + ${PRIOR_POSTS} x platform default) / (slot posts + ${PRIOR_POSTS}).`,
    };
  },
});

/** likes + comments + shares + saves (views are left out: not every platform reports them, and their scale would drown the rest); null when never read. */
export function interactionsOf(engagement: unknown): number | null {
  if (!engagement || typeof engagement !== 'object' || Array.isArray(engagement)) return null;
  const values = engagement as Record<string, unknown>;
  return ENGAGEMENT_FIELDS.reduce((sum, field) => {
    const value = values[field];
    return sum + (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0);
  }, 0);
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000 + 0;
}
