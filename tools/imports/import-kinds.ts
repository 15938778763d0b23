import { z } from 'zod';

/**
 * File imports: every surface (the CLI's `import KIND PATH`, HTTP uploads, jobs) reads the files
 * and hands their text to the kind's import tool as `files`, so the tools never touch the
 * filesystem and an HTTP or MCP caller cannot make them read a path.
 */
export const importFilesInput = z.object({
  files: z
    .array(z.object({ name: z.string().min(1).describe('File name, used in error messages.'), content: z.string().describe('The file text (UTF-8).') }))
    .min(1)
    .describe('The files to import.'),
});
export type ImportFiles = z.infer<typeof importFilesInput>;

export interface ImportKind {
  /** The tool that takes `importFilesInput`. */
  tool: string;
  /** Which files of a directory belong to this kind. */
  filePattern: RegExp;
  description: string;
  /** Kinds whose tool takes more than files: CLI flag -> the tool's input field (`list`: comma separated). */
  flags?: Record<string, { input: string; list?: boolean; required?: boolean }>;
}

/** `crescendo import KIND` dispatches here; each area registers its kinds as it adds its import tools. */
export const IMPORT_KINDS: Record<string, ImportKind> = {
  scraped: { tool: 'ingest_scraped_data', filePattern: /^song_.+\.json$/, description: 'Spotify for Artists scraper files, one per song' },
  touchpoints: { tool: 'import_touchpoints', filePattern: /\.csv$/i, description: 'customer_id,occurred_at,channel,campaign?,cost?,currency?' },
  conversions: { tool: 'import_conversions', filePattern: /\.csv$/i, description: 'customer_id,occurred_at,revenue,currency,order_id?' },
  spend: { tool: 'import_spend', filePattern: /\.csv$/i, description: 'date,channel,campaign?,artist?,amount,currency,impressions?,clicks?' },
  streams: { tool: 'import_streams', filePattern: /\.csv$/i, description: 'date,artist,track_id,platform,streams' },
  campaigns: { tool: 'import_campaigns', filePattern: /\.csv$/i, description: 'client,campaign,artist,track_url,vendor,goal,daily,price,start_date,currency?,salesperson?,song?,weekly?' },
  payouts: { tool: 'import_payouts', filePattern: /\.csv$/i, description: 'period_start,period_end,artist,platform,amount,currency' },
  records: {
    tool: 'import_records_csv',
    filePattern: /\.csv$/i,
    description: 'source_record_id|id,recorded_at|timestamp|date,campaign_key?,customer_key?,asset_key?,currency?, any other column (--source S [--category C] [--money-fields a,b])',
    flags: { source: { input: 'data_source', required: true }, category: { input: 'source_category' }, 'money-fields': { input: 'money_fields', list: true } },
  },
};
