import { z } from 'zod';
import type { Playlist, Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { decodeCursor, nextCursorOutput, pageInput, toPage } from '../../registry/pagination.ts';
import { EXAMPLE_ID, idInput } from './inputs.ts';
import { keysetOrder, rowsAfter, type KeysetSort } from './keyset-page.ts';
import { requireVendor } from './lookups.ts';
import { playlistView, toPlaylistView } from './playlist-view.ts';
import { containsText } from '../../common/contains-text.ts';
import { isoDate, isoDay, resolveAsOf } from '../../common/format.ts';
import { loadPlaylistDelivery } from './playlist-delivery.ts';

const SORTS = {
  avg_daily_streams: { field: 'avgDailyStreams', nullable: true, defaultDirection: 'desc' },
  followers: { field: 'followerCount', nullable: true, defaultDirection: 'desc' },
  name: { field: 'name', nullable: false, defaultDirection: 'asc' },
} as const;
/** Sorts on figures computed from the scrapes: the filtered playlists are ordered in memory (a few hundred at most per organisation). */
const FIGURE_SORTS = { songs_placed: 'songs_placed', delivered_streams: 'delivered_streams' } as const;

const row = playlistView.extend({
  songs_placed: z.number().describe('Distinct songs placed with this playlist\'s vendor that the playlist listed in any scrape on or before as_of.'),
  delivered_streams: z.number().describe('streams_12m this playlist credits to its vendor\'s placements: each song from the latest scrape on or before as_of that lists it (a dropped song keeps its last figures).'),
});
type Row = z.infer<typeof row>;

export const listPlaylists = defineTool({
  name: 'list_playlists',
  title: 'List playlists',
  description:
    'Registered playlists of every vendor, with vendor name, genres, followers, average daily streams (streams_28d / 28 at the last scrape; null if never scraped), songs placed with its vendor it listed and the streams it delivered them, auto-detected flag and last scrape. Filter by vendor, genre, auto_detected or search; sort by avg_daily_streams, followers, songs_placed, delivered_streams or name.',
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
    sort: z.enum(['avg_daily_streams', 'followers', 'songs_placed', 'delivered_streams', 'name']).default('name').describe('Sort column; unknown figures sort last.'),
    order: z.enum(['asc', 'desc']).optional().describe('Default: desc for figures, asc for name.'),
    as_of: isoDate.optional().describe('Date of songs_placed and delivered_streams (YYYY-MM-DD); later scrapes are ignored. Default: today.'),
    ...pageInput,
  }),
  output: z.object({ as_of: z.string(), rows: z.array(row), next_cursor: nextCursorOutput }),
  example: { vendor_id: EXAMPLE_ID, sort: 'avg_daily_streams' },
  async handler(ctx, input) {
    if (input.vendor_id) await requireVendor(ctx.db, input.vendor_id);
    const asOf = resolveAsOf(input.as_of, ctx.org.timeZone, ctx.now());
    const filters: Prisma.PlaylistWhereInput[] = [
      input.vendor_id ? { vendorId: input.vendor_id } : {},
      input.genre ? { genres: { has: input.genre.toLocaleLowerCase('en') } } : {},
      input.auto_detected === undefined ? {} : { autoDetected: input.auto_detected },
      input.include_removed ? {} : { isActive: true },
      input.search
        ? { OR: [{ name: containsText(input.search) }, { curator: containsText(input.search) }] }
        : {},
    ];
    const include = { vendor: { select: { name: true } } } as const;
    if (input.sort === 'songs_placed' || input.sort === 'delivered_streams') {
      const playlists = await ctx.db.playlist.findMany({ where: { AND: filters }, include, orderBy: { id: 'desc' } });
      const rows = await withFigures(ctx, playlists, asOf);
      const descending = (input.order ?? 'desc') === 'desc';
      const key = FIGURE_SORTS[input.sort];
      rows.sort((a, b) => (descending ? b[key] - a[key] : a[key] - b[key]) || (descending ? b.id.localeCompare(a.id) : a.id.localeCompare(b.id)));
      const lastId = decodeCursor(input.cursor);
      const start = lastId === undefined ? 0 : rows.findIndex((candidate) => candidate.id === lastId) + 1;
      if (start === 0 && lastId !== undefined) throw invalidInput('cursor', 'points at a playlist that no longer matches; omit it to start from the first page.');
      const page = toPage(rows.slice(start, start + input.limit + 1), input.limit);
      return { as_of: isoDay(asOf), rows: page.rows, next_cursor: page.nextCursor };
    }
    const column = SORTS[input.sort];
    const sort: KeysetSort = { field: column.field, nullable: column.nullable, direction: input.order ?? column.defaultDirection };
    const playlists = await ctx.db.playlist.findMany({
      where: { AND: [...filters, await afterCursor(ctx.db, input.cursor, sort)] },
      include,
      orderBy: keysetOrder(sort) as Prisma.PlaylistOrderByWithRelationInput[],
      take: input.limit + 1,
    });
    const page = toPage(playlists, input.limit);
    return { as_of: isoDay(asOf), rows: await withFigures(ctx, page.rows, asOf), next_cursor: page.nextCursor };
  },
});

async function withFigures(ctx: ToolContext, playlists: Array<Playlist & { vendor: { name: string } | null }>, asOf: Date): Promise<Row[]> {
  const figures = await loadPlaylistDelivery(ctx, playlists, asOf);
  return playlists.map((playlist) => {
    const delivery = figures.get(playlist.id)!;
    return { ...toPlaylistView(playlist), songs_placed: delivery.songsPlaced, delivered_streams: delivery.deliveredStreams };
  });
}

async function afterCursor(db: ToolDb, cursor: string | undefined, sort: KeysetSort): Promise<Prisma.PlaylistWhereInput> {
  const lastId = decodeCursor(cursor);
  if (!lastId) return {};
  const last = await db.playlist.findUnique({ where: { id: lastId } });
  if (!last) throw invalidInput('cursor', 'points at a playlist that no longer exists; omit it to start from the first page.');
  const value = last[sort.field as 'name' | 'avgDailyStreams' | 'followerCount'];
  return rowsAfter(sort, { id: last.id, value }) as Prisma.PlaylistWhereInput;
}
