import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { reportRequest } from '../report-request.ts';
import { checkDefinition } from './definition-check.ts';
import { categoryInput, chartSpec, loadVisibleReport, nameTaken, reportOutput, toCategory, toReportOutput, toVisibility, visibilityInput } from './report-fields.ts';
import { findTemplate, TEMPLATE_KEYS } from './templates.ts';
import { assertMayWriteCategory } from './visibility.ts';

/** Saves a run_report definition under a name, or copies a template from the library. */
export const saveReport = defineTool({
  name: 'save_report',
  title: 'Save a report',
  description:
    'Saves a run_report definition (metrics, dimensions, filters, date range...) as a named report with a chart, or copies a template (from_template, list_report_templates) with the name, category, definition or chart overridden. Visibility: private (default), team or organization.',
  area: 'reports',
  access: 'write',
  permission: 'reports:write',
  input: z.object({
    name: z.string().trim().min(1).max(120).optional().describe("Unique in the organisation; default: the template's name."),
    description: z.string().trim().max(1000).optional(),
    category: categoryInput.optional().describe("campaign_performance, asset_roi, customer_journey or roas_analysis; default: the template's."),
    visibility: visibilityInput.default('private'),
    definition: reportRequest.optional().describe("The run_report input to store (required unless from_template; replaces the template's)."),
    chart: chartSpec.optional().describe('How to draw it; default: a table (or the template\'s chart).'),
    from_template: z.enum(TEMPLATE_KEYS).optional().describe('A template key (list_report_templates) to copy.'),
  }),
  output: reportOutput,
  keywords: ['save report', 'bookmark report', 'report template', 'copy template'],
  example: { name: 'Weekly spend by channel', category: 'campaign_performance', definition: { metrics: ['spend', 'roas'], dimensions: ['channel'], date_range: { last: 7, unit: 'day' } } },
  async handler(ctx, input) {
    const template = input.from_template ? findTemplate(input.from_template)! : undefined;
    if (template && !template.definition) {
      throw invalidInput('from_template', `${template.key} runs ${template.tool}, not run_report, so it cannot be saved as a report: call ${template.tool} with ${JSON.stringify(template.input)}.`);
    }
    const definition = input.definition ?? (template?.definition ? reportRequest.parse(template.definition) : undefined);
    if (!definition) throw invalidInput('definition', 'is required (the run_report input to save), unless from_template names a template to copy.');
    const name = input.name ?? template?.name;
    if (!name) throw invalidInput('name', 'is required unless from_template names a template to copy.');
    const category = input.category ? toCategory(input.category) : template?.category;
    if (!category) throw invalidInput('category', 'is required unless from_template names a template to copy.');
    const visibility = toVisibility(input.visibility);
    if (visibility === 'PRIVATE' && !ctx.actor.userId) throw invalidInput('visibility', 'a private report needs a signed-in owner; this caller has no user, so choose team or organization.');
    assertMayWriteCategory(ctx.actor.role, category);
    await checkDefinition(ctx, definition);
    if (await nameTaken(ctx, name)) throw conflict(`A saved report named "${name}" already exists in this organisation (perhaps another member's private one); choose another name.`);
    const created = await ctx.db.reportView.create({
      data: {
        organizationId: ctx.orgId,
        name,
        description: input.description ?? template?.description ?? null,
        category,
        visibility,
        definition: definition as object,
        chart: (input.chart ?? template?.chart ?? { type: 'table' }) as object,
        templateKey: template?.key ?? null,
        ownerId: ctx.actor.userId,
      },
    });
    return toReportOutput(ctx, await loadVisibleReport(ctx, created.id));
  },
});
