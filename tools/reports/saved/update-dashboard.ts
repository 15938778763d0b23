import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { dashboardFields, dashboardNameTaken, dashboardOutput, loadVisibleDashboard, prepareWidgets, storedWidgets, toDashboardOutput } from './dashboard-fields.ts';
import { toVisibility, visibilityInput } from './report-fields.ts';
import { assertMayChange } from './visibility.ts';

/** Renames a dashboard, changes its visibility, or replaces its widgets (keeping the ids of those it names). */
export const updateDashboard = defineTool({
  name: 'update_dashboard',
  title: 'Update a dashboard',
  description:
    "Changes a dashboard's name, description, visibility or widgets. widgets replaces the whole list: pass an existing widget's id to keep it (and its id), omit id for new ones. Its owner may, or a MANAGER and above for team and organisation dashboards.",
  area: 'reports',
  access: 'write',
  permission: 'reports:write',
  input: z.object({
    dashboard_id: z.string().uuid().describe('The dashboard (list_dashboards).'),
    name: dashboardFields.name.optional(),
    description: z.string().trim().max(1000).nullable().optional().describe('null clears it.'),
    visibility: visibilityInput.optional(),
    widgets: dashboardFields.widgets.optional(),
  }),
  output: dashboardOutput,
  hints: { idempotent: true },
  example: { dashboard_id: '00000000-0000-7000-8000-000000000000', name: 'Weekly overview (team)', visibility: 'team' },
  async handler(ctx, input) {
    const row = await loadVisibleDashboard(ctx, input.dashboard_id);
    assertMayChange(ctx.actor, row, 'dashboard');
    const visibility = input.visibility ? toVisibility(input.visibility) : undefined;
    if (visibility === 'PRIVATE' && row.ownerId !== ctx.actor.userId) throw invalidInput('visibility', 'only its owner may make a dashboard private.');
    const widgets = input.widgets ? await prepareWidgets(ctx, input.widgets, storedWidgets(row)) : undefined;
    if (input.name && (await dashboardNameTaken(ctx, input.name, row.id))) throw conflict(`A dashboard named "${input.name}" already exists in this organisation; choose another name.`);
    await ctx.db.dashboard.update({
      where: { id: row.id },
      data: {
        ...(input.name ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(visibility ? { visibility } : {}),
        ...(widgets ? { widgets: widgets as unknown as object } : {}),
      },
    });
    return toDashboardOutput(ctx, await loadVisibleDashboard(ctx, row.id));
  },
});
