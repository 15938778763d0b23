import { z } from 'zod';
import type { ReportCategory, ReportVisibility } from '../../../db/generated/prisma/enums.ts';
import type { ToolContext } from '../../registry/context.ts';
import { notFound, ToolError } from '../../registry/errors.ts';
import { reportRequest, type ReportRequest } from '../report-request.ts';
import { mayView } from './visibility.ts';

export const CATEGORIES = ['campaign_performance', 'asset_roi', 'customer_journey', 'roas_analysis'] as const;
export const VISIBILITIES = ['private', 'team', 'organization'] as const;
export const CHART_TYPES = ['line', 'bar', 'area', 'table', 'kpi'] as const;

export const categoryInput = z.enum(CATEGORIES).describe('campaign_performance, asset_roi, customer_journey or roas_analysis.');
export const visibilityInput = z
  .enum(VISIBILITIES)
  .describe('private (only you), team (every member but viewers) or organization (everyone, viewers included).');

export const chartSpec = z
  .object({
    type: z.enum(CHART_TYPES).describe('line, bar, area, table or kpi.'),
    x: z.string().min(1).max(200).optional().describe('The column on the x axis (period or a dimension key).'),
    y: z.array(z.string().min(1).max(100)).max(10).optional().describe('Metric keys plotted.'),
    stacked: z.boolean().optional().describe('Stack the series (bar and area).'),
  })
  .strict();
export type ChartSpec = z.infer<typeof chartSpec>;

export const toCategory = (value: (typeof CATEGORIES)[number]) => value.toUpperCase() as ReportCategory;
export const toVisibility = (value: (typeof VISIBILITIES)[number]) => value.toUpperCase() as ReportVisibility;
export const fromEnum = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;

export const ownerOutput = z.object({ user_id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).nullable().describe('Who owns it (null: nobody).');

export const reportSummary = z.object({
  report_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  category: z.enum(CATEGORIES),
  visibility: z.enum(VISIBILITIES),
  owner: ownerOutput,
  metrics: z.array(z.string()),
  dimensions: z.array(z.string()),
  template_key: z.string().nullable(),
  updated_at: z.string(),
});

export const reportOutput = reportSummary.extend({
  definition: reportRequest.describe('The run_report input it runs.'),
  chart: chartSpec,
  created_at: z.string(),
});

export type ReportRow = {
  id: string;
  name: string;
  description: string | null;
  category: ReportCategory;
  visibility: ReportVisibility;
  definition: unknown;
  chart: unknown;
  templateKey: string | null;
  ownerId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** A saved report the caller may see; otherwise not_found, whether it exists or not (no existence leak). */
export async function loadVisibleReport(ctx: Pick<ToolContext, 'db' | 'actor'>, reportId: string): Promise<ReportRow> {
  const row = await ctx.db.reportView.findFirst({ where: { id: reportId } });
  if (!row || !mayView(ctx.actor, row)) throw notFound('saved report', reportId);
  return row;
}

/** The stored definition, with run_report's defaults filled in. */
export function storedDefinition(row: Pick<ReportRow, 'definition' | 'name'>): ReportRequest {
  const parsed = reportRequest.safeParse(row.definition);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ToolError('invalid_input', `The saved report "${row.name}" no longer fits run_report's input (${issue?.path.join('.') || 'definition'}: ${issue?.message}); give it a new definition with update_report.`);
}

/** Keys listed in summaries, read leniently so one outdated definition cannot break a listing. */
function keysOf(definition: unknown, field: 'metrics' | 'dimensions'): string[] {
  const value = definition && typeof definition === 'object' ? (definition as Record<string, unknown>)[field] : undefined;
  return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
}

/** Owners' names and emails, by user id (members of this organisation only). */
export async function ownersOf(ctx: Pick<ToolContext, 'db'>, ids: Array<string | null>): Promise<Map<string, z.infer<typeof ownerOutput>>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const users = await ctx.db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((user) => [user.id, { user_id: user.id, name: user.name, email: user.email }]));
}

export function toReportSummary(row: ReportRow, owners: Map<string, z.infer<typeof ownerOutput>>): z.input<typeof reportSummary> {
  return {
    report_id: row.id,
    name: row.name,
    description: row.description,
    category: fromEnum(row.category),
    visibility: fromEnum(row.visibility),
    owner: row.ownerId ? (owners.get(row.ownerId) ?? { user_id: row.ownerId, name: null, email: null }) : null,
    metrics: keysOf(row.definition, 'metrics'),
    dimensions: keysOf(row.definition, 'dimensions'),
    template_key: row.templateKey,
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function toReportOutput(ctx: Pick<ToolContext, 'db'>, row: ReportRow): Promise<z.input<typeof reportOutput>> {
  const owners = await ownersOf(ctx, [row.ownerId]);
  const chart = chartSpec.safeParse(row.chart);
  return { ...toReportSummary(row, owners), definition: storedDefinition(row), chart: chart.success ? chart.data : { type: 'table' }, created_at: row.createdAt.toISOString() };
}

/** Another report of the organisation already has this name: unique per organisation. */
export async function nameTaken(ctx: Pick<ToolContext, 'db'>, name: string, exceptId?: string): Promise<boolean> {
  const existing = await ctx.db.reportView.findFirst({ where: { name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  return existing !== null;
}
