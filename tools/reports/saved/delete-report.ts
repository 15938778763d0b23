import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { loadVisibleReport } from './report-fields.ts';
import { assertMayChange } from './visibility.ts';

/** Deletes a saved report with its schedules; dashboards showing it keep a widget that says it is gone. */
export const deleteReport = defineTool({
  name: 'delete_report',
  title: 'Delete a saved report',
  description:
    'Deletes a saved report and its delivery schedules (saying how many). Its owner may, or a MANAGER and above for team and organisation reports. Dashboard widgets showing it then answer not_found.',
  area: 'reports',
  access: 'write',
  permission: 'reports:write',
  input: z.object({ report_id: z.string().uuid().describe('The saved report (list_reports).') }),
  output: z.object({
    report_id: z.string(),
    name: z.string(),
    deleted: z.literal(true),
    schedules_deleted: z.int().describe('Delivery schedules removed with it.'),
    dashboards_showing: z.int().describe('Dashboards with a widget showing it (those widgets now answer not_found).'),
  }),
  hints: { destructive: true, idempotent: false },
  example: { report_id: '00000000-0000-7000-8000-000000000000' },
  async handler(ctx, input) {
    const row = await loadVisibleReport(ctx, input.report_id);
    assertMayChange(ctx.actor, row, 'report');
    const schedules = await ctx.db.reportSchedule.count({ where: { reportViewId: row.id } });
    const dashboards = await ctx.db.dashboard.findMany({ select: { widgets: true } });
    const showing = dashboards.filter((dashboard) => Array.isArray(dashboard.widgets) && dashboard.widgets.some((widget) => (widget as { report_id?: unknown })?.report_id === row.id)).length;
    // The schedules (and their deliveries) go with it through the foreign keys' ON DELETE CASCADE.
    await ctx.db.reportView.delete({ where: { id: row.id } });
    return { report_id: row.id, name: row.name, deleted: true as const, schedules_deleted: schedules, dashboards_showing: showing };
  },
});
