import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { reportRequest } from '../report-request.ts';
import { checkDefinition } from './definition-check.ts';
import { categoryInput, chartSpec, loadVisibleReport, nameTaken, reportOutput, toCategory, toReportOutput, toVisibility, visibilityInput } from './report-fields.ts';
import { assertMayChange, assertMayWriteCategory } from './visibility.ts';

/** Changes a saved report's name, description, category, visibility, definition or chart. */
export const updateReport = defineTool({
  name: 'update_report',
  title: 'Update a saved report',
  description:
    "Changes a saved report's name, description, category, visibility, definition (replaced whole) or chart; fields left out stay. Its owner may, or a MANAGER and above for team and organisation reports.",
  area: 'reports',
  access: 'write',
  permission: 'reports:write',
  input: z.object({
    report_id: z.string().uuid().describe('The saved report (list_reports).'),
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().max(1000).nullable().optional().describe('null clears it.'),
    category: categoryInput.optional(),
    visibility: visibilityInput.optional(),
    definition: reportRequest.optional().describe('The new run_report input (replaces the stored one).'),
    chart: chartSpec.optional(),
  }),
  output: reportOutput,
  hints: { idempotent: true },
  example: { report_id: '00000000-0000-7000-8000-000000000000', visibility: 'team' },
  async handler(ctx, input) {
    const row = await loadVisibleReport(ctx, input.report_id);
    assertMayChange(ctx.actor, row, 'report');
    const category = input.category ? toCategory(input.category) : row.category;
    // Both the report as it is and as it would be: a CAMPAIGN_MANAGER may not touch other categories.
    assertMayWriteCategory(ctx.actor.role, row.category);
    assertMayWriteCategory(ctx.actor.role, category);
    const visibility = input.visibility ? toVisibility(input.visibility) : undefined;
    if (visibility === 'PRIVATE' && row.ownerId === null) throw invalidInput('visibility', 'this report has no owner, so it cannot be private; choose team or organization.');
    if (visibility === 'PRIVATE' && row.ownerId !== ctx.actor.userId) throw invalidInput('visibility', "only its owner may make a report private (it would disappear from everyone else's view, yours included).");
    if (input.definition) await checkDefinition(ctx, input.definition);
    if (input.name && (await nameTaken(ctx, input.name, row.id))) throw conflict(`A saved report named "${input.name}" already exists in this organisation; choose another name.`);
    await ctx.db.reportView.update({
      where: { id: row.id },
      data: {
        ...(input.name ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        category,
        ...(visibility ? { visibility } : {}),
        ...(input.definition ? { definition: input.definition as object } : {}),
        ...(input.chart ? { chart: input.chart as object } : {}),
      },
    });
    return toReportOutput(ctx, await loadVisibleReport(ctx, row.id));
  },
});
