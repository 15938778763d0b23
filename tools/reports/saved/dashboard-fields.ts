import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ReportVisibility } from '../../../db/generated/prisma/enums.ts';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput, notFound, ToolError } from '../../registry/errors.ts';
import { reportRequest, type ReportRequest } from '../report-request.ts';
import { checkDefinition } from './definition-check.ts';
import { CHART_TYPES, fromEnum, ownerOutput, ownersOf, VISIBILITIES } from './report-fields.ts';
import { mayView } from './visibility.ts';

/** Dashboards lay widgets on a grid this many columns wide. */
export const GRID_COLUMNS = 12;
const MAX_ROWS = 200;

export const widgetInput = z
  .object({
    id: z.string().min(1).max(64).optional().describe('update_dashboard: an existing widget\'s id, to keep it; omit for a new widget.'),
    title: z.string().trim().min(1).max(120),
    report_id: z.string().uuid().optional().describe('A saved report to show (list_reports); or give report.'),
    report: reportRequest.optional().describe('An inline run_report definition; or give report_id.'),
    chart: z.enum(CHART_TYPES).describe('line, bar, area, table or kpi.'),
    x: z.int().min(0).max(GRID_COLUMNS - 1).describe(`Column of its left edge (0-${GRID_COLUMNS - 1}).`),
    y: z.int().min(0).max(MAX_ROWS).describe('Row of its top edge (0 = top).'),
    w: z.int().min(1).max(GRID_COLUMNS).describe(`Width in columns (x + w <= ${GRID_COLUMNS}).`),
    h: z.int().min(1).max(24).describe('Height in rows.'),
  })
  .strict();
export type WidgetInput = z.output<typeof widgetInput>;

/** A widget as stored in Dashboard.widgets. */
export interface StoredWidget {
  id: string;
  title: string;
  report_id: string | null;
  report: ReportRequest | null;
  chart: (typeof CHART_TYPES)[number];
  x: number;
  y: number;
  w: number;
  h: number;
}

export const widgetOutput = z.object({
  id: z.string().describe('Stable across updates.'),
  title: z.string(),
  report_id: z.string().nullable(),
  report: reportRequest.nullable().describe('The inline definition, when it has no report_id.'),
  chart: z.enum(CHART_TYPES),
  x: z.int(),
  y: z.int(),
  w: z.int(),
  h: z.int(),
});

export const dashboardOutput = z.object({
  dashboard_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  visibility: z.enum(VISIBILITIES),
  owner: ownerOutput,
  widgets: z.array(widgetOutput),
  updated_at: z.string(),
});

export const dashboardFields = {
  name: z.string().trim().min(1).max(120).describe('Unique in the organisation.'),
  description: z.string().trim().max(1000).optional(),
  widgets: z.array(widgetInput).max(40).describe(`Widgets on a ${GRID_COLUMNS}-column grid: each shows a saved report (report_id) or an inline definition (report).`),
};

export type DashboardRow = {
  id: string;
  name: string;
  description: string | null;
  visibility: ReportVisibility;
  widgets: unknown;
  ownerId: string | null;
  updatedAt: Date;
};

/** A dashboard the caller may see; otherwise not_found. */
export async function loadVisibleDashboard(ctx: Pick<ToolContext, 'db' | 'actor'>, dashboardId: string): Promise<DashboardRow> {
  const row = await ctx.db.dashboard.findFirst({ where: { id: dashboardId } });
  if (!row || !mayView(ctx.actor, row)) throw notFound('dashboard', dashboardId);
  return row;
}

export function storedWidgets(row: Pick<DashboardRow, 'widgets'>): StoredWidget[] {
  return Array.isArray(row.widgets) ? (row.widgets as unknown as StoredWidget[]) : [];
}

/**
 * Checks widgets (one source each, inside the grid, not overlapping, saved reports the caller may
 * see, inline definitions that resolve) and gives each an id: kept when it names an existing one.
 */
export async function prepareWidgets(ctx: Pick<ToolContext, 'db' | 'actor'>, widgets: WidgetInput[], existing: StoredWidget[] = []): Promise<StoredWidget[]> {
  const known = new Set(existing.map((widget) => widget.id));
  // A kept widget's saved report is not checked again: whoever edits may not see it, and its viewers get a per-widget error.
  const seen = new Set<string>();
  const prepared: StoredWidget[] = [];
  for (const [index, widget] of widgets.entries()) {
    const at = `widgets[${index}]`;
    if ((widget.report_id === undefined) === (widget.report === undefined)) throw invalidInput(at, 'give exactly one of report_id (a saved report) or report (an inline definition).');
    if (widget.x + widget.w > GRID_COLUMNS) throw invalidInput(`${at}.w`, `x + w is ${widget.x + widget.w}, past the grid's ${GRID_COLUMNS} columns.`);
    if (widget.id !== undefined && (!known.has(widget.id) || seen.has(widget.id))) throw invalidInput(`${at}.id`, `"${widget.id}" is not a widget of this dashboard (omit id for a new widget).`);
    const overlapping = prepared.findIndex((other) => overlaps(other, widget));
    if (overlapping >= 0) throw invalidInput(at, `overlaps widgets[${overlapping}] ("${prepared[overlapping]!.title}"); move it or make it smaller.`);
    const unchanged = widget.id !== undefined && existing.find((old) => old.id === widget.id)?.report_id === widget.report_id;
    if (widget.report_id && !unchanged) {
      const report = await ctx.db.reportView.findFirst({ where: { id: widget.report_id }, select: { visibility: true, ownerId: true } });
      if (!report || !mayView(ctx.actor, report)) throw new ToolError('not_found', `${at}.report_id: no saved report with id ${widget.report_id} in this organisation.`, [{ path: `${at}.report_id`, message: 'not found' }]);
    }
    if (widget.report) await checkDefinition(ctx, widget.report, `${at}.report`);
    const id = widget.id ?? randomUUID();
    seen.add(id);
    prepared.push({ id, title: widget.title, report_id: widget.report_id ?? null, report: widget.report ?? null, chart: widget.chart, x: widget.x, y: widget.y, w: widget.w, h: widget.h });
  }
  return prepared;
}

function overlaps(a: Pick<StoredWidget, 'x' | 'y' | 'w' | 'h'>, b: Pick<StoredWidget, 'x' | 'y' | 'w' | 'h'>): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export async function toDashboardOutput(ctx: Pick<ToolContext, 'db'>, row: DashboardRow): Promise<z.input<typeof dashboardOutput>> {
  const owners = await ownersOf(ctx, [row.ownerId]);
  return {
    dashboard_id: row.id,
    name: row.name,
    description: row.description,
    visibility: fromEnum(row.visibility),
    owner: row.ownerId ? (owners.get(row.ownerId) ?? { user_id: row.ownerId, name: null, email: null }) : null,
    widgets: storedWidgets(row),
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function dashboardNameTaken(ctx: Pick<ToolContext, 'db'>, name: string, exceptId?: string): Promise<boolean> {
  return (await ctx.db.dashboard.findFirst({ where: { name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } })) !== null;
}
