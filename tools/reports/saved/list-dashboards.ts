import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { storedWidgets } from './dashboard-fields.ts';
import { fromEnum, ownerOutput, ownersOf, VISIBILITIES } from './report-fields.ts';
import { visibleWhere } from './visibility.ts';

/** The dashboards the caller may see, newest first. */
export const listDashboards = defineTool({
  name: 'list_dashboards',
  title: 'List dashboards',
  description: 'Dashboards you may see (your private ones, team ones unless you are a viewer, organisation-wide ones), newest first, with owner, visibility and widget count.',
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({ ...pageInput }),
  output: z.object({
    rows: z.array(
      z.object({
        dashboard_id: z.string(),
        name: z.string(),
        description: z.string().nullable(),
        visibility: z.enum(VISIBILITIES),
        owner: ownerOutput,
        widgets: z.int().describe('How many widgets it has.'),
        updated_at: z.string(),
      }),
    ),
    next_cursor: nextCursorOutput,
  }),
  keywords: ['dashboards', 'boards'],
  example: { limit: 20 },
  async handler(ctx, input) {
    const page = pageQuery(input);
    const rows = await ctx.db.dashboard.findMany({ where: { AND: [visibleWhere(ctx.actor), page.idAfter] }, orderBy: page.orderBy, take: page.take });
    const { rows: shown, nextCursor } = toPage(rows, input.limit);
    const owners = await ownersOf(ctx, shown.map((row) => row.ownerId));
    return {
      rows: shown.map((row) => ({
        dashboard_id: row.id,
        name: row.name,
        description: row.description,
        visibility: fromEnum(row.visibility),
        owner: row.ownerId ? (owners.get(row.ownerId) ?? { user_id: row.ownerId, name: null, email: null }) : null,
        widgets: storedWidgets(row).length,
        updated_at: row.updatedAt.toISOString(),
      })),
      next_cursor: nextCursor,
    };
  },
});
