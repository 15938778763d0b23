import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Variables } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import { glossaryMarkdown } from '../tools/glossary.ts';
import { registerReportResources } from './report-resources.ts';
import { callOrThrow, completeCampaignId, completeVendorId, latestCampaigns, latestVendors, toMcpError, type McpScope } from './lookups.ts';

export const GLOSSARY_URI = 'crescendo://glossary';
export const CAMPAIGN_TEMPLATE = 'crescendo://campaigns/{campaign_id}';
export const SCORECARD_TEMPLATE = 'crescendo://vendors/{vendor_id}/scorecard';
export const PENDING_APPROVALS_URI = 'crescendo://approvals/pending';

/**
 * Read-only context for clients that attach resources: the glossary, pending approvals, and
 * campaigns and vendor scorecards as the tools return them. Each exists only when the principal may
 * use the tools behind it; every read goes through the runner. The metric catalogue and saved
 * reports are in report-resources.ts.
 */
export function registerResources(server: McpServer, scope: McpScope): void {
  server.registerResource(
    'glossary',
    GLOSSARY_URI,
    { title: 'Glossary', description: 'How every Crescendo figure is defined (delivery rate, real cost per 1k, reliability, alerts...).', mimeType: 'text/markdown' },
    (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: glossaryMarkdown() }] }),
  );

  if (scope.exposes('list_approvals')) {
    server.registerResource(
      'pending_approvals',
      PENDING_APPROVALS_URI,
      { title: 'Pending approvals', description: 'Requests waiting for a person to approve or reject them, newest first (list_approvals). Subscribe to hear when one is filed or decided.', mimeType: 'application/json' },
      async (uri) => json(uri, await callOrThrow(scope, 'list_approvals', { status: 'pending' })),
    );
  }

  if (scope.exposes('get_campaign') && scope.exposes('list_campaigns')) {
    server.registerResource(
      'campaign',
      new ResourceTemplate(CAMPAIGN_TEMPLATE, {
        list: async () => ({
          resources: (await latestCampaigns(scope)).map((row) => ({
            uri: `crescendo://campaigns/${row.id}`,
            name: row.name,
            title: `${row.name} (${row.artist_name})`,
            description: `Campaign ${row.name} for ${row.artist_name}, ${row.status}.`,
            mimeType: 'application/json',
          })),
        }),
        complete: { campaign_id: (value) => completeCampaignId(scope, value) },
      }),
      { title: 'Campaign', description: 'One campaign as get_campaign returns it today: overview, songs, placements, playlists, vendors, real vs promised.', mimeType: 'application/json' },
      async (uri, variables) => json(uri, await callOrThrow(scope, 'get_campaign', { campaign_id: variable(variables, 'campaign_id') })),
    );
  }

  if (scope.exposes('vendor_performance') && scope.exposes('list_vendors')) {
    server.registerResource(
      'vendor_scorecard',
      new ResourceTemplate(SCORECARD_TEMPLATE, {
        list: async () => ({
          resources: (await latestVendors(scope)).map((row) => ({
            uri: `crescendo://vendors/${row.id}/scorecard`,
            name: `${row.name} scorecard`,
            title: `${row.name} scorecard`,
            description: `Delivery scorecard of vendor ${row.name}${row.is_active ? '' : ' (retired)'}.`,
            mimeType: 'application/json',
          })),
        }),
        complete: { vendor_id: (value) => completeVendorId(scope, value) },
      }),
      { title: 'Vendor scorecard', description: "The vendor's row of vendor_performance as of today, with its date and currency.", mimeType: 'application/json' },
      async (uri, variables) => {
        const vendorId = variable(variables, 'vendor_id');
        const report = await callOrThrow<{ as_of: string; currency: string; rows: { vendor_id: string }[] }>(scope, 'vendor_performance', {});
        const row = report.rows.find((candidate) => candidate.vendor_id === vendorId);
        if (!row) throw toMcpError({ code: 'not_found', message: `No vendor with id ${vendorId} in this organisation (list_vendors lists them).` });
        return json(uri, { as_of: report.as_of, currency: report.currency, ...row });
      },
    );
  }

  registerReportResources(server, scope);
}

function variable(variables: Variables, name: string): string {
  const value = variables[name];
  return decodeURIComponent((Array.isArray(value) ? value[0] : value) ?? '');
}

function json(uri: URL, value: unknown) {
  return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value) }] };
}
