import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { describeProblem, dependencyTree, libraryProblems, usersOf } from './metric-dependencies.ts';
import { loadMetricLibrary } from './metric-library.ts';
import { findMetric } from './metric-lookup.ts';
import { metricOutput, toMetricOutput, treeOutput } from './metric-view.ts';

export const explainMetric = defineTool({
  name: 'explain_metric',
  title: 'Explain a metric',
  description:
    'What a metric or dimension is: its definition (formula or source, aggregation), aliases, what it uses down to base metrics, and which metrics use it.',
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({
    key: z.string().trim().min(1).describe('Metric or dimension key, or an alias.'),
  }),
  output: z.object({
    metric: metricOutput,
    resolved_from: z.string().nullable().describe('The alias asked for, when it was one.'),
    tree: treeOutput.describe('What it uses, each with its formula or source, down to base metrics.'),
    used_by: z.array(z.object({ key: z.string(), label: z.string(), active: z.boolean(), via: z.string().describe('formula or weight.') })),
    problem: z.string().nullable().describe('Why it cannot be computed now (an input switched off...), if so.'),
  }),
  keywords: ['how is it calculated', 'metric definition', 'what does roas mean', 'formula of'],
  example: { key: 'roas' },
  async handler(ctx, input) {
    const library = await loadMetricLibrary(ctx.db);
    const spec = findMetric(library, input.key);
    const problem = spec.active ? libraryProblems(library).get(spec.key) : undefined;
    return {
      metric: toMetricOutput(spec),
      resolved_from: spec.key === input.key ? null : input.key,
      tree: dependencyTree(library, spec),
      used_by: usersOf(library, spec.key),
      problem: problem ? describeProblem(problem, spec.formula ?? undefined) : null,
    };
  },
});
