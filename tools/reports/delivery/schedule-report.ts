import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { forbidden, invalidInput } from '../../registry/errors.ts';
import { CadenceError, cadenceCron, cadenceInput, nextOccurrence } from './cadence.ts';
import { emailAddresses, slackChannelOf, timeZoneOf } from './destinations.ts';
import { FORMATS, loadVisibleReport, scheduleSelect, scheduleView, toFormatColumn, toScheduleView } from './schedule-view.ts';

/**
 * Creating a schedule is the person's consent to send that report outward on its cadence (not an
 * approval action): only roles that may write reports can, and each delivery runs the report as them.
 */
export const scheduleReport = defineTool({
  name: 'schedule_report',
  title: 'Schedule a report',
  description: 'Delivers a saved report on a cadence to a Slack channel and/or email addresses, as a CSV, a PDF or inline. Each delivery runs the report as you.',
  area: 'reports',
  access: 'write',
  permission: 'reports:write',
  hints: { openWorld: true },
  keywords: ['send report every week', 'email report', 'report to slack', 'recurring report'],
  input: z.object({
    report_id: z.string().uuid().describe('The saved report (list_saved_reports).'),
    cadence: cadenceInput,
    time_zone: z.string().max(64).optional().describe("IANA time zone the cadence is read in (default the organisation's)."),
    slack_channel: z.string().max(81).optional().describe('A channel id (C0123ABCD) or #name in the organisation\'s Slack workspace.'),
    emails: z.array(z.string().max(254)).max(50).optional().describe('Recipients\' addresses.'),
    format: z.enum(FORMATS).describe('csv or pdf attach a file; inline sends the top rows and totals as text.'),
  }),
  output: scheduleView,
  example: { report_id: '00000000-0000-7000-8000-000000000000', cadence: { every: 'week', at: '09:00', weekday: 'monday' }, emails: ['ana@label.test'], format: 'csv' },
  async handler(ctx, input) {
    if (!ctx.actor.userId) throw forbidden('A schedule delivers as the person who made it: schedule reports as a member (a personal token, the web app or Slack), not as an anonymous caller.');
    const report = await loadVisibleReport(ctx, input.report_id);
    let cron: string;
    try {
      cron = cadenceCron(input.cadence);
    } catch (error) {
      if (error instanceof CadenceError) throw invalidInput('cadence', error.message);
      throw error;
    }
    const timeZone = timeZoneOf(input.time_zone ?? ctx.org.timeZone);
    const slackChannel = await slackChannelOf(ctx, input.slack_channel);
    const emails = emailAddresses(input.emails);
    if (!slackChannel && emails.length === 0) throw invalidInput('slack_channel', 'give a slack_channel, emails, or both: a schedule needs somewhere to deliver');
    const nextRunAt = nextOccurrence(cron, timeZone, ctx.now());
    if (!nextRunAt) throw invalidInput('cadence', `"${cron}" never fires again`);
    const created = await ctx.db.reportSchedule.create({
      data: { organizationId: ctx.orgId, reportViewId: report.id, cron, timeZone, slackChannel, emails, format: toFormatColumn(input.format), createdById: ctx.actor.userId, nextRunAt },
      select: scheduleSelect,
    });
    return toScheduleView(created);
  },
});
