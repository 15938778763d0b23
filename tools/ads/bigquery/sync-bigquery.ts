import { z } from 'zod';
import { isoDate } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, notFound } from '../../registry/errors.ts';
import { requireBigQuery } from './bigquery-config.ts';
import { syncBigQuerySource, syncRange } from './bigquery-sync.ts';

export const BIGQUERY_SYNC_JOB = 'ads.bigquery.sync';

const sourceOutcome = z.object({
  source: z.string(),
  from: z.string(),
  to: z.string(),
  rows_read: z.number().describe('Rows the query returned.'),
  metric_rows: z.number().describe('Campaign-days stored (finer rows summed).'),
  spend_rows: z.number(),
  accounts_created: z.number().describe('Ad accounts first seen in the table (created without a connection).'),
  campaigns_created: z.number(),
  skipped_rows: z.number(),
  skipped_examples: z.array(z.string()).describe('Why rows were skipped (up to 5).'),
  outcome: z.enum(['succeeded', 'partial', 'failed']),
  error: z.string().nullable(),
});

export const syncBigquery = defineTool({
  name: 'sync_bigquery',
  title: 'Sync from BigQuery',
  description:
    "Reads daily campaign metrics from the organisation's BigQuery sources (set_bigquery_source) into ad accounts, campaigns, daily metrics and spend; a day read again replaces the stored one. Default range: 3 days before the last day read (first time 30 days) to today. Queued unless wait is true.",
  area: 'ads',
  access: 'write',
  permission: 'ads:write',
  ownTransactions: true,
  hints: { idempotent: true, openWorld: true },
  keywords: ['bigquery', 'data warehouse', 'import ad spend', 'refresh metrics'],
  input: z.object({
    source: z.string().trim().min(1).max(100).optional().describe('Name of one source; default all.'),
    from: isoDate.optional().describe('First day to read (YYYY-MM-DD).'),
    to: isoDate.optional().describe('Last day to read (YYYY-MM-DD); default today.'),
    wait: z.boolean().default(false).describe('True: read now and answer with the counts; false: queue it.'),
  }),
  output: z.object({
    status: z.enum(['queued', 'synced']),
    sources: z.array(sourceOutcome).describe('What each source read (synced); empty when queued.'),
    queued: z.array(z.string()).describe('Sources queued.'),
  }),
  example: { source: 'Warehouse', from: '2026-11-01', to: '2026-11-30', wait: true },
  async handler(ctx, input) {
    const sources = await ctx.db.bigQuerySource.findMany({ where: input.source ? { name: input.source } : {}, orderBy: { name: 'asc' } });
    if (input.source && sources.length === 0) throw notFound('BigQuery source', input.source);
    if (sources.length === 0) throw conflict('No BigQuery source is set: add one with set_bigquery_source (project, dataset, table and column map).');
    // Refuse at once (not in the queue) when BigQuery is not configured or the key is unusable.
    requireBigQuery();
    const ranges = sources.map((source) => syncRange(source, input, ctx.org.timeZone, ctx.now()));
    if (!input.wait) {
      sources.forEach((source, index) => {
        ctx.jobs.enqueue({ name: BIGQUERY_SYNC_JOB, payload: { organizationId: ctx.orgId, source: source.name, ...(input.from ? { from: ranges[index]!.from } : {}), ...(input.to ? { to: ranges[index]!.to } : {}) } });
      });
      return { status: 'queued' as const, sources: [], queued: sources.map((source) => source.name) };
    }
    const outcomes = [];
    for (const [index, source] of sources.entries()) {
      ctx.progress({ progress: index, total: sources.length, message: `Reading ${source.name}` });
      outcomes.push(await syncBigQuerySource(ctx, source, ranges[index]!, ctx.actor.surface === 'JOB' ? 'schedule' : 'manual'));
    }
    return { status: 'synced' as const, sources: outcomes, queued: [] };
  },
});
