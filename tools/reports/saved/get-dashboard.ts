import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { ToolError, TOOL_ERROR_CODES } from '../../registry/errors.ts';
import { runReport } from '../engine/run-report.ts';
import { reportResult, type ReportResult } from '../report-result.ts';
import { dashboardOutput, loadVisibleDashboard, storedWidgets, toDashboardOutput, widgetOutput, type StoredWidget } from './dashboard-fields.ts';
import { loadVisibleReport, storedDefinition } from './report-fields.ts';

const widgetError = z.object({ code: z.enum(TOOL_ERROR_CODES), message: z.string() });

/** A dashboard with each widget's figures; a widget that cannot run says why without failing the rest. */
export const getDashboard = defineTool({
  name: 'get_dashboard',
  title: 'Get a dashboard',
  description:
    "A dashboard's widgets and layout, each with run_report's result (run, default true); a widget whose report was deleted, is hidden from you or fails carries an error instead, and the others still answer.",
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({
    dashboard_id: z.string().uuid().describe('The dashboard (list_dashboards).'),
    run: z.boolean().default(true).describe("Run each widget's report (false: layout only)."),
  }),
  output: dashboardOutput.extend({
    widgets: z.array(
      widgetOutput.extend({
        report_name: z.string().nullable().describe('The saved report it shows, when it has one you may see.'),
        result: reportResult.nullable().describe('run_report\'s answer (null when not run or on error).'),
        error: widgetError.nullable().describe('Why this widget has no result.'),
      }),
    ),
  }),
  keywords: ['open dashboard', 'show dashboard'],
  example: { dashboard_id: '00000000-0000-7000-8000-000000000000' },
  async handler(ctx, input) {
    const row = await loadVisibleDashboard(ctx, input.dashboard_id);
    const widgets = [];
    // One after another: the embedded database has one session, and a dashboard holds a few widgets.
    for (const widget of storedWidgets(row)) widgets.push({ ...widget, ...(await runWidget(ctx, widget, input.run)) });
    return { ...(await toDashboardOutput(ctx, row)), widgets };
  },
});

async function runWidget(ctx: ToolContext, widget: StoredWidget, run: boolean): Promise<{ report_name: string | null; result: ReportResult | null; error: z.infer<typeof widgetError> | null }> {
  let reportName: string | null = null;
  try {
    let definition = widget.report;
    if (widget.report_id) {
      const report = await loadVisibleReport(ctx, widget.report_id);
      reportName = report.name;
      definition = storedDefinition(report);
    }
    if (!run || !definition) return { report_name: reportName, result: null, error: null };
    return { report_name: reportName, result: await runReport(ctx, definition), error: null };
  } catch (error) {
    if (error instanceof ToolError) return { report_name: reportName, result: null, error: { code: error.code, message: error.message } };
    ctx.log.error('dashboard widget failed', { widget: widget.id, error: String(error) });
    return { report_name: reportName, result: null, error: { code: 'internal', message: 'This widget could not be computed; the others are unaffected. Try again, or open its report to see the error.' } };
  }
}
