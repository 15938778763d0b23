import { z } from 'zod';
import type { Prisma, RepostRule } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, notFound } from '../../registry/errors.ts';
import { fromDbPlatform, toDbPlatform } from '../platform-codes.ts';
import { PLATFORMS, type Platform } from '../writing/platforms.ts';
import { bestSourcePosts, qualifyingTags, REPOST_WINDOW_DAYS, roundRobin, TRENDING_DAYS, TRENDING_TAGS_PER_REPOST, type PlatformTrend, type SourcePost } from './repost-candidates.ts';
import { repostText, type RepostText } from './repost-content.ts';
import { localDayBounds, repostsCountedToday } from './repost-quota.ts';

const draftedRow = z.object({
  post_id: z.string().nullable().describe('The DRAFT repost (schedule_post asks for its approval); null in a dry run.'),
  platform: z.enum(PLATFORMS),
  repost_of: z.string().describe('The published post it reposts.'),
  source_interactions: z.int().describe("The original's likes, comments, shares and saves."),
  trending_tags: z.array(z.string()).describe('The trending hashtags added, best score first.'),
  caption: z.string(),
  hashtags: z.array(z.string()),
  thread: z.array(z.string()).nullable(),
  changes: z.array(z.string()).describe("What the platform limits changed; empty when it fitted."),
});

const ruleResult = z.object({
  rule_id: z.string(),
  name: z.string(),
  max_per_day: z.int(),
  already_today: z.int().describe('Reposts of the rule drafted or scheduled today before this call.'),
  drafted: z.array(draftedRow),
  skipped: z.array(z.object({ platform: z.string().nullable(), post_id: z.string().nullable(), reason: z.string() })),
});
type RuleResult = z.infer<typeof ruleResult>;

export const trendingReposts = defineTool({
  name: 'trending_reposts',
  title: 'Draft trending reposts',
  description:
    `Runs the repost rules (set_repost_rule): for each active rule, drafts reposts of the organisation's best-performing published posts (by engagement) on the rule's platforms with the hashtags trending there now (score at least the rule's minimum), up to its daily maximum, never reposting a post twice within ${REPOST_WINDOW_DAYS} days. Platform limits are applied. Reposts are DRAFT posts: nothing is published until schedule_post is approved. dry_run shows what would be drafted.`,
  area: 'content',
  access: 'write',
  permission: 'content:write',
  keywords: ['repost', 'trending', 'recycle best posts', 'reshare'],
  input: z.object({
    rule_id: z.string().uuid().optional().describe('Run this rule only (list_repost_rules); default every active rule.'),
    dry_run: z.boolean().default(false).describe('true: show what would be drafted without storing anything.'),
  }),
  output: z.object({
    dry_run: z.boolean(),
    rules: z.array(ruleResult),
    note: z.string().nullable(),
  }),
  example: { dry_run: true },
  async handler(ctx, input) {
    const rules = await rulesToRun(ctx, input.rule_id);
    if (!rules.length) return { dry_run: input.dry_run, rules: [], note: 'No active repost rules: add one with set_repost_rule.' };
    const results: RuleResult[] = [];
    for (const rule of rules) results.push(await runRule(ctx, rule, input.dry_run));
    const drafted = results.reduce((sum, result) => sum + result.drafted.length, 0);
    const note = drafted === 0 ? null : input.dry_run ? 'Dry run: nothing was stored.' : 'Drafts only: schedule_post each one to ask for approval; nothing is published without it.';
    return { dry_run: input.dry_run, rules: results, note };
  },
});

async function rulesToRun(ctx: ToolContext, ruleId: string | undefined): Promise<RepostRule[]> {
  if (!ruleId) return ctx.db.repostRule.findMany({ where: { active: true }, orderBy: { name: 'asc' } });
  const rule = await ctx.db.repostRule.findFirst({ where: { id: ruleId } });
  if (!rule) throw notFound('repost rule', ruleId);
  if (!rule.active) throw conflict(`The rule "${rule.name}" is paused: set_repost_rule with active true runs it again.`);
  return [rule];
}

async function runRule(ctx: ToolContext, rule: RepostRule, dryRun: boolean): Promise<RuleResult> {
  // One run per rule at a time, so two runs cannot both take the day's last place.
  if (!dryRun) await ctx.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('trending_reposts'), hashtext(${rule.id}))::text`;
  const now = ctx.now();
  const already = await repostsCountedToday(ctx.db, rule.id, localDayBounds(ctx.org.timeZone, now));
  const result: RuleResult = { rule_id: rule.id, name: rule.name, max_per_day: rule.maxPerDay, already_today: already, drafted: [], skipped: [] };
  const trends = new Map<Platform, PlatformTrend>();
  for (const platform of rule.platforms.map(fromDbPlatform)) {
    const trend = await qualifyingTags(ctx.db, now, rule, platform);
    if (trend.tags.length) trends.set(platform, trend);
    else result.skipped.push({ platform, post_id: null, reason: `No ${rule.tags.length ? 'named ' : ''}hashtag trending on ${platform} at a score of ${rule.minScore} or more in the last ${TRENDING_DAYS} days.` });
  }
  const room = rule.maxPerDay - already;
  if (room <= 0) {
    result.skipped.push({ platform: null, post_id: null, reason: `The rule already has ${already} of its ${rule.maxPerDay} reposts today.` });
    return result;
  }
  const platforms = [...trends.keys()];
  if (!platforms.length) return result;
  const candidates = roundRobin(await bestSourcePosts(ctx.db, now, platforms.map(toDbPlatform)), platforms);
  if (!candidates.length) result.skipped.push({ platform: null, post_id: null, reason: `No published post with engagement on ${platforms.join(', ')} that was not reposted in the last ${REPOST_WINDOW_DAYS} days.` });
  for (const candidate of candidates) {
    if (result.drafted.length >= room) break;
    const drafted = await draftRepost(ctx, rule, candidate, trends.get(candidate.platform)!, dryRun);
    if ('reason' in drafted) result.skipped.push({ platform: candidate.platform, post_id: candidate.id, reason: drafted.reason });
    else result.drafted.push(drafted);
  }
  return result;
}

async function draftRepost(ctx: ToolContext, rule: RepostRule, candidate: SourcePost, trend: PlatformTrend, dryRun: boolean): Promise<RuleResult['drafted'][number] | { reason: string }> {
  const source = await ctx.db.scheduledPost.findFirstOrThrow({ where: { id: candidate.id } });
  const added = trend.tags.slice(0, TRENDING_TAGS_PER_REPOST).map((tag) => tag.tag);
  const spare = trend.tags.slice(TRENDING_TAGS_PER_REPOST).map((tag) => tag.tag);
  const text = repostText({ ...source, platform: candidate.platform }, added, spare);
  if (text.problems.length) return { reason: `Cannot be reposted within ${candidate.platform}'s limits: ${text.problems.join('; ')}.` };
  let postId: string | null = null;
  if (!dryRun) {
    const created = await ctx.db.scheduledPost.create({ data: repostRow(ctx, rule, source, text, added, candidate.interactions), select: { id: true } });
    postId = created.id;
  }
  return {
    post_id: postId,
    platform: candidate.platform,
    repost_of: source.id,
    source_interactions: candidate.interactions,
    trending_tags: added,
    caption: text.caption,
    hashtags: text.hashtags,
    thread: text.thread,
    changes: text.changes,
  };
}

type SourceRow = Awaited<ReturnType<ToolContext['db']['scheduledPost']['findFirstOrThrow']>>;

/** A DRAFT copy of the source (same account, media, link and release) with the fitted text; no time until someone schedules it. */
function repostRow(ctx: ToolContext, rule: RepostRule, source: SourceRow, text: RepostText, trendingTags: string[], interactions: number): Prisma.ScheduledPostUncheckedCreateInput {
  return {
    organizationId: ctx.orgId,
    releaseId: source.releaseId,
    platform: source.platform,
    socialAccountId: source.socialAccountId,
    contentType: text.contentType,
    caption: text.caption,
    hashtags: text.hashtags,
    media: source.media as Prisma.InputJsonValue,
    link: source.link,
    title: text.title,
    thread: text.thread ?? undefined,
    boardId: source.boardId,
    privacy: source.privacy,
    status: 'DRAFT',
    repostOfId: source.id,
    repostRuleId: rule.id,
    details: { source: 'repost', repost_of: source.id, rule: rule.name, trending_tags: trendingTags, source_interactions: interactions, limit_changes: text.changes },
    createdById: ctx.actor.userId,
    // The tool's clock, not the database's: the daily allowance and the repost window are counted on it.
    createdAt: ctx.now(),
  };
}
