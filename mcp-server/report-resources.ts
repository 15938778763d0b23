import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Variables } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import { callOrThrow, LISTED, toMcpError, type McpScope } from './lookups.ts';

export const METRICS_URI = 'crescendo://metrics';
export const REPORT_TEMPLATE = 'crescendo://reports/{report_id}';
export const reportUri = (reportId: string) => `crescendo://reports/${reportId}`;

/** How list_metrics answers (tools/reports/metrics/list-metrics.ts): active entries grouped by kind and category. */
interface MetricGroups {
  groups: Array<{ kind: string; category: string; metrics: Array<{ key: string; label: string; description: string; data_type: string; formula?: string; aliases?: string[] }> }>;
}
interface ReportRow {
  report_id: string;
  name: string;
  category: string;
  visibility: string;
  owner: { name: string | null; email: string | null } | null;
  metrics: string[];
}

/**
 * The metric catalogue (every active metric and dimension, as list_metrics shows them) and each
 * saved report the principal may see (get_report, run when read). Like the other resources, they
 * exist only when the principal may call the tools behind them, and every read goes through the
 * runner, so visibility by role, tenancy and the audit log apply.
 */
export function registerReportResources(server: McpServer, scope: McpScope): void {
  if (scope.exposes('list_metrics')) {
    server.registerResource(
      'metrics',
      METRICS_URI,
      {
        title: 'Metric catalogue',
        description: "Every active metric and dimension of the organisation's library (built in and its own): key, label, kind, category, type, formula, aliases, description. Use the keys in run_report and save_report.",
        mimeType: 'application/json',
      },
      async (uri) => json(uri, { metrics: catalogue(await callOrThrow<MetricGroups>(scope, 'list_metrics', {})) }),
    );
  }

  if (scope.exposes('get_report') && scope.exposes('list_reports')) {
    server.registerResource(
      'saved_report',
      new ResourceTemplate(REPORT_TEMPLATE, {
        list: async () => ({ resources: (await latestReports(scope)).map(listedReport) }),
        complete: { report_id: (value) => completeReportId(scope, value) },
      }),
      {
        title: 'Saved report',
        description: 'A saved report you may see: its run_report definition and chart, and its figures as of now (get_report with run).',
        mimeType: 'application/json',
      },
      async (uri, variables) => json(uri, await readReport(scope, variable(variables, 'report_id'))),
    );
  }
}

/** Every active metric and dimension (list_metrics leaves switched-off ones out), flat, with its kind and category. */
function catalogue(listed: MetricGroups) {
  return listed.groups.flatMap((group) =>
    group.metrics.map((metric) => ({
      key: metric.key,
      label: metric.label,
      kind: group.kind,
      category: group.category,
      type: metric.data_type,
      formula: metric.formula ?? null,
      aliases: metric.aliases ?? [],
      description: metric.description,
    })),
  );
}

/** The report with its current result; if running it fails, the definition with the reason, so the resource still reads. */
async function readReport(scope: McpScope, reportId: string): Promise<Record<string, unknown>> {
  const ran = await scope.runner.call('get_report', { report_id: reportId, run: true }, scope.principal);
  if (ran.ok) return ran.output as Record<string, unknown>;
  if (ran.error.code === 'not_found' || ran.error.code === 'forbidden') throw toMcpError(ran.error);
  const report = await callOrThrow<Record<string, unknown>>(scope, 'get_report', { report_id: reportId });
  return { ...report, result: null, result_error: { code: ran.error.code, message: ran.error.message } };
}

async function latestReports(scope: McpScope): Promise<ReportRow[]> {
  const result = await scope.runner.call('list_reports', { limit: LISTED }, scope.principal);
  return result.ok ? (result.output as { rows: ReportRow[] }).rows : [];
}

function listedReport(row: ReportRow) {
  const owner = row.owner ? ` by ${row.owner.name ?? row.owner.email ?? 'a member'}` : '';
  return {
    uri: reportUri(row.report_id),
    name: row.name,
    title: row.name,
    description: `Saved ${row.category.replace(/_/g, ' ')} report (${row.visibility})${owner}: ${row.metrics.join(', ')}.`,
    mimeType: 'application/json',
  };
}

/** Report ids for a partly typed id or name, among the latest reports the principal may see. */
async function completeReportId(scope: McpScope, typed: string | undefined): Promise<string[]> {
  const value = (typed ?? '').trim().toLowerCase();
  const rows = await latestReports(scope);
  return rows.filter((row) => !value || row.report_id.startsWith(value) || row.name.toLowerCase().includes(value)).map((row) => row.report_id).slice(0, 20);
}

function variable(variables: Variables, name: string): string {
  const value = variables[name];
  return decodeURIComponent((Array.isArray(value) ? value[0] : value) ?? '');
}

function json(uri: URL, value: unknown) {
  return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value) }] };
}
