import type { AnyTool } from '../../registry/define-tool.ts';
import { deactivateMetric } from './deactivate-metric.ts';
import { defineMetric } from './define-metric.ts';
import { explainMetric } from './explain-metric.ts';
import { listMetrics } from './list-metrics.ts';
import { updateMetric } from './update-metric.ts';
import { validateFormula } from './validate-formula.ts';

/** The metric library's tools: list and explain (reports:read), check a formula, and configure (org:admin). */
export const METRICS_TOOLS: AnyTool[] = [listMetrics, explainMetric, validateFormula, defineMetric, updateMetric, deactivateMetric];
