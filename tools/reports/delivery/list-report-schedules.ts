import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { loadVisibleReport, scheduleSelect, scheduleView, toScheduleView, visibleReports } from './schedule-view.ts';

export const listReportSchedules = defineTool({
  name: 'list_report_schedules',
  title: 'List report schedules',
  description: 'Report schedules (all, or one saved report\'s): cadence, destinations, format, next run and the last delivery\'s outcome. Active ones unless include_inactive.',
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({
    report_id: z.string().uuid().optional().describe('Only this saved report\'s schedules.'),
    include_inactive: z.boolean().default(false).describe('Also list unscheduled ones.'),
    ...pageInput,
  }),
  output: z.object({ schedules: z.array(scheduleView), next_cursor: nextCursorOutput }),
  example: {},
  async handler(ctx, input) {
    // A report the caller cannot see answers not_found, as everywhere, rather than an empty list.
    if (input.report_id) await loadVisibleReport(ctx, input.report_id);
    const page = pageQuery(input, 'asc');
    const rows = await ctx.db.reportSchedule.findMany({
      where: {
        ...page.idAfter,
        ...(input.report_id ? { reportViewId: input.report_id } : {}),
        ...(input.include_inactive ? {} : { isActive: true }),
        reportView: visibleReports(ctx),
      },
      select: scheduleSelect,
      orderBy: page.orderBy,
      take: page.take,
    });
    const { rows: shown, nextCursor } = toPage(rows, input.limit);
    return { schedules: shown.map(toScheduleView), next_cursor: nextCursor };
  },
});
