import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { checkReferences, contentColumns, postContentFields, postTimeFields } from './post-content-input.ts';
import { platformInput, resolveScheduledAt, toPlatformColumn } from './post-fields.ts';
import { loadPost, postOutput, toPostOutput } from './post-view.ts';

export const createPost = defineTool({
  name: 'create_post',
  title: 'Create a post',
  description:
    'Adds a draft post to the content calendar (caption, hashtags, media, link; optionally its account and time). Nothing is published: schedule_post asks for approval. Returns the post.',
  area: 'content',
  access: 'write',
  permission: 'content:write',
  input: z.object({ platform: platformInput, ...postContentFields, ...postTimeFields }),
  output: postOutput,
  keywords: ['draft a post', 'new post', 'content calendar'],
  example: { platform: 'instagram', caption: 'Lowtide is out now', hashtags: ['newmusic'], scheduled_at: '2026-12-12T18:00' },
  async handler(ctx, input) {
    if (!input.caption?.trim() && !input.thread?.length) throw invalidInput('caption', 'write a caption (or, on X, a thread).');
    await checkReferences(ctx, input.platform, input);
    const timeZone = input.time_zone ?? ctx.org.timeZone;
    const post = await ctx.db.scheduledPost.create({
      data: {
        organizationId: ctx.orgId,
        platform: toPlatformColumn(input.platform),
        ...contentColumns(input),
        ...(input.scheduled_at ? { scheduledAt: resolveScheduledAt(input.scheduled_at, timeZone), timeZone } : {}),
        details: { source: 'manual' },
        createdById: ctx.actor.userId,
      },
    });
    return toPostOutput(await loadPost(ctx, post.id), ctx.org.timeZone);
  },
});
