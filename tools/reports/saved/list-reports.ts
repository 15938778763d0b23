import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { categoryInput, ownersOf, reportSummary, toCategory, toReportSummary, toVisibility, visibilityInput } from './report-fields.ts';
import { visibleWhere } from './visibility.ts';

/** The saved reports the caller may see, newest first. */
export const listReports = defineTool({
  name: 'list_reports',
  title: 'List saved reports',
  description: 'Saved reports you may see (your private ones, team ones unless you are a viewer, organisation-wide ones), newest first, each with owner, visibility, metrics and last update; optionally one category or visibility.',
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({
    category: categoryInput.optional(),
    visibility: visibilityInput.optional(),
    ...pageInput,
  }),
  output: z.object({ rows: z.array(reportSummary), next_cursor: nextCursorOutput }),
  keywords: ['saved reports', 'my reports', 'report library'],
  example: { category: 'campaign_performance', limit: 20 },
  async handler(ctx, input) {
    const page = pageQuery(input);
    const rows = await ctx.db.reportView.findMany({
      where: {
        AND: [
          visibleWhere(ctx.actor),
          { ...(input.category ? { category: toCategory(input.category) } : {}), ...(input.visibility ? { visibility: toVisibility(input.visibility) } : {}), ...page.idAfter },
        ],
      },
      orderBy: page.orderBy,
      take: page.take,
    });
    const { rows: shown, nextCursor } = toPage(rows, input.limit);
    const owners = await ownersOf(ctx, shown.map((row) => row.ownerId));
    return { rows: shown.map((row) => toReportSummary(row, owners)), next_cursor: nextCursor };
  },
});
