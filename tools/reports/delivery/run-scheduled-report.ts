import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput, notFound } from '../../registry/errors.ts';
import { runReport } from '../engine/run-report.ts';
import { reportRequest } from '../report-request.ts';
import { reportResult } from '../report-result.ts';
import { FORMATS, visibleReports, type DeliveryFormat } from './schedule-view.ts';

/**
 * What a delivery sends, without sending it: the schedule's saved report run now, as the caller.
 * The delivery job calls it as the schedule's creator, so a report is never delivered with more
 * than its creator may read today.
 */
export const runScheduledReport = defineTool({
  name: 'run_scheduled_report',
  title: 'Run a scheduled report',
  description: 'Runs a report schedule\'s saved report now, as its next delivery would, without sending anything. Returns the report\'s rows and totals.',
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({
    schedule_id: z.string().uuid().describe('From list_report_schedules.'),
    as_of: z.iso.datetime({ offset: true }).optional().describe('The delivery time the report is for: relative ranges (last 7 days) count back from it, so a retried delivery shows the same days. Default now.'),
  }),
  output: z.object({
    schedule_id: z.string(),
    report_id: z.string(),
    report_name: z.string(),
    format: z.enum(FORMATS),
    result: reportResult,
  }),
  example: { schedule_id: '00000000-0000-7000-8000-000000000000' },
  async handler(ctx, input) {
    const schedule = await ctx.db.reportSchedule.findFirst({
      where: { id: input.schedule_id, reportView: visibleReports(ctx) },
      select: { id: true, format: true, reportView: { select: { id: true, name: true, definition: true } } },
    });
    if (!schedule) throw notFound('report schedule', input.schedule_id);
    const request = reportRequest.safeParse(schedule.reportView.definition);
    if (!request.success) throw invalidInput('schedule_id', `the saved report "${schedule.reportView.name}" no longer has a valid definition: ${request.error.issues[0]?.message ?? 'unreadable'}; edit it, then try again`);
    const asOf = input.as_of ? new Date(input.as_of) : null;
    const result = await runReport(asOf ? { ...ctx, now: () => asOf } : ctx, request.data);
    return {
      schedule_id: schedule.id,
      report_id: schedule.reportView.id,
      report_name: schedule.reportView.name,
      format: schedule.format.toLowerCase() as DeliveryFormat,
      result,
    };
  },
});
