import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { ToolError } from '../../registry/errors.ts';
import { checkChange } from './metric-changes.ts';
import { checkFormula, dependencyTree, parseCached, withSpec, type MetricProblem } from './metric-dependencies.ts';
import { formulaInput } from './metric-fields.ts';
import { loadMetricLibrary } from './metric-library.ts';
import type { MetricSpec } from './metric-spec.ts';
import { treeOutput, type TreeOutput } from './metric-view.ts';

export const validateFormula = defineTool({
  name: 'validate_formula',
  title: 'Check a formula',
  description:
    'Checks a calculated metric\'s formula without saving anything: it parses, every name is an active metric (aliases resolve), and, given the key it is for, it makes no cycle. Returns the metrics it uses as a tree, or where and why it fails.',
  area: 'reports',
  access: 'read',
  permission: 'reports:read',
  input: z.object({
    formula: formulaInput.describe('The formula, e.g. (revenue - spend) / streams.'),
    key: z.string().trim().optional().describe('The metric it is for (new or existing), so self-use and cycles are caught.'),
  }),
  output: z.object({
    valid: z.boolean(),
    references: z.array(z.string()).describe('The metric keys it uses (aliases resolved) in order; the names as written when invalid.'),
    tree: treeOutput.nullable().describe('What it uses, down to base metrics; null when invalid.'),
    error: z
      .object({ position: z.number().int().nullable().describe('1-based character the problem is at (null when it is not one place).'), message: z.string() })
      .optional(),
  }),
  keywords: ['check formula', 'formula syntax', 'metric builder'],
  example: { formula: 'revenue / streams', key: 'revenue_per_stream' },
  async handler(ctx, input) {
    const library = await loadMetricLibrary(ctx.db);
    const formula = input.formula.trim();
    const target = input.key ? library.resolve(input.key) : undefined;
    const invalid = (problem: Pick<MetricProblem, 'position' | 'message'>) => {
      const parsed = parseCached(formula);
      const references = 'references' in parsed ? parsed.references : [];
      return { valid: false, references, tree: null, error: { position: problem.position === null ? null : problem.position + 1, message: problem.message } };
    };
    if (target?.builtIn) return invalid({ position: null, message: `${target.key} is built in; its formula cannot change (define a new metric instead)` });
    if (target?.kind === 'dimension') return invalid({ position: null, message: `${target.key} is a dimension; only metrics have formulas` });
    const spec = formulaSpec(formula, target, input.key);
    const after = withSpec(library, spec);
    const checked = checkFormula(after, formula, input.key ? spec.key : undefined);
    if ('message' in checked) return invalid(checked);
    try {
      // Cycles, and other metrics it would break (a weight turned into a formula).
      checkChange(library, spec);
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      return invalid({ position: null, message: error.issues[0]?.message ?? error.message });
    }
    const tree: TreeOutput = dependencyTree(after, spec);
    return { valid: true, references: checked.uses, tree };
  },
});

/** The metric the formula would belong to: the existing one changed, or a new one (placeholder key when none is given). */
function formulaSpec(formula: string, target: MetricSpec | undefined, key: string | undefined): MetricSpec {
  if (target) return { ...target, formula, source: null, aggregation: null, weightKey: null, active: true };
  const placeholder = key || '(formula)';
  return {
    key: placeholder, label: key ? key : 'New metric', description: '', category: 'calculated', kind: 'metric', dataType: 'float', display: 'number',
    aggregation: null, weightKey: null, source: null, formula, aliases: [], active: true, builtIn: false,
  };
}
