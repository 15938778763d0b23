import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { loadPost, postOutput, toPostOutput, type PostRow } from './post-view.ts';

const mediaItem = z.object({ url: z.string(), kind: z.string(), alt_text: z.string().nullable() });

const output = postOutput.extend({
  title: z.string().nullable().describe('YouTube video title, Pinterest pin title.'),
  thread: z.array(z.string()).describe("An X thread's posts in order (empty for other platforms)."),
  media: z.array(mediaItem),
  board_id: z.string().nullable(),
  privacy: z.string().nullable(),
  time_zone: z.string().nullable().describe('The zone its time was chosen in (the organisation\'s when null).'),
  details: z.record(z.string(), z.unknown()).describe('How the draft was made: its source (generated, repost, manual), style, the limit changes and the model\'s suggestions.'),
});

/** A post with everything the editor shows: its content in full, where, when, and its status. */
export const getPost = defineTool({
  name: 'get_post',
  title: 'Get a post',
  description: "One post in full: caption, hashtags, an X thread's posts, media with alt text, title, link, account, time, status and approval, and how its draft was made.",
  area: 'content',
  access: 'read',
  permission: 'content:read',
  keywords: ['open post', 'show post', 'post details'],
  input: z.object({ post_id: z.string().uuid().describe('The post (list_posts, create_post).') }),
  output,
  example: { post_id: '00000000-0000-7000-8000-000000000000' },
  async handler(ctx, input) {
    const post = await loadPost(ctx, input.post_id);
    return { ...toPostOutput(post, ctx.org.timeZone), ...fullContent(post) };
  },
});

function fullContent(post: PostRow) {
  const media = Array.isArray(post.media) ? (post.media as Array<{ url?: unknown; kind?: unknown; alt_text?: unknown }>) : [];
  return {
    title: post.title,
    thread: Array.isArray(post.thread) ? post.thread.filter((part): part is string => typeof part === 'string') : [],
    media: media.map((item) => ({ url: String(item.url ?? ''), kind: String(item.kind ?? 'image'), alt_text: typeof item.alt_text === 'string' ? item.alt_text : null })),
    board_id: post.boardId,
    privacy: post.privacy,
    time_zone: post.timeZone,
    details: post.details && typeof post.details === 'object' && !Array.isArray(post.details) ? (post.details as Record<string, unknown>) : {},
  };
}
