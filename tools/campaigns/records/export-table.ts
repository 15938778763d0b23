import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { isoDate, isoDay, resolveAsOf } from '../../common/format.ts';
import { EXPORT_TABLES, EXPORTERS, MAX_EXPORT_ROWS } from './export-tables.ts';

export const exportTable = defineTool({
  name: 'export_table',
  title: 'Export a table as CSV',
  description: 'A whole table (campaigns, vendors, clients or playlists, up to 10,000 rows) as a CSV file for a spreadsheet. Hand the file over; do not read it back to the user.',
  area: 'campaigns',
  access: 'read',
  permission: 'campaigns:read',
  input: z.object({
    table: z.enum(EXPORT_TABLES).describe('Which table: campaigns, vendors, clients or playlists.'),
    format: z.enum(['csv']).default('csv').describe('File format; csv (RFC 4180, UTF-8).'),
    as_of: isoDate.optional().describe('Date of the stream figures (YYYY-MM-DD). Default: today.'),
  }),
  output: z.object({
    table: z.enum(EXPORT_TABLES),
    format: z.literal('csv'),
    rows: z.number().describe('Data rows in the file (the header not counted).'),
    truncated: z.boolean().describe(`True when the table has more than ${MAX_EXPORT_ROWS} rows and the file stops there.`),
    filename: z.string(),
    content_type: z.string(),
    content: z.string().describe('The CSV text.'),
  }),
  async handler(ctx, input) {
    const asOf = resolveAsOf(input.as_of, ctx.org.timeZone, ctx.now());
    const table = await EXPORTERS[input.table](ctx, asOf);
    return {
      table: input.table,
      format: 'csv' as const,
      rows: table.rows,
      truncated: table.truncated,
      filename: `${ctx.org.slug}-${input.table}-${isoDay(asOf)}.csv`,
      content_type: 'text/csv; charset=utf-8',
      content: table.content,
    };
  },
});
