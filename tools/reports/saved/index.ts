import type { AnyTool } from '../../registry/define-tool.ts';
import { createDashboard } from './create-dashboard.ts';
import { deleteReport } from './delete-report.ts';
import { getDashboard } from './get-dashboard.ts';
import { getReport } from './get-report.ts';
import { listDashboards } from './list-dashboards.ts';
import { listReportTemplates } from './list-report-templates.ts';
import { listReports } from './list-reports.ts';
import { saveReport } from './save-report.ts';
import { updateDashboard } from './update-dashboard.ts';
import { updateReport } from './update-report.ts';

/** Saved reports, the template library and dashboards (issue 19). */
export const SAVED_TOOLS: AnyTool[] = [
  saveReport,
  updateReport,
  listReports,
  getReport,
  deleteReport,
  listReportTemplates,
  createDashboard,
  updateDashboard,
  getDashboard,
  listDashboards,
];
