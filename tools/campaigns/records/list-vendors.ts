import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { toVendorView, vendorView } from './vendor-view.ts';
import { containsText } from '../../common/contains-text.ts';

const row = vendorView.extend({
  playlists: z.number().describe('Playlists registered to the vendor.'),
  placements: z.number().describe('Placements booked with the vendor, all campaigns.'),
});

export const listVendors = defineTool({
  name: 'list_vendors',
  title: 'List vendors',
  description: 'Playlist vendors, newest first, with promised price per 1k streams (in each vendor\'s currency), active flag, playlist and placement counts. Filter by active, search by name. For delivery figures use vendor_performance.',
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  input: z.object({
    is_active: z.boolean().optional().describe('true: only active vendors; false: only archived ones; omit for active ones (all with include_archived).'),
    include_archived: z.boolean().default(false).describe('Also list archived vendors (archive_vendor).'),
    search: z.string().trim().min(1).optional().describe('Part of the vendor name (case-insensitive).'),
    ...pageInput,
  }),
  output: z.object({ rows: z.array(row), next_cursor: nextCursorOutput }),
  async handler(ctx, input) {
    const query = pageQuery(input);
    const vendors = await ctx.db.vendor.findMany({
      where: {
        ...(input.is_active !== undefined ? { isActive: input.is_active } : input.include_archived ? {} : { isActive: true }),
        ...(input.search ? { name: containsText(input.search) } : {}),
        ...query.idAfter,
      },
      include: { _count: { select: { playlists: true, placements: true } } },
      take: query.take,
      orderBy: query.orderBy,
    });
    const page = toPage(vendors, input.limit);
    return {
      rows: page.rows.map((vendor) => ({ ...toVendorView(vendor), playlists: vendor._count.playlists, placements: vendor._count.placements })),
      next_cursor: page.nextCursor,
    };
  },
});
