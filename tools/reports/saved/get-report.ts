import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { reportResult } from '../report-result.ts';
import { runReport } from '../engine/run-report.ts';
import { loadVisibleReport, reportOutput, storedDefinition, toReportOutput } from './report-fields.ts';

/** One saved report: its definition and chart, and its figures when asked to run it. */
export const getReport = defineTool({
  name: 'get_report',
  title: 'Get a saved report',
  description: "One saved report: name, owner, visibility, category, its run_report definition and chart; with run: true also today's figures (run_report's result).",
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({
    report_id: z.string().uuid().describe('The saved report (list_reports).'),
    run: z.boolean().default(false).describe('Also run it now and include the result.'),
  }),
  output: reportOutput.extend({ result: reportResult.nullable().describe('run_report\'s answer when run was true, else null.') }),
  keywords: ['open report', 'run saved report'],
  example: { report_id: '00000000-0000-7000-8000-000000000000', run: true },
  async handler(ctx, input) {
    const row = await loadVisibleReport(ctx, input.report_id);
    const result = input.run ? await runReport(ctx, storedDefinition(row)) : null;
    return { ...(await toReportOutput(ctx, row)), result };
  },
});
