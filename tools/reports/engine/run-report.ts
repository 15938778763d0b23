import { Prisma } from '../../../db/generated/prisma/client.ts';
import { loadAttributionSettings } from '../../attribution/engine/attribution-scope.ts';
import { DEFAULT_REPORT_MODEL, type AttributionModel } from '../../attribution/models.ts';
import type { ToolContext } from '../../registry/context.ts';
import { invalidInput } from '../../registry/errors.ts';
import { loadMetricLibrary } from '../metrics/metric-library.ts';
import type { ReportRequest } from '../report-request.ts';
import type { ReportResult } from '../report-result.ts';
import { attributionKey, queryAttributed, type AttributedMeasure } from './attributed-fact.ts';
import { BUILT_IN_FACTS, MARKETING_FIELDS, payloadNumber, recordsBranch } from './builtin-facts.ts';
import { queryLifetimeRevenue, queryRetention } from './customer-facts.ts';
import { payloadText, resolveDimension, type DimensionRef } from './dimensions.ts';
import { queryFact, SUM, type FactResult, type FactScope, type MeasureAggregate } from './fact-query.ts';
import { describeFilter, resolveFilter, type ResolvedFilter } from './filters.ts';
import { enumeratePeriods } from './periods.ts';
import { planReport, type BaseSource, type ReportPlan } from './report-plan.ts';
import { previousRange, resolveRange, type ReportRange } from './report-range.ts';
import { shapeResult, type ComputedRows } from './report-shape.ts';

/** Conversion measures that become attributed credit when the report splits by channel, campaign or artist. */
const ATTRIBUTABLE: Record<string, AttributedMeasure> = { revenue: 'revenue', conversions: 'conversions', new_customers: 'new_customers' };

/**
 * Runs a report: resolves its metrics (formulas down to base metrics), queries each fact the base
 * metrics come from once (grouped by period and dimensions, with a grand total), joins the rows,
 * then evaluates formulas on each row's aggregated inputs and on the totals.
 */
export async function runReport(ctx: ToolContext, request: ReportRequest): Promise<ReportResult> {
  return inReportSession(ctx, (session) => runInSession(session, request));
}

/**
 * One read transaction for every query of a report (one consistent snapshot), tuned for analytic
 * queries: JIT off (on Postgres, compiling a 20-expression aggregate over a million rows cost more
 * than running it) and room to sort and hash in memory. The context's db is that transaction's.
 */
function inReportSession<T>(ctx: ToolContext, work: (session: ToolContext) => Promise<T>): Promise<T> {
  return ctx.inTransaction(async (db) => {
    await db.$executeRawUnsafe('SET LOCAL jit = off');
    await db.$executeRawUnsafe("SET LOCAL work_mem = '128MB'");
    return work({ ...ctx, db, inTransaction: (inner) => inner(db) });
  });
}

async function runInSession(ctx: ToolContext, request: ReportRequest): Promise<ReportResult> {
  const library = await loadMetricLibrary(ctx.db);
  const plan = planReport(request.metrics, library);
  const dimensions = request.dimensions.map((key, index) => resolveDimension(key, library, `dimensions[${index}]`));
  dimensions.forEach((dimension, index) => {
    if (dimensions.findIndex((other) => other.key === dimension.key) !== index) throw invalidInput(`dimensions[${index}]`, `"${dimension.key}" is asked twice`);
  });
  const filters = request.filters.map((filter, index) => resolveFilter(filter, library, index));
  const range = resolveRange(request.date_range, ctx.org.timeZone, ctx.now());
  const grain = request.time_grain ?? null;
  const periods = grain ? enumeratePeriods(grain, range) : null;
  const model = await reportModel(ctx, request);
  const notes = new Set<string>();

  const usesAttribution = [...plan.bases.values()].some(({ source }) => source.kind === 'builtin' && (source.fact === 'attributed' || (source.fact === 'conversions' && attributionKey(dimensions) && source.measure in ATTRIBUTABLE)));
  const current = await computeRows(ctx, { plan, dimensions, filters, range, grain, model, notes, previous: previousRange(request.date_range, range, ctx.org.timeZone) });
  const comparison = request.compare_to === 'previous_period'
    ? await computeRows(ctx, { plan, dimensions, filters, range: previousRange(request.date_range, range, ctx.org.timeZone), grain, model, notes: new Set(), previous: previousRange(request.date_range, previousRange(request.date_range, range, ctx.org.timeZone), ctx.org.timeZone) })
    : null;
  if (usesAttribution) notes.add(`Revenue credited to ${attributionKey(dimensions) ?? 'channels'} under the ${model.replace('_', '-')} model (attribution_model).`);
  notes.add(describeMetrics(plan));
  if (filters.length) notes.add(`Filters: ${filters.map(describeFilter).join('; ')}.`);
  for (const note of await absentFieldNotes(ctx, [...dimensions, ...filters.map((filter) => filter.dimension)], range)) notes.add(note);
  return shapeResult({ ctx, request, plan, library, dimensions, range, grain, periods, current, comparison, model: usesAttribution ? model : null, notes: [...notes] });
}

/**
 * A record field no record of the range has (a typo, or a source not imported yet) splits every
 * row into "(none)" and filters everything out: the answer says so rather than leave bare zeros.
 * One EXISTS per field over the range's records (the rows the report reads anyway, by the
 * recorded_at index), reading the field as the report does (#>>, so a null is no value).
 */
async function absentFieldNotes(ctx: ToolContext, refs: readonly DimensionRef[], range: ReportRange): Promise<string[]> {
  const fields = new Map<string, { path: string[]; dataSource: string | null }>();
  for (const ref of refs) if ('payloadPath' in ref) fields.set(ref.key, { path: ref.payloadPath, dataSource: ref.dataSource });
  const notes: string[] = [];
  for (const [key, { path, dataSource }] of fields) {
    const [row] = await ctx.db.$queryRaw<Array<{ present: boolean }>>`
      SELECT EXISTS (
        SELECT 1 FROM "UnifiedRecord"
        WHERE "organizationId" = ${ctx.orgId}${dataSource ? Prisma.sql` AND "dataSource" = ${dataSource}` : Prisma.empty}
          AND "recordedAt" >= ${range.start}::timestamptz AND "recordedAt" < ${range.end}::timestamptz
          AND payload #>> ${path}::text[] IS NOT NULL
      ) AS present`;
    if (!row?.present) notes.push(`No record${dataSource ? ` from ${dataSource}` : ''} in the range has the field "${path.join('.')}" (${key}): check its spelling with list_data_sources.`);
  }
  return notes;
}

async function reportModel(ctx: ToolContext, request: ReportRequest): Promise<AttributionModel> {
  if (request.attribution_model) return request.attribution_model;
  return (await loadAttributionSettings(ctx)).default_model ?? DEFAULT_REPORT_MODEL;
}

interface ComputeRequest {
  plan: ReportPlan;
  dimensions: DimensionRef[];
  filters: ResolvedFilter[];
  range: ReportRange;
  grain: ReportRequest['time_grain'] | null;
  model: AttributionModel;
  notes: Set<string>;
  /** The period before `range` (retention's previous customers without a grain). */
  previous: ReportRange;
}

/** Each base metric's value per (period, dimensions) row and in total, one query per fact. */
async function computeRows(ctx: ToolContext, request: ComputeRequest): Promise<ComputedRows> {
  const scope: FactScope = { db: ctx.db, org: ctx.org, range: request.range, grain: request.grain ?? null, dimensions: request.dimensions, filters: request.filters, notes: request.notes };
  const key = attributionKey(request.dimensions);
  const byFact = new Map<string, Array<{ metric: string; measure: string }>>();
  const custom: Array<{ metric: string; source: Extract<BaseSource, { kind: 'payload' }>; aggregation: MeasureAggregate }> = [];
  for (const [metric, { spec, source }] of request.plan.bases) {
    if (source.kind === 'payload') {
      custom.push({ metric, source, aggregation: customAggregation(spec.aggregation, spec.weightKey, metric) });
      continue;
    }
    let fact = source.fact;
    if (fact === 'conversions' && key) {
      if (!(source.measure in ATTRIBUTABLE)) throw invalidInput('dimensions', `${metric} cannot be split by ${key}: conversions carry no ${key} (revenue, conversions and new_customers are attributed instead; cohort_report splits customers by first-touch channel)`);
      fact = 'attributed';
    }
    if ((fact === 'customers' || fact === 'retention') && key) throw invalidInput('dimensions', `${metric} cannot be split by ${key}; cohort_report splits customers by first-touch channel`);
    const list = byFact.get(fact) ?? [];
    list.push({ metric, measure: fact === 'attributed' && source.fact === 'conversions' ? ATTRIBUTABLE[source.measure]! : source.measure });
    byFact.set(fact, list);
  }
  const results: Array<{ result: FactResult; metrics: Array<{ metric: string; measure: string }> }> = [];
  for (const [fact, metrics] of byFact) {
    const measures = [...new Set(metrics.map((entry) => entry.measure))];
    let result: FactResult;
    if (fact === 'attributed') result = await queryAttributed({ ...scope, ctx, model: request.model }, measures as AttributedMeasure[]);
    else if (fact === 'customers') result = await queryLifetimeRevenue(scope);
    else if (fact === 'retention') result = await queryRetention(scope, request.previous);
    else {
      const builtIn = BUILT_IN_FACTS[fact];
      if (!builtIn) throw invalidInput('metrics', `metrics from "${fact}" are not available`);
      result = await queryFact(scope, await builtIn.branches(scope), measures.map((name) => ({ name, ...builtIn.measures[name]! })));
    }
    results.push({ result, metrics });
  }
  if (custom.length) {
    const branch = recordsBranch(scope, (name) => {
      const entry = custom.find((candidate) => candidate.metric === name);
      // A weight may be a built-in paid-media metric: records carry it as a payload field of that name.
      if (!entry) return (MARKETING_FIELDS as readonly string[]).includes(name) ? payloadNumber(Prisma.sql`u.payload`, [name]) : null;
      // Counts and distinct counts take any value (an email, an order id); the other aggregations numbers only.
      const value = entry.aggregation.text ? payloadText(Prisma.sql`u.payload`, entry.source.path) : payloadNumber(Prisma.sql`u.payload`, entry.source.path);
      return entry.source.dataSource ? Prisma.sql`CASE WHEN u."dataSource" = ${entry.source.dataSource} THEN ${value} END` : value;
    });
    const result = await queryFact(scope, [branch], custom.map((entry) => entry.aggregation));
    results.push({ result, metrics: custom.map((entry) => ({ metric: entry.metric, measure: entry.metric })) });
  }
  return mergeFacts(results, request.plan);
}

function customAggregation(aggregation: string | null, weightKey: string | null, metric: string): MeasureAggregate {
  switch (aggregation) {
    case 'avg': return { name: metric, aggregate: (column) => Prisma.sql`avg(${column})`, emptyAsZero: false };
    case 'count': return { name: metric, aggregate: (column) => Prisma.sql`count(${column})`, emptyAsZero: true, additive: true, text: true };
    case 'distinct': return { name: metric, aggregate: (column) => Prisma.sql`count(DISTINCT ${column})`, emptyAsZero: true, text: true };
    case 'weighted_avg':
      if (!weightKey) throw invalidInput('metrics', `metric "${metric}" is a weighted average without a weight; set weight_key with update_metric`);
      return {
        name: metric,
        weightMeasure: weightKey,
        aggregate: (column, weight) => Prisma.sql`sum(${column} * ${weight}) / nullif(sum(${weight}) FILTER (WHERE ${column} IS NOT NULL), 0)`,
        emptyAsZero: false,
      };
    default: return { name: metric, aggregate: SUM, emptyAsZero: true, additive: true };
  }
}

/** Rows keyed by period and dimension values, each with every base metric's value. */
function mergeFacts(results: Array<{ result: FactResult; metrics: Array<{ metric: string; measure: string }> }>, plan: ReportPlan): ComputedRows {
  const rows = new Map<string, { period: string | null; dimensions: (string | null)[]; values: Map<string, number | null> }>();
  const totals = new Map<string, number | null>();
  for (const { result, metrics } of results) {
    for (const row of result.rows) {
      const rowKey = JSON.stringify([row.period, ...row.dimensions]);
      const merged = rows.get(rowKey) ?? { period: row.period, dimensions: row.dimensions, values: new Map() };
      for (const { metric, measure } of metrics) merged.values.set(metric, row.values.get(measure) ?? null);
      rows.set(rowKey, merged);
    }
    for (const { metric, measure } of metrics) totals.set(metric, result.totals.get(measure) ?? null);
  }
  return { rows: [...rows.values()], totals, emptyAsZero: emptyAsZeroByMetric(plan) };
}

function emptyAsZeroByMetric(plan: ReportPlan): Map<string, boolean> {
  return new Map([...plan.bases].map(([metric, { spec }]) => [metric, spec.aggregation !== 'avg' && spec.aggregation !== 'weighted_avg']));
}

function describeMetrics(plan: ReportPlan): string {
  // Built-in base metrics are defined in the glossary; an organisation's own say where they come from.
  const parts = plan.requested.map(({ asked, spec }) => {
    if (spec.formula) return `${asked} = ${spec.formula}`;
    if (spec.builtIn) return asked;
    return `${asked} (${spec.aggregation ?? 'sum'} of ${spec.source})`;
  });
  return `Metrics: ${parts.join('; ')}.`;
}
