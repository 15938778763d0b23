import { z } from 'zod';

export const COLUMN_ROLES = ['period', 'dimension', 'metric', 'comparison'] as const;
export const COLUMN_TYPES = ['string', 'integer', 'float', 'currency', 'boolean', 'date', 'timestamp', 'percent'] as const;

export const reportColumn = z.object({
  key: z.string().describe('The key each row uses for this column.'),
  label: z.string(),
  role: z.enum(COLUMN_ROLES),
  type: z.enum(COLUMN_TYPES),
  unit: z.string().nullable().describe('The currency code for money, "ratio" for 0-1 ratios, "percent" for changes, else null.'),
});
export type ReportColumn = z.infer<typeof reportColumn>;

export const reportCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ReportCell = z.infer<typeof reportCell>;

/** run_report's answer; exports, schedules, dashboards and the web UI all read this shape. */
export const reportResult = z.object({
  columns: z.array(reportColumn),
  rows: z.array(z.record(z.string(), reportCell)).describe('One object per row, keyed by column key.'),
  totals: z.record(z.string(), z.number().nullable()).describe('Each metric over every row (ratios are ratios of sums).'),
  currency: z.string(),
  time_zone: z.string(),
  date_range: z.object({ from: z.string(), to: z.string() }).describe('The resolved range (YYYY-MM-DD, inclusive).'),
  time_grain: z.string().nullable(),
  attribution_model: z.string().nullable().describe('The model attributed revenue used, when any metric needed one.'),
  total_rows: z.int().describe('Rows before the limit.'),
  notes: z.array(z.string()).describe('What the figures rest on: metrics used, filters, data left out and why.'),
});
export type ReportResult = z.infer<typeof reportResult>;
