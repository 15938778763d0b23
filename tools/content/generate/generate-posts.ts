import { z } from 'zod';
import { ModelBudgetError } from '../../usage/model-budget-error.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { ToolError } from '../../registry/errors.ts';
import { fromDbPlatform } from '../platform-codes.ts';
import { loadBrandVoices } from '../brand-voice/brand-voice-scope.ts';
import { requireRelease } from '../releases/load-release.ts';
import { storedAssets } from '../releases/release-view.ts';
import { trendingTags } from '../trends/trending-tags.ts';
import { DRAFT_SCHEMAS } from '../writing/draft-shapes.ts';
import { generatePlatformDrafts, type GeneratedDraft } from '../writing/generate-drafts.ts';
import { PLATFORMS, POST_STYLES, type Platform } from '../writing/platforms.ts';
import type { PostRequest, TrendingHashtag } from '../writing/post-request.ts';
import { draftPostFields, draftPostRow } from './draft-to-post.ts';
import { modelCallFailed, modelUnavailable } from './model-unavailable.ts';
import { releaseBrief } from './release-brief.ts';

/** Trending tags offered to the model per platform: the last week's, best first. */
const TRENDING_DAYS = 7;
const TRENDING_TAGS_PER_PLATFORM = 15;

const draftRow = z.discriminatedUnion(
  'platform',
  PLATFORMS.map((platform) =>
    z.object({
      post_id: z.string().describe('The DRAFT post on the calendar (update_post, schedule_post take it).'),
      platform: z.literal(platform),
      content: DRAFT_SCHEMAS[platform],
      changes: z.array(z.string()).describe('What the limit fixer changed in the model\'s draft; empty when it fitted.'),
      media_note: z.string().nullable(),
    }),
  ) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]],
);

export const generatePosts = defineTool({
  name: 'generate_posts',
  title: 'Generate post drafts',
  description:
    "Writes post drafts for a release with the language model, in each platform's shape and limits (what was shortened is listed), in the brand voice, with trending hashtags. Stores them as DRAFT posts and returns them; nothing is published.",
  area: 'content',
  access: 'write',
  permission: 'content:write',
  // Model calls take seconds each: no transaction is held while the model writes.
  ownTransactions: true,
  keywords: ['write posts', 'draft posts', 'captions', 'social copy', 'content ideas'],
  input: z.object({
    release_id: z.string().trim().min(1).describe('The release to write about (list_releases).'),
    platforms: z.array(z.enum(PLATFORMS)).min(1).max(PLATFORMS.length).describe('instagram, tiktok, facebook, x, pinterest, youtube, snapchat.'),
    style: z.enum(POST_STYLES).describe('lifestyle, promotional, educational or ugc (sounds like a fan or the artist on a phone).'),
    tone: z.string().trim().min(1).max(200).optional().describe('In your words, e.g. "playful, no exclamation marks".'),
    count: z.int().min(1).max(5).default(1).describe('Drafts per platform.'),
    include_hashtags: z.boolean().default(true).describe('false: no hashtags at all (and no trending tags offered).'),
    thread_length: z.int().min(1).max(10).default(3).describe('Posts in each X thread.'),
  }),
  output: z.object({
    release: z.object({ id: z.string(), title: z.string(), artist: z.string() }),
    drafts: z.array(draftRow),
    failed: z.array(z.object({ platform: z.string(), reason: z.string() })).describe('Platforms the model could not write usable drafts for; nothing stored for them.'),
    brand_voice: z.object({ organisation: z.boolean(), artist: z.boolean() }).describe('Which brand voices were set and used.'),
    trending_hashtags_offered: z.record(z.string(), z.array(z.string())),
  }),
  example: { release_id: '01900000-0000-7000-8000-000000000000', platforms: ['instagram', 'tiktok'], style: 'promotional' },
  async handler(ctx, input) {
    const release = await requireRelease(ctx.db, input.release_id);
    if (!ctx.llm) throw modelUnavailable('generate_posts');
    const platforms = [...new Set(input.platforms)];
    const brandVoice = await loadBrandVoices(ctx.db, release.artistName);
    const trending: TrendingHashtag[] = [];
    if (input.include_hashtags) {
      for (const platform of platforms) {
        const tags = await trendingTags(ctx.db, ctx.now(), { platform, days: TRENDING_DAYS, includeTopics: false, limit: TRENDING_TAGS_PER_PLATFORM });
        trending.push(...tags.map((tag) => ({ platform, tag: tag.tag, score: tag.score })));
      }
    }
    const request: PostRequest = {
      release: releaseBrief(release),
      platforms,
      style: input.style,
      tone: input.tone,
      count: input.count,
      includeHashtags: input.include_hashtags,
      threadLength: input.thread_length,
      brandVoice,
      trendingHashtags: trending,
    };

    const written: GeneratedDraft[] = [];
    const failed: Array<{ platform: Platform; reason: string }> = [];
    for (const [index, platform] of platforms.entries()) {
      ctx.progress({ progress: index, total: platforms.length, message: `Writing ${platform} drafts` });
      try {
        written.push(...(await generatePlatformDrafts(ctx.llm, request, platform)));
      } catch (error) {
        // A spent budget stops every platform: no further model call may be made today.
        if (error instanceof ModelBudgetError) throw error;
        if (error instanceof ToolError) failed.push({ platform, reason: error.message });
        else if (written.length === 0 && failed.length === 0) throw modelCallFailed(error);
        else failed.push({ platform, reason: modelCallFailed(error).message });
      }
    }
    // Nothing usable at all: the call fails with the first platform's reason instead of answering an empty list.
    if (written.length === 0) throw new ToolError('unavailable', failed.map((failure) => failure.reason).join(' '));

    const assets = storedAssets(release.assets);
    const fields = written.map((generated) => draftPostFields(generated, assets));
    const how = { style: input.style, tone: input.tone, createdById: ctx.actor.userId };
    // One insert per draft (at most 35), so each answer row is paired with its own post.
    const posts = await ctx.inTransaction(async (db) => {
      const created = [];
      for (const [index, generated] of written.entries()) {
        created.push(await db.scheduledPost.create({ data: draftPostRow(ctx.orgId, release.id, generated, fields[index]!, how), select: { id: true, platform: true } }));
      }
      return created;
    });
    ctx.progress({ progress: platforms.length, total: platforms.length, message: `Stored ${posts.length} drafts` });
    return {
      release: { id: release.id, title: release.title, artist: release.artistName },
      drafts: written.map((generated, index) => ({
        post_id: posts[index]!.id,
        platform: fromDbPlatform(posts[index]!.platform),
        content: generated.draft.content,
        changes: generated.changes,
        media_note: fields[index]!.mediaNote,
      })) as never,
      failed,
      brand_voice: { organisation: Boolean(brandVoice.organisation), artist: Boolean(brandVoice.artist) },
      trending_hashtags_offered: Object.fromEntries(platforms.map((platform) => [platform, trending.filter((tag) => tag.platform === platform).map((tag) => tag.tag)])),
    };
  },
});
