import { z } from 'zod';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { decodeCursor, nextCursorOutput, pageInput, toPage } from '../../registry/pagination.ts';
import { EXAMPLE_ID, idInput } from './inputs.ts';
import { keysetOrder, rowsAfter, type KeysetSort } from './keyset-page.ts';
import { requireVendor } from './lookups.ts';
import { playlistView, toPlaylistView } from './playlist-view.ts';
import { containsText } from '../../common/contains-text.ts';

const SORTS = {
  avg_daily_streams: { field: 'avgDailyStreams', nullable: true, defaultDirection: 'desc' },
  followers: { field: 'followerCount', nullable: true, defaultDirection: 'desc' },
  name: { field: 'name', nullable: false, defaultDirection: 'asc' },
} as const;

export const listPlaylists = defineTool({
  name: 'list_playlists',
  title: 'List playlists',
  description:
    'Registered playlists of every vendor, with vendor name, genres, followers, average daily streams (streams_28d / 28 at the last scrape; null if never scraped), auto-detected flag and last scrape. Filter by vendor, genre, auto_detected or search; sort by avg_daily_streams, followers or name.',
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  keywords: ['streams per day', 'most streams', 'top playlists'],
  input: z.object({
    vendor_id: idInput.optional().describe('Only this vendor\'s playlists.'),
    genre: z.string().trim().min(1).optional().describe('Only playlists tagged with this genre (case-insensitive), e.g. "dance".'),
    auto_detected: z.boolean().optional().describe('true: only playlists registered automatically from scrapes; false: only those a person registered.'),
    search: z.string().trim().min(1).optional().describe('Part of the playlist or curator name (case-insensitive).'),
    include_removed: z.boolean().default(false).describe('Also list playlists retired with remove_vendor_playlist.'),
    sort: z.enum(['avg_daily_streams', 'followers', 'name']).default('name').describe('Sort column; unknown figures sort last.'),
    order: z.enum(['asc', 'desc']).optional().describe('Default: desc for figures, asc for name.'),
    ...pageInput,
  }),
  output: z.object({ rows: z.array(playlistView), next_cursor: nextCursorOutput }),
  example: { vendor_id: EXAMPLE_ID, sort: 'avg_daily_streams' },
  async handler(ctx, input) {
    if (input.vendor_id) await requireVendor(ctx.db, input.vendor_id);
    const column = SORTS[input.sort];
    const sort: KeysetSort = { field: column.field, nullable: column.nullable, direction: input.order ?? column.defaultDirection };
    const filters: Prisma.PlaylistWhereInput[] = [
      input.vendor_id ? { vendorId: input.vendor_id } : {},
      input.genre ? { genres: { has: input.genre.toLocaleLowerCase('en') } } : {},
      input.auto_detected === undefined ? {} : { autoDetected: input.auto_detected },
      input.include_removed ? {} : { isActive: true },
      input.search
        ? { OR: [{ name: containsText(input.search) }, { curator: containsText(input.search) }] }
        : {},
      await afterCursor(ctx.db, input.cursor, sort),
    ];
    const playlists = await ctx.db.playlist.findMany({
      where: { AND: filters },
      include: { vendor: { select: { name: true } } },
      orderBy: keysetOrder(sort) as Prisma.PlaylistOrderByWithRelationInput[],
      take: input.limit + 1,
    });
    const page = toPage(playlists, input.limit);
    return { rows: page.rows.map(toPlaylistView), next_cursor: page.nextCursor };
  },
});

async function afterCursor(db: ToolDb, cursor: string | undefined, sort: KeysetSort): Promise<Prisma.PlaylistWhereInput> {
  const lastId = decodeCursor(cursor);
  if (!lastId) return {};
  const last = await db.playlist.findUnique({ where: { id: lastId } });
  if (!last) throw invalidInput('cursor', 'points at a playlist that no longer exists; omit it to start from the first page.');
  const value = last[sort.field as 'name' | 'avgDailyStreams' | 'followerCount'];
  return rowsAfter(sort, { id: last.id, value }) as Prisma.PlaylistWhereInput;
}
