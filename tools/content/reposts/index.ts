import type { AnyTool } from '../../registry/define-tool.ts';
import { listRepostRules } from './list-repost-rules.ts';
import { setRepostRule } from './set-repost-rule.ts';
import { trendingReposts } from './trending-reposts.ts';

/** Trending reposts (issue 18): rules, and the tool that drafts reposts by them. */
export const REPOST_TOOLS: readonly AnyTool[] = [setRepostRule, listRepostRules, trendingReposts];
