import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { decodeCursor, encodeCursor, nextCursorOutput, pageInput } from '../../registry/pagination.ts';
import { endOfDayIn, isoDate, parseDay, startOfDayIn } from '../../common/format.ts';
import { platformInput, statusInput, toPlatformColumn, toStatusColumn } from './post-fields.ts';
import { POST_INCLUDE, toPostOutput } from './post-view.ts';

const CAPTION_CHARS = 140;
/** Drafts without a time listed beside the calendar (newest first); the rest are counted. */
const UNSCHEDULED_LISTED = 20;

const calendarPost = z.object({
  post_id: z.string(),
  platform: z.string(),
  account: z.string().nullable(),
  content_type: z.string(),
  caption: z.string(),
  status: z.string(),
  scheduled_at: z.string().nullable(),
  local_time: z.string().nullable(),
  approval_id: z.string().nullable(),
  external_url: z.string().nullable(),
  error: z.string().nullable(),
});

export const listPosts = defineTool({
  name: 'list_posts',
  title: 'List posts',
  description:
    "The content calendar: posts scheduled (or published) between two days in the organisation's time zone, in time order, optionally one platform or status. Captions are cut to 140 characters. Drafts without a time come separately: the newest 20 in unscheduled_posts, all of them counted in unscheduled.",
  area: 'content',
  access: 'read',
  permission: 'content:read',
  input: z.object({
    from: isoDate.describe('First day (YYYY-MM-DD), inclusive.'),
    to: isoDate.describe('Last day (YYYY-MM-DD), inclusive.'),
    platform: platformInput.optional(),
    status: statusInput.optional().describe('draft, pending_approval, scheduled, publishing, published, failed or cancelled.'),
    ...pageInput,
  }),
  output: z.object({
    posts: z.array(calendarPost),
    unscheduled: z.number().int().describe('Posts of this platform and status with no time yet (drafts).'),
    unscheduled_posts: z.array(calendarPost).describe(`The newest ${UNSCHEDULED_LISTED} of them (on the first page only).`),
    next_cursor: nextCursorOutput,
  }),
  keywords: ['content calendar', "what's scheduled", 'next week posts'],
  example: { from: '2026-12-07', to: '2026-12-13', platform: 'instagram' },
  async handler(ctx, input) {
    if (input.to < input.from) throw invalidInput('to', 'is before from.');
    const zone = ctx.org.timeZone;
    const filters = { ...(input.platform ? { platform: toPlatformColumn(input.platform) } : {}), ...(input.status ? { status: toStatusColumn(input.status) } : {}) };
    const range = { gte: startOfDayIn(parseDay(input.from, 'from'), zone), lt: endOfDayIn(parseDay(input.to, 'to'), zone) };
    const after = await afterCursor(ctx, input.cursor);
    const rows = await ctx.db.scheduledPost.findMany({
      where: { ...filters, scheduledAt: range, ...(after ? { OR: [{ scheduledAt: { gt: after.scheduledAt } }, { scheduledAt: after.scheduledAt, id: { gt: after.id } }] } : {}) },
      include: POST_INCLUDE,
      orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
      take: input.limit + 1,
    });
    const page = rows.slice(0, input.limit);
    const undated = { ...filters, scheduledAt: null };
    const [unscheduled, unscheduledRows] = await Promise.all([
      ctx.db.scheduledPost.count({ where: undated }),
      after ? Promise.resolve([]) : ctx.db.scheduledPost.findMany({ where: undated, include: POST_INCLUDE, orderBy: { id: 'desc' }, take: UNSCHEDULED_LISTED }),
    ]);
    const toRow = (row: (typeof rows)[number]) => {
      const post = toPostOutput(row, zone);
      const caption = post.caption.length > CAPTION_CHARS ? `${post.caption.slice(0, CAPTION_CHARS - 1)}…` : post.caption;
      return { post_id: post.post_id, platform: post.platform, account: post.account, content_type: post.content_type, caption, status: post.status, scheduled_at: post.scheduled_at, local_time: post.local_time, approval_id: post.approval_id, external_url: post.external_url, error: post.error };
    };
    return {
      posts: page.map(toRow),
      unscheduled,
      unscheduled_posts: unscheduledRows.map(toRow),
      next_cursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!.id) : null,
    };
  },
});

async function afterCursor(ctx: ToolContext, cursor: string | undefined): Promise<{ id: string; scheduledAt: Date } | undefined> {
  const id = decodeCursor(cursor);
  if (!id) return undefined;
  const row = await ctx.db.scheduledPost.findFirst({ where: { id }, select: { id: true, scheduledAt: true } });
  if (!row?.scheduledAt) throw invalidInput('cursor', 'points at a post no longer on the calendar; start again without it.');
  return { id: row.id, scheduledAt: row.scheduledAt };
}
