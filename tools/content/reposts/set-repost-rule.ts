import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { normalizeHashtags } from '../writing/hashtags.ts';
import { toDbPlatform } from '../platform-codes.ts';
import { PLATFORMS } from '../writing/platforms.ts';
import { repostRuleView, toRepostRuleView } from './repost-rule-view.ts';

export const setRepostRule = defineTool({
  name: 'set_repost_rule',
  title: 'Set a trending repost rule',
  description:
    "Creates or replaces (by name) a rule for trending_reposts: on these platforms, when a trending hashtag scores at least min_score, draft reposts of the organisation's best-performing published posts with the trending tags, at most max_per_day a day. Reposts are drafts: each needs schedule_post and an approval.",
  area: 'content',
  access: 'write',
  permission: 'content:write',
  hints: { idempotent: true },
  keywords: ['repost', 'recycle content', 'trending reposts', 'evergreen'],
  input: z.object({
    name: z.string().trim().min(1).max(100).describe('The rule\'s name; setting an existing name replaces that rule.'),
    platforms: z.array(z.enum(PLATFORMS)).min(1).max(PLATFORMS.length).describe('instagram, tiktok, facebook, x, pinterest, youtube, snapchat.'),
    tags: z.array(z.string().trim().min(1).max(100)).max(50).default([]).describe("Only these trending hashtags (without '#'); empty: any trending hashtag."),
    min_score: z.number().min(0).describe("The lowest latest trend score that counts (the feed's scale, as trending_hashtags shows)."),
    max_per_day: z.int().min(1).max(20).describe('Most reposts drafted per day by this rule.'),
    active: z.boolean().default(true).describe('false pauses the rule.'),
  }),
  output: repostRuleView.extend({ replaced: z.boolean() }),
  example: { name: 'TikTok trends', platforms: ['tiktok', 'instagram'], min_score: 70, max_per_day: 2 },
  async handler(ctx, input) {
    const fields = {
      platforms: [...new Set(input.platforms)].map(toDbPlatform),
      tags: normalizeHashtags(input.tags).tags.map((tag) => tag.toLocaleLowerCase('en')),
      minScore: input.min_score,
      maxPerDay: input.max_per_day,
      active: input.active,
    };
    const existing = await ctx.db.repostRule.findFirst({ where: { name: input.name }, select: { id: true } });
    const rule = await ctx.db.repostRule.upsert({
      where: { organizationId_name: { organizationId: ctx.orgId, name: input.name } },
      create: { organizationId: ctx.orgId, name: input.name, ...fields, createdById: ctx.actor.userId },
      update: fields,
    });
    return { ...toRepostRuleView(rule), replaced: Boolean(existing) };
  },
});
