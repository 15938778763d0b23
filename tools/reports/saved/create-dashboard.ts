import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { dashboardFields, dashboardNameTaken, dashboardOutput, loadVisibleDashboard, prepareWidgets, toDashboardOutput } from './dashboard-fields.ts';
import { toVisibility, visibilityInput } from './report-fields.ts';

/** A named grid of report widgets. */
export const createDashboard = defineTool({
  name: 'create_dashboard',
  title: 'Create a dashboard',
  description:
    'Creates a dashboard: widgets on a 12-column grid (x, y, w, h), each a saved report (report_id) or an inline run_report definition (report), drawn as line, bar, area, table or kpi. Visibility: private (default), team or organization.',
  area: 'reports',
  access: 'write',
  permission: 'reports:write',
  input: z.object({ ...dashboardFields, visibility: visibilityInput.default('private') }),
  output: dashboardOutput,
  keywords: ['new dashboard', 'board', 'widgets'],
  example: {
    name: 'Weekly overview',
    widgets: [{ title: 'Spend by channel', report: { metrics: ['spend'], dimensions: ['channel'], date_range: { last: 7, unit: 'day' } }, chart: 'bar', x: 0, y: 0, w: 6, h: 4 }],
  },
  async handler(ctx, input) {
    const visibility = toVisibility(input.visibility);
    if (visibility === 'PRIVATE' && !ctx.actor.userId) throw invalidInput('visibility', 'a private dashboard needs a signed-in owner; this caller has no user, so choose team or organization.');
    const widgets = await prepareWidgets(ctx, input.widgets);
    if (await dashboardNameTaken(ctx, input.name)) throw conflict(`A dashboard named "${input.name}" already exists in this organisation (perhaps another member's private one); choose another name.`);
    const created = await ctx.db.dashboard.create({
      data: { organizationId: ctx.orgId, name: input.name, description: input.description ?? null, visibility, widgets: widgets as unknown as object, ownerId: ctx.actor.userId },
    });
    return toDashboardOutput(ctx, await loadVisibleDashboard(ctx, created.id));
  },
});
