import { z } from 'zod';
import { ATTRIBUTION_MODELS } from '../attribution/models.ts';
import { isoDate } from '../common/format.ts';

export const TIME_GRAINS = ['quarter_hour', 'hour', 'day', 'week', 'month', 'quarter'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

export const RANGE_UNITS = ['hour', 'day', 'week', 'month', 'quarter', 'year'] as const;
export type RangeUnit = (typeof RANGE_UNITS)[number];

export const FILTER_OPERATORS = ['eq', 'neq', 'in', 'not_in', 'contains', 'gt', 'gte', 'lt', 'lte'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export const dateRangeInput = z
  .union([
    z.object({
      from: isoDate.describe('First day (YYYY-MM-DD, inclusive, organisation time zone).'),
      to: isoDate.describe('Last day (inclusive).'),
    }).strict(),
    z.object({
      last: z.int().min(1).max(1000).describe('How many units, the current one included (last 7 days = the 6 days before today and today).'),
      unit: z.enum(RANGE_UNITS),
    }).strict(),
  ])
  .describe('{from, to} or {last, unit}.');
export type DateRangeInput = z.infer<typeof dateRangeInput>;

const filterValue = z.union([z.string(), z.number(), z.boolean()]);

export const reportFilter = z
  .object({
    field: z.string().min(1).max(200).describe('A dimension key (channel, campaign, data_source, ...) or a record field as payload.<path>.'),
    op: z.enum(FILTER_OPERATORS).default('eq'),
    value: z.union([filterValue, z.array(filterValue).min(1).max(500)]).describe('A list for in / not_in.'),
  })
  .strict();
export type ReportFilter = z.infer<typeof reportFilter>;

export const reportSort = z
  .object({ key: z.string().min(1).max(100).describe('A metric or dimension key of this report.'), direction: z.enum(['asc', 'desc']).default('desc') })
  .strict();

/** What run_report takes; a saved report stores exactly this. */
export const reportRequestFields = {
  metrics: z.array(z.string().min(1).max(100)).min(1).max(30).describe('Metric keys (list_metrics), e.g. ["spend","ctr","roas"].'),
  dimensions: z.array(z.string().min(1).max(200)).max(5).default([]).describe('Dimension keys to split by (channel, campaign, artist, platform, data_source, ...) or payload.<path>.'),
  filters: z.array(reportFilter).max(20).default([]),
  date_range: dateRangeInput,
  time_grain: z.enum(TIME_GRAINS).optional().describe('Adds a period column (first day of each period, organisation time zone).'),
  attribution_model: z.enum(ATTRIBUTION_MODELS).optional().describe('Model crediting revenue to channels and campaigns (default: the organisation setting, else linear).'),
  compare_to: z.enum(['previous_period']).optional().describe('Adds <metric>_previous and <metric>_change columns for the period just before.'),
  sort: z.array(reportSort).max(3).optional().describe('Default: by period, then the first metric, largest first.'),
  limit: z.int().min(1).max(5000).default(500).describe('Most rows returned (totals always cover every row).'),
};
export const reportRequest = z.object(reportRequestFields).strict();
export type ReportRequest = z.output<typeof reportRequest>;
export type ReportRequestInput = z.input<typeof reportRequest>;
