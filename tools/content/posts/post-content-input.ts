import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput, notFound } from '../../registry/errors.ts';
import { PLATFORM_LABELS, type SocialPlatform } from '../connectors/publishing.ts';
import { contentTypeInput, fromPlatformColumn, mediaInput, scheduledAtInput, timeZoneInput, toPlatformColumn } from './post-fields.ts';

/** The content fields create_post and update_post share (all optional here; create_post requires a caption or thread). */
export const postContentFields = {
  social_account_id: z.string().uuid().optional().describe('Connected account to publish from (list_social_accounts); needed before scheduling.'),
  release_id: z.string().uuid().optional().describe('Release it promotes (list_releases).'),
  content_type: contentTypeInput.optional(),
  caption: z.string().max(10_000).optional().describe('The text as it should read.'),
  hashtags: z.array(z.string().trim().min(1).max(100)).max(60).optional().describe('Without or with #; appended when not in the caption.'),
  media: z.array(mediaInput).max(20).optional(),
  link: z.url().optional().describe('Smart link, pre-save or store link.'),
  title: z.string().max(200).optional().describe('YouTube video title, Pinterest pin title.'),
  thread: z.array(z.string().min(1).max(2000)).max(25).optional().describe('X: the posts of a thread, in order.'),
  board: z.string().max(100).optional().describe('Pinterest: id of the board the pin goes on.'),
  privacy: z.enum(['public', 'unlisted', 'friends', 'private']).optional(),
};

export const postTimeFields = {
  scheduled_at: scheduledAtInput.optional(),
  time_zone: timeZoneInput.optional(),
};

type ContentInput = { [Key in keyof typeof postContentFields]?: z.output<(typeof postContentFields)[Key]> };

/** The columns a content input sets (only the fields given), hashtags without '#'. */
export function contentColumns(input: ContentInput) {
  return {
    ...(input.content_type !== undefined ? { contentType: input.content_type.toUpperCase() as 'POST' } : {}),
    ...(input.caption !== undefined ? { caption: input.caption } : {}),
    ...(input.hashtags !== undefined ? { hashtags: input.hashtags.map((tag) => tag.replace(/^#+/, '')) } : {}),
    ...(input.media !== undefined ? { media: input.media } : {}),
    ...(input.link !== undefined ? { link: input.link } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.thread !== undefined ? { thread: input.thread } : {}),
    ...(input.board !== undefined ? { boardId: input.board } : {}),
    ...(input.privacy !== undefined ? { privacy: input.privacy } : {}),
    ...(input.social_account_id !== undefined ? { socialAccountId: input.social_account_id } : {}),
    ...(input.release_id !== undefined ? { releaseId: input.release_id } : {}),
  };
}

/** The account and release the input names exist here, and the account is on the post's platform. */
export async function checkReferences(ctx: ToolContext, platform: SocialPlatform, input: ContentInput): Promise<void> {
  if (input.social_account_id) {
    const account = await ctx.db.socialAccount.findFirst({ where: { id: input.social_account_id }, select: { platform: true } });
    if (!account) throw notFound('social account', input.social_account_id);
    if (account.platform !== toPlatformColumn(platform)) {
      throw invalidInput('social_account_id', `is an account on ${PLATFORM_LABELS[fromPlatformColumn(account.platform)]}; this post is for ${PLATFORM_LABELS[platform]}.`);
    }
  }
  if (input.release_id) {
    const release = await ctx.db.release.findFirst({ where: { id: input.release_id }, select: { id: true } });
    if (!release) throw notFound('release', input.release_id);
  }
}
