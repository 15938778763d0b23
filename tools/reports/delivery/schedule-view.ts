import { z } from 'zod';
import type { ReportFormat } from '../../../db/generated/prisma/enums.ts';
import type { ToolContext } from '../../registry/context.ts';
import { notFound } from '../../registry/errors.ts';
import { visibleWhere } from '../saved/visibility.ts';
import { describeCadence } from './cadence.ts';

export const FORMATS = ['csv', 'pdf', 'inline'] as const;
export type DeliveryFormat = (typeof FORMATS)[number];
export const toFormatColumn = (format: DeliveryFormat): ReportFormat => format.toUpperCase() as ReportFormat;

/** A schedule as every delivery tool answers it. */
export const scheduleView = z.object({
  schedule_id: z.string(),
  report_id: z.string(),
  report_name: z.string(),
  cron: z.string().describe('Five-field cron in time_zone.'),
  cadence: z.string().describe('The cron in words.'),
  time_zone: z.string(),
  slack_channel: z.string().nullable(),
  emails: z.array(z.string()),
  format: z.enum(FORMATS),
  is_active: z.boolean(),
  next_run_at: z.string().nullable().describe('Next delivery (ISO, UTC); null when inactive.'),
  last_run_at: z.string().nullable(),
  last_delivery: z
    .object({ period: z.string(), status: z.string(), error: z.string().nullable() })
    .nullable()
    .describe('The latest period delivered or tried.'),
});
export type ScheduleView = z.infer<typeof scheduleView>;

/** What a schedule view is read from. */
export const scheduleSelect = {
  id: true, reportViewId: true, cron: true, timeZone: true, slackChannel: true, emails: true, format: true, isActive: true, nextRunAt: true, lastRunAt: true,
  reportView: { select: { name: true } },
  deliveries: { select: { periodKey: true, status: true, error: true }, orderBy: { periodKey: 'desc' as const }, take: 1 },
};

type ScheduleRow = {
  id: string; reportViewId: string; cron: string; timeZone: string; slackChannel: string | null; emails: string[]; format: ReportFormat;
  isActive: boolean; nextRunAt: Date | null; lastRunAt: Date | null; reportView: { name: string }; deliveries: Array<{ periodKey: string; status: string; error: string | null }>;
};

export function toScheduleView(row: ScheduleRow): ScheduleView {
  const last = row.deliveries[0];
  return {
    schedule_id: row.id,
    report_id: row.reportViewId,
    report_name: row.reportView.name,
    cron: row.cron,
    cadence: describeCadence(row.cron, row.timeZone),
    time_zone: row.timeZone,
    slack_channel: row.slackChannel,
    emails: row.emails,
    format: row.format.toLowerCase() as DeliveryFormat,
    is_active: row.isActive,
    next_run_at: row.isActive ? (row.nextRunAt?.toISOString() ?? null) : null,
    last_run_at: row.lastRunAt?.toISOString() ?? null,
    last_delivery: last ? { period: last.periodKey, status: last.status, error: last.error } : null,
  };
}

/** Saved reports the caller may see (the saved reports' one visibility rule). */
export function visibleReports(ctx: ToolContext) {
  return visibleWhere(ctx.actor);
}

/** A saved report the caller may see, or not_found (another organisation's, or someone's private one, reads the same). */
export async function loadVisibleReport(ctx: ToolContext, reportId: string) {
  const report = await ctx.db.reportView.findFirst({ where: { id: reportId, ...visibleReports(ctx) }, select: { id: true, name: true, definition: true } });
  if (!report) throw notFound('saved report', reportId);
  return report;
}
