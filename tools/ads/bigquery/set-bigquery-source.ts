import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput, ToolError } from '../../registry/errors.ts';
import { loadMetricLibrary } from '../../reports/metrics/metric-library.ts';
import { adsSettings } from '../ads-settings.ts';
import { requireBigQuery } from './bigquery-config.ts';
import { buildQuery, checkColumnMap, DATASET, PROJECT_ID, TABLE } from './column-map.ts';

export const bigQuerySourceOutput = z.object({
  source_id: z.string(),
  name: z.string(),
  project_id: z.string(),
  dataset: z.string(),
  table: z.string(),
  column_map: z.record(z.string(), z.string()).describe('Metric or column key -> the table column that holds it.'),
  synced_through: z.string().nullable().describe('Last day read; the next read starts 3 days before it.'),
  query: z.string().describe('The standard-SQL query sync_bigquery runs (@from and @to are query parameters).'),
  created: z.boolean(),
});

export const setBigQuerySource = defineTool({
  name: 'set_bigquery_source',
  title: 'Set a BigQuery source',
  description:
    'Creates or replaces (by name) a BigQuery table of daily campaign metrics for sync_bigquery: project, dataset, table and which column holds each key (date, platform, account_id, campaign_id and spend required; account_name, campaign_name, currency, impressions, clicks, conversions, conversion_value, reach, frequency, video_views, video_p25..video_p100 optional). Metric keys follow the reports metric library (aliases such as cost work).',
  area: 'ads',
  access: 'write',
  permission: 'ads:write',
  hints: { idempotent: true },
  keywords: ['bigquery', 'data warehouse', 'gcp', 'warehouse table', 'column mapping'],
  input: z.object({
    name: z.string().trim().min(1, 'must not be empty').max(100).describe('What to call it (sync_bigquery takes it); the same name replaces the source.'),
    project_id: z.string().trim().optional().describe("Google Cloud project that holds the dataset; default GCP_PROJECT_ID (or the service account's project)."),
    dataset: z.string().trim().regex(DATASET, 'use letters, digits and underscores').describe('BigQuery dataset.'),
    table: z.string().trim().regex(TABLE, 'use letters, digits, underscores and dashes').describe('Table (or view) with one row per campaign and day (finer rows are summed).'),
    column_map: z.record(z.string(), z.string().trim()).describe('Key -> column, e.g. {"date": "day", "platform": "network", "account_id": "account", "campaign_id": "campaign_id", "spend": "cost"}.'),
  }),
  output: bigQuerySourceOutput,
  example: { name: 'Warehouse', project_id: 'acme-marketing', dataset: 'ads', table: 'daily_campaigns', column_map: { date: 'day', platform: 'network', account_id: 'account_id', campaign_id: 'campaign_id', campaign_name: 'campaign', spend: 'cost', impressions: 'impressions', clicks: 'clicks' } },
  async handler(ctx, input) {
    const { map, issues } = checkColumnMap(input.column_map, await loadMetricLibrary(ctx.db));
    if (issues.length) throw new ToolError('invalid_input', `The column map has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}.`, issues);
    const projectId = input.project_id || adsSettings().bigquery.projectId || keyProject();
    if (!projectId) throw invalidInput('project_id', 'give the Google Cloud project that holds the dataset (no GCP_PROJECT_ID is set)');
    if (!PROJECT_ID.test(projectId)) throw invalidInput('project_id', `"${projectId.slice(0, 60)}" is not a Google Cloud project id (6-30 lower-case letters, digits and dashes)`);
    const existing = await ctx.db.bigQuerySource.findFirst({ where: { name: input.name } });
    const data = { projectId, dataset: input.dataset, table: input.table, columnMap: map };
    // A different table or mapping starts over: the next read covers the first 30 days again.
    const moved = existing && (existing.projectId !== projectId || existing.dataset !== input.dataset || existing.table !== input.table || JSON.stringify(existing.columnMap) !== JSON.stringify(map));
    const source = existing
      ? await ctx.db.bigQuerySource.update({ where: { id: existing.id }, data: { ...data, ...(moved ? { syncedThrough: null } : {}) } })
      : await ctx.db.bigQuerySource.create({ data: { organizationId: ctx.orgId, name: input.name, ...data } });
    return {
      source_id: source.id,
      name: source.name,
      project_id: source.projectId,
      dataset: source.dataset,
      table: source.table,
      column_map: map as Record<string, string>,
      synced_through: source.syncedThrough?.toISOString().slice(0, 10) ?? null,
      query: buildQuery({ projectId, dataset: input.dataset, table: input.table, columnMap: map }),
      created: !existing,
    };
  },
});

/** The service account's own project, when a key is configured. */
function keyProject(): string | null {
  try {
    return requireBigQuery().key.projectId;
  } catch {
    return null;
  }
}
