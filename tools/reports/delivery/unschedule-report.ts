import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { notFound } from '../../registry/errors.ts';
import { scheduleSelect, scheduleView, toScheduleView, visibleReports } from './schedule-view.ts';

export const unscheduleReport = defineTool({
  name: 'unschedule_report',
  title: 'Stop a report schedule',
  description: 'Stops a report schedule: nothing more is delivered (its past deliveries are kept). Unscheduling twice changes nothing.',
  area: 'reports',
  access: 'write',
  permission: 'reports:write',
  hints: { idempotent: true },
  input: z.object({ schedule_id: z.string().uuid().describe('From list_report_schedules.') }),
  output: scheduleView,
  example: { schedule_id: '00000000-0000-7000-8000-000000000000' },
  async handler(ctx, input) {
    const { count } = await ctx.db.reportSchedule.updateMany({ where: { id: input.schedule_id, reportView: visibleReports(ctx) }, data: { isActive: false } });
    if (count === 0) throw notFound('report schedule', input.schedule_id);
    return toScheduleView(await ctx.db.reportSchedule.findFirstOrThrow({ where: { id: input.schedule_id }, select: scheduleSelect }));
  },
});
