import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, ToolError } from '../../registry/errors.ts';
import { checkChange, loadForChange, storeOverride, storeOwn } from './metric-changes.ts';
import { findMetric } from './metric-lookup.ts';
import { metricOutput, toMetricOutput } from './metric-view.ts';

export const deactivateMetric = defineTool({
  name: 'deactivate_metric',
  title: 'Deactivate or reactivate a metric',
  description:
    "Switches a metric or dimension (built in or the organisation's own) off, so reports and formulas can no longer use it, or back on with reactivate: true. Refused while an active calculated metric uses it (they are named). Admins only.",
  area: 'reports',
  access: 'write',
  permission: 'org:admin',
  input: z.object({
    key: z.string().trim().min(1).describe('The metric or dimension (key or alias).'),
    reactivate: z.boolean().default(false).describe('true switches it back on (its formula must still hold).'),
  }),
  output: z.object({
    metric: metricOutput,
    changed: z.boolean().describe('false when it already was in that state.'),
  }),
  hints: { idempotent: true },
  keywords: ['disable metric', 'hide metric', 'remove metric', 'enable metric'],
  example: { key: 'frequency' },
  async handler(ctx, input) {
    const library = await loadForChange(ctx);
    const current = findMetric(library, input.key);
    const active = input.reactivate;
    if (current.active === active) return { metric: toMetricOutput(current), changed: false };
    const next = { ...current, active };
    try {
      checkChange(library, next);
    } catch (error) {
      // Its own formula or weight no longer holds: not a fault of this call's input.
      if (error instanceof ToolError && error.code === 'invalid_input') throw conflict(`${current.key} cannot be reactivated: ${error.message}`);
      throw error;
    }
    if (current.builtIn) await storeOverride(ctx, current.key, { active });
    else await storeOwn(ctx, next);
    return { metric: toMetricOutput(next), changed: true };
  },
});
