import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { isoDate, isoDay, money, resolveAsOf } from '../../common/format.ts';
import { loadClientSummaries } from './client-summaries.ts';
import { containsText } from '../../common/contains-text.ts';

const row = z.object({
  id: z.string(),
  name: z.string(),
  contact_person: z.string().nullable(),
  emails: z.array(z.string()),
  campaigns: z.number(),
  active_campaigns: z.number(),
  completed_campaigns: z.number(),
  total_budget: z.number().describe('Sum of its campaigns\' budgets, in currency.'),
  streams_delivered: z.number().describe('Streams delivered: its songs\' own last-28-days plays, each song once, from its latest scrape on or before as_of (the specification\'s client query).'),
  vendor_delivered_streams: z.number().describe('Streams (12 months) on the vendors\' playlists over all its campaigns: what the vendors delivered.'),
});

export const listClients = defineTool({
  name: 'list_clients',
  title: 'List clients',
  description: 'Clients, newest first, each with campaign counts, total budget (organisation currency) and streams delivered as of a date. Search by name.',
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  input: z.object({
    search: z.string().trim().min(1).optional().describe('Part of the client name (case-insensitive).'),
    include_archived: z.boolean().default(false).describe('Also list archived clients (archive_client).'),
    as_of: isoDate.optional().describe('Date of the stream figures (YYYY-MM-DD). Default: today.'),
    ...pageInput,
  }),
  output: z.object({ as_of: z.string(), currency: z.string(), rows: z.array(row), next_cursor: nextCursorOutput }),
  async handler(ctx, input) {
    const asOf = resolveAsOf(input.as_of, ctx.org.timeZone, ctx.now());
    const query = pageQuery(input);
    const clients = await ctx.db.client.findMany({
      where: { ...(input.search ? { name: containsText(input.search) } : {}), ...(input.include_archived ? {} : { isActive: true }), ...query.idAfter },
      take: query.take,
      orderBy: query.orderBy,
    });
    const page = toPage(clients, input.limit);
    const { byClient } = await loadClientSummaries(ctx, page.rows.map((client) => client.id), asOf);
    return {
      as_of: isoDay(asOf),
      currency: ctx.org.baseCurrency,
      rows: page.rows.map((client) => {
        const summary = byClient.get(client.id)!;
        return {
          id: client.id,
          name: client.name,
          contact_person: client.contactPerson,
          emails: client.emails,
          campaigns: summary.campaigns,
          active_campaigns: summary.active,
          completed_campaigns: summary.completed,
          total_budget: money(summary.totalBudget),
          streams_delivered: summary.plays.plays28d,
          vendor_delivered_streams: summary.totals.delivered,
        };
      }),
      next_cursor: page.nextCursor,
    };
  },
});
