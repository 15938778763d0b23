import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { PLATFORMS } from '../writing/platforms.ts';
import { trendingTags } from './trending-tags.ts';

export const trendingHashtagsTool = defineTool({
  name: 'trending_hashtags',
  title: 'Trending hashtags',
  description: 'The hashtags (optionally topics) trending on a platform from the imported trend signals (import_trend_signals), ranked by their latest score in the last days, with peak score and how often each was seen.',
  area: 'content',
  access: 'read',
  permission: 'content:read',
  keywords: ['hashtags', 'trends', 'what is trending', 'viral'],
  input: z.object({
    platform: z.enum(PLATFORMS).describe('instagram, tiktok, facebook, x, pinterest, youtube or snapchat.'),
    category: z.string().trim().min(1).max(100).optional().describe('Only signals of this category (as the feed names it, e.g. "music").'),
    days: z.int().min(1).max(90).default(7).describe('Signals observed in the last this many days count.'),
    include_topics: z.boolean().default(false).describe('Also list topics (phrases), not only hashtags.'),
    limit: z.int().min(1).max(100).default(20).describe('How many tags to list.'),
  }),
  output: z.object({
    platform: z.string(),
    since: z.string().describe('Signals observed after this instant count.'),
    rows: z.array(
      z.object({
        tag: z.string().describe("Without '#'."),
        kind: z.enum(['hashtag', 'topic']),
        score: z.number().describe('Latest observed score (the feed\'s scale).'),
        peak_score: z.number(),
        observations: z.int(),
        last_observed_at: z.string(),
        category: z.string().nullable(),
        source: z.string(),
      }),
    ),
    note: z.string().nullable().describe('Why the list is empty, when it is.'),
  }),
  example: { platform: 'tiktok', category: 'music' },
  async handler(ctx, input) {
    const now = ctx.now();
    const tags = await trendingTags(ctx.db, now, { platform: input.platform, days: input.days, category: input.category, includeTopics: input.include_topics, limit: input.limit });
    return {
      platform: input.platform,
      since: new Date(now.getTime() - input.days * 86_400_000).toISOString(),
      rows: tags.map((tag) => ({
        tag: tag.tag,
        kind: tag.kind,
        score: tag.score,
        peak_score: tag.peakScore,
        observations: tag.observations,
        last_observed_at: tag.lastObservedAt.toISOString(),
        category: tag.category,
        source: tag.source,
      })),
      note: tags.length ? null : `No ${input.platform} signals${input.category ? ` in category "${input.category}"` : ''} in the last ${input.days} days; import a feed with import_trend_signals.`,
    };
  },
});
