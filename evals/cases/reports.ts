import type { EvalCase } from '../harness/eval-case.ts';
import { money, num, pct } from './format.ts';

type Row = Record<string, any>;

/**
 * Reports (issue 19): questions no dedicated tool answers, composed from metrics with run_report
 * (the answer names the metrics and filters it used), cohorts, the metric catalogue, and saving a
 * report or defining a metric.
 */
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };
const AUG_OCT = { from: '2026-08-01', to: '2026-10-31' };
const WEEKLY_CTR = { metrics: ['ctr', 'cpc', 'clicks', 'impressions'], dimensions: ['channel'], date_range: OCTOBER, time_grain: 'week' };
const MONTHLY_AOV = { metrics: ['average_order_value', 'revenue', 'conversions'], date_range: AUG_OCT, time_grain: 'month' };
const CAC_VS_SEPTEMBER = { metrics: ['customer_acquisition_cost', 'spend', 'new_customers'], date_range: OCTOBER, compare_to: 'previous_period' };
const RETENTION = { cohort_by: 'first_touch_channel', measure: 'retention', from: '2026-08-01', to: '2026-10-31', periods: 3 };

const report = (truth: { call: (tool: string, input: Record<string, unknown>) => Promise<any> }, input: Record<string, unknown>) => truth.call('run_report', input);

export const REPORT_READ_CASES: EvalCase[] = [
  {
    id: 'report-ctr-by-channel-weekly',
    area: 'reports',
    role: 'ANALYST',
    question: 'What were our click-through rate and cost per click by channel for each week of October 2026?',
    expect: {
      tools: ['run_report'],
      allowed: ['list_metrics', 'roas_summary'],
      facts: [{ label: 'meta CTR in the first week', value: async (truth) => (await report(truth, WEEKLY_CTR)).rows.find((row: Row) => row.channel === 'meta').ctr * 100, tolerance: 0.01 }],
    },
    script: {
      steps: [{ tool: 'run_report', input: WEEKLY_CTR }],
      answer: (r) => {
        const result = r.out('run_report');
        const lines = (result.rows as Row[]).filter((row) => row.clicks > 0).map((row) => `- week of ${row.period}, ${row.channel}: CTR ${row.ctr === null ? 'n/a' : pct(row.ctr)}, CPC ${row.cpc === null ? 'n/a' : money(row.cpc, result.currency)}`);
        return [`Click-through rate and CPC by channel, weeks of October 2026 (run_report: ctr = clicks / impressions, cpc = spend / clicks, by channel and week):`, ...lines.slice(0, 12)].join('\n');
      },
    },
  },
  {
    id: 'report-aov-monthly',
    area: 'reports',
    question: 'What was our average order value each month from August to October 2026?',
    expect: {
      tools: ['run_report'],
      allowed: ['list_metrics'],
      facts: [{ label: 'October AOV', value: async (truth) => (await report(truth, MONTHLY_AOV)).rows.at(-1).average_order_value }],
    },
    script: {
      steps: [{ tool: 'run_report', input: MONTHLY_AOV }],
      answer: (r) => {
        const result = r.out('run_report');
        return ['Average order value by month (run_report: average_order_value = revenue / conversions):', ...(result.rows as Row[]).map((row) => `- ${row.period}: ${money(row.average_order_value, result.currency)} over ${num(row.conversions)} orders`)].join('\n');
      },
    },
  },
  {
    id: 'report-cac-vs-previous-month',
    area: 'reports',
    role: 'ANALYST',
    question: 'How did our customer acquisition cost in October 2026 compare with September?',
    expect: {
      tools: ['run_report'],
      allowed: ['list_metrics', 'roas_summary'],
      facts: [
        { label: 'October CAC', value: async (truth) => (await report(truth, CAC_VS_SEPTEMBER)).rows[0].customer_acquisition_cost },
        { label: 'September CAC', value: async (truth) => (await report(truth, CAC_VS_SEPTEMBER)).rows[0].customer_acquisition_cost_previous },
      ],
    },
    script: {
      steps: [{ tool: 'run_report', input: CAC_VS_SEPTEMBER }],
      answer: (r) => {
        const result = r.out('run_report');
        const row = result.rows[0] as Row;
        return `Customer acquisition cost (spend / new customers, run_report compared with the previous period): ${money(row.customer_acquisition_cost, result.currency)} in October 2026 against ${money(row.customer_acquisition_cost_previous, result.currency)} in September 2026.`;
      },
    },
  },
  {
    id: 'report-retention-by-first-touch',
    area: 'reports',
    question: 'Show me retention by first-touch channel for customers acquired from August to October 2026.',
    expect: {
      tools: ['cohort_report'],
      allowed: ['run_report', 'list_metrics'],
      facts: [{ label: 'customers in the cohorts', value: async (truth) => (await truth.call('cohort_report', RETENTION)).overall.customers }],
    },
    script: {
      steps: [{ tool: 'cohort_report', input: RETENTION }],
      answer: (r) => {
        const result = r.out('cohort_report');
        const lines = (result.cohorts as Row[]).map((cohort) => `- ${cohort.label} (${num(cohort.customers)} customers): ${(cohort.values as Array<number | null>).map((value) => (value === null ? 'n/a' : pct(value))).join(' / ')}`);
        return [`Retention by month since acquisition, by first-touch channel, customers acquired 2026-08-01 to 2026-10-31 (${num(result.overall.customers)} customers):`, ...lines].join('\n');
      },
    },
  },
  {
    id: 'report-which-metrics',
    area: 'reports',
    role: 'VIEWER',
    question: 'Which customer metrics can I put in a report?',
    expect: { tools: ['list_metrics'] },
    script: {
      steps: [{ tool: 'list_metrics', input: { kind: 'metric', search: 'customer' } }],
      answer: (r) => ['Customer metrics in the library (list_metrics):', ...(r.out('list_metrics').groups as Row[]).flatMap((group) => (group.metrics as Row[]).map((metric) => `- ${metric.key}: ${metric.description ?? metric.label}`))].join('\n'),
    },
  },
];

export const REPORT_WRITE_CASES: EvalCase[] = [
  {
    id: 'report-save-weekly-paid-media',
    area: 'reports',
    role: 'ANALYST',
    question: 'Save a report called "Weekly paid media" with spend, clicks and CTR by channel for the last 7 days by day, visible to the team.',
    expect: {
      tools: ['save_report'],
      allowed: ['run_report', 'list_metrics', 'list_report_templates'],
      verify: async ({ truth }) => {
        const saved = (await truth.call('list_reports', {})).rows.find((row: Row) => row.name === 'Weekly paid media');
        if (!saved) return ['no report called Weekly paid media was saved'];
        return saved.visibility === 'team' ? [] : [`the report is ${saved.visibility}, not team`];
      },
    },
    script: {
      steps: [{
        tool: 'save_report',
        input: { name: 'Weekly paid media', category: 'campaign_performance', visibility: 'team', definition: { metrics: ['spend', 'clicks', 'ctr'], dimensions: ['channel'], date_range: { last: 7, unit: 'day' }, time_grain: 'day' } },
      }],
      answer: (r) => `Saved "${r.out('save_report').name}" (spend, clicks and CTR by channel, last 7 days by day), visible to the team (save_report).`,
    },
  },
  {
    id: 'report-define-metric',
    area: 'reports',
    role: 'ADMIN',
    question: 'Add a metric called revenue_per_click: revenue divided by clicks.',
    expect: {
      tools: ['define_metric'],
      allowed: ['list_metrics', 'validate_formula', 'explain_metric'],
      verify: async ({ truth }) => {
        const metric = (await truth.call('explain_metric', { key: 'revenue_per_click' })).metric;
        return metric?.formula?.replace(/\s+/g, '') === 'revenue/clicks' ? [] : [`revenue_per_click is ${JSON.stringify(metric?.formula)}`];
      },
    },
    script: {
      steps: [{ tool: 'define_metric', input: { key: 'revenue_per_click', label: 'Revenue per click', formula: 'revenue / clicks', data_type: 'currency' } }],
      answer: (r) => `Added revenue_per_click = ${r.out('define_metric').metric.formula} (define_metric); it can be used in any report now.`,
    },
  },
];
