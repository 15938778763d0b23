import { z } from 'zod';
import type { RepostRule } from '../../../db/generated/prisma/client.ts';
import { fromDbPlatform } from '../platform-codes.ts';
import { PLATFORMS } from '../writing/platforms.ts';

/** A repost rule as the tools show it (lower-case platforms, tags without '#'). */
export const repostRuleView = z.object({
  rule_id: z.string(),
  name: z.string(),
  platforms: z.array(z.enum(PLATFORMS)),
  tags: z.array(z.string()).describe('Only these trending tags count; empty: any trending tag.'),
  min_score: z.number().describe("A trending tag counts when its latest score is at least this (the feed's scale)."),
  max_per_day: z.int().describe('Most reposts this rule drafts per day (organisation time zone).'),
  active: z.boolean(),
  updated_at: z.string(),
});
export type RepostRuleView = z.infer<typeof repostRuleView>;

export function toRepostRuleView(rule: RepostRule): RepostRuleView {
  return {
    rule_id: rule.id,
    name: rule.name,
    platforms: rule.platforms.map(fromDbPlatform),
    tags: rule.tags,
    min_score: rule.minScore,
    max_per_day: rule.maxPerDay,
    active: rule.active,
    updated_at: rule.updatedAt.toISOString(),
  };
}
