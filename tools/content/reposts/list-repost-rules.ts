import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { repostRuleView, toRepostRuleView } from './repost-rule-view.ts';
import { localDayBounds, repostsCountedToday } from './repost-quota.ts';

export const listRepostRules = defineTool({
  name: 'list_repost_rules',
  title: 'List trending repost rules',
  description: 'The trending repost rules (set_repost_rule), with how many reposts each has drafted or scheduled today against its daily maximum.',
  area: 'content',
  access: 'read',
  permission: 'content:read',
  keywords: ['repost rules', 'trending reposts'],
  input: z.object({ include_paused: z.boolean().default(true).describe('false: active rules only.') }),
  output: z.object({ rows: z.array(repostRuleView.extend({ reposts_today: z.int().describe('Reposts of this rule drafted or scheduled today (cancelled ones not counted).') })) }),
  async handler(ctx, input) {
    const rules = await ctx.db.repostRule.findMany({ where: input.include_paused ? {} : { active: true }, orderBy: { name: 'asc' } });
    const today = localDayBounds(ctx.org.timeZone, ctx.now());
    const rows = [];
    for (const rule of rules) rows.push({ ...toRepostRuleView(rule), reposts_today: await repostsCountedToday(ctx.db, rule.id, today) });
    return { rows };
  },
});
