import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { reportRequest } from '../report-request.ts';
import { CATEGORIES, chartSpec, fromEnum } from './report-fields.ts';
import { REPORT_TEMPLATES } from './templates.ts';

/** The template library: ready-made reports to copy with save_report {from_template}. */
export const listReportTemplates = defineTool({
  name: 'list_report_templates',
  title: 'List report templates',
  description:
    'The report template library: weekly campaign performance, ROAS by channel and model, cohort LTV by first-touch channel, asset ROI by artist. run_report templates copy with save_report {from_template}; others name their tool and input.',
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({}),
  output: z.object({
    templates: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        description: z.string(),
        category: z.enum(CATEGORIES),
        tool: z.enum(['run_report', 'cohort_report']).describe('The tool it runs.'),
        definition: reportRequest.nullable().describe('run_report templates: the definition a copy stores.'),
        input: z.record(z.string(), z.unknown()).nullable().describe('Other tools: their input.'),
        chart: chartSpec,
        copyable: z.boolean().describe('save_report {from_template} can copy it.'),
      }),
    ),
  }),
  keywords: ['report templates', 'report gallery', 'starter reports'],
  example: {},
  async handler() {
    return {
      templates: REPORT_TEMPLATES.map((template) => ({
        key: template.key,
        name: template.name,
        description: template.description,
        category: fromEnum(template.category),
        tool: template.tool,
        definition: template.definition ? reportRequest.parse(template.definition) : null,
        input: template.input,
        chart: template.chart,
        copyable: template.definition !== null,
      })),
    };
  },
});
