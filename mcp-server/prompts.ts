import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ListPromptsRequestSchema, type GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { completeCampaignId, completeVendorId, type McpScope } from './lookups.ts';
import { GLOSSARY_URI } from './resources.ts';

/** What every report must respect; the figures come from the tools, never from the model. */
const RULES = [
  'Rules:',
  '- Use only figures the tools return. Do not estimate, extrapolate or compute new figures; if a figure is missing or null, say so.',
  '- Give every figure with its period (the as_of date the tool reports, or the range), its unit (streams, streams per day, per 1k streams, %, score out of 100) and, for money, its currency as the tool reports it.',
  '- Anything a tool returned as pending is "pending approval": never describe it as done.',
  '- If a tool fails, name the tool and quote its error instead of guessing.',
  `- Definitions of every figure are in the ${GLOSSARY_URI} resource.`,
].join('\n');

const asOfArg = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').optional().describe('Date of the figures (YYYY-MM-DD); default today.');

const when = (asOf: string | undefined) => (asOf ? `as of ${asOf}` : "as of today (the organisation's time zone)");
const args = (asOf: string | undefined, extra: Record<string, unknown> = {}) => JSON.stringify({ ...extra, ...(asOf ? { as_of: asOf } : {}) });
const user = (description: string, text: string): GetPromptResult => ({ description, messages: [{ role: 'user', content: { type: 'text', text: `${text}\n\n${RULES}` } }] });

/**
 * Ready-made requests a user picks in the client. A prompt only tells the model which tools to
 * call and what to report; it is offered only when the server exposes every tool it names.
 */
export function registerPrompts(server: McpServer, scope: McpScope): void {
  const offers = (...tools: string[]) => tools.every((tool) => scope.exposes(tool));
  const weekly = offers('list_campaigns', 'campaign_alerts', 'vendor_performance', 'list_approvals');
  const audit = offers('vendor_performance', 'list_playlists', 'campaign_alerts');
  const postmortem = offers('get_campaign', 'campaign_alerts', 'vendor_performance');
  if (!weekly && !audit && !postmortem) {
    // The SDK answers prompts/list only once a prompt exists; a narrowed server lists none.
    server.server.registerCapabilities({ prompts: {} });
    server.server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: [] }));
    return;
  }

  if (weekly) {
    server.registerPrompt(
      'weekly_review',
      { title: 'Weekly review', description: 'Active campaigns, alerts, vendor delivery and pending approvals for the week.', argsSchema: { as_of: asOfArg } },
      ({ as_of: asOf }) => user(`Weekly review ${when(asOf)}`, [
        `Prepare the weekly review of our playlist campaigns ${when(asOf)}.`,
        '',
        'Call these tools:',
        `1. list_campaigns ${args(asOf, { status: 'active' })} (follow next_cursor until it is null): the active campaigns with goal, delivered streams and progress.`,
        `2. campaign_alerts ${args(asOf)}: under-delivering placements, stale scrapes and dropped playlists.`,
        `3. vendor_performance ${args(asOf, { active_only: true })}: delivery rate, real vs promised cost per 1k and reliability per vendor.`,
        `4. list_approvals {"status":"pending"}: requests waiting for a decision.`,
        '',
        'Report, in this order:',
        '- Headline: number of active campaigns and the ones furthest behind (progress, delivered vs goal in streams).',
        '- Alerts: each with its campaign, song, vendor and the figure that triggered it.',
        '- Vendors: the best and worst by delivery rate and by real cost per 1k (with promised cost per 1k beside it, and placements_with_promise as sample size).',
        '- Pending approval: each request with what it would do and who asked; say "pending approval".',
        '- Suggested actions, each tied to a figure above.',
      ].join('\n')),
    );
  }

  if (audit) {
    server.registerPrompt(
      'vendor_audit',
      {
        title: 'Vendor audit',
        description: "One vendor's delivery record: promised vs delivered, real vs promised cost per 1k, reliability, playlists and open alerts.",
        argsSchema: {
          vendor_id: completable(z.string().min(1).describe('Id of the vendor (list_vendors).'), (value) => completeVendorId(scope, value)),
          as_of: asOfArg,
        },
      },
      ({ vendor_id: vendorId, as_of: asOf }) => user(`Audit of vendor ${vendorId} ${when(asOf)}`, [
        `Audit the playlist vendor with id ${vendorId} ${when(asOf)}.`,
        '',
        'Call these tools:',
        `1. vendor_performance ${args(asOf)} and take the row whose vendor_id is ${vendorId}; if there is none, report that the vendor was not found and stop.`,
        `2. list_playlists ${JSON.stringify({ vendor_id: vendorId, sort: 'avg_daily_streams' })} (follow next_cursor): the vendor's playlists and their average daily streams.`,
        `3. campaign_alerts ${args(asOf)}: keep only the alerts about this vendor.`,
        '',
        'Report:',
        '- Record: placements, placements_with_promise (the sample size), promised vs delivered streams, delivery rate, reliability score (0-100).',
        '- Price: real cost per 1k beside promised cost per 1k, in the currency vendor_performance reports, and total spend.',
        '- Playlists: how many, the largest by average daily streams, and any that are auto-detected.',
        '- Open alerts about this vendor, each with its campaign and song.',
        '- A verdict (keep, watch or stop using) with the figures that support it; say when the sample is too small to judge.',
      ].join('\n')),
    );
  }

  if (postmortem) {
    server.registerPrompt(
      'campaign_postmortem',
      {
        title: 'Campaign post-mortem',
        description: 'What a campaign delivered against its goal and budget, vendor by vendor, and what to do differently.',
        argsSchema: {
          campaign_id: completable(z.string().min(1).describe('Id of the campaign (list_campaigns).'), (value) => completeCampaignId(scope, value)),
          as_of: asOfArg,
        },
      },
      ({ campaign_id: campaignId, as_of: asOf }) => user(`Post-mortem of campaign ${campaignId} ${when(asOf)}`, [
        `Write the post-mortem of the campaign with id ${campaignId} ${when(asOf)}.`,
        '',
        'Call these tools:',
        `1. get_campaign ${args(asOf, { campaign_id: campaignId })}: overview, songs, placements, vendors and real vs promised.`,
        `2. campaign_alerts ${args(asOf)}: keep only the alerts about this campaign.`,
        `3. vendor_performance ${args(asOf)}: how this campaign's vendors do across all campaigns, for comparison.`,
        '',
        'Report:',
        '- Outcome: goal vs delivered streams, progress, promised to date, budget vs spent and budget left (money in the currency get_campaign reports).',
        '- Real vs promised: delivery rate, real cost per 1k vs promised and contract cost per 1k.',
        "- Per vendor: delivered vs promised and real cost per 1k in this campaign, beside the vendor's overall delivery rate and reliability.",
        '- Per song: goal, delivered and remaining streams; playlists that dropped or went stale (from the alerts).',
        '- Lessons: which vendors to book again or avoid for a similar campaign, each tied to a figure above.',
      ].join('\n')),
    );
  }
}
