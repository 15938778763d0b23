import type { ToolContext } from '../../registry/context.ts';
import { isoDay, money } from '../../common/format.ts';
import { EMPTY_TOTALS, loadCampaignTotals, totalsProgress } from './campaign-totals.ts';
import { loadClientSummaries } from './client-summaries.ts';
import { toCsv, type CsvColumn } from './csv.ts';
import { loadPlaylistDelivery } from './playlist-delivery.ts';

export const EXPORT_TABLES = ['campaigns', 'vendors', 'clients', 'playlists'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** An export is for a spreadsheet, not a backup: past this many rows it stops and says so. */
export const MAX_EXPORT_ROWS = 10_000;

export interface ExportedTable {
  rows: number;
  truncated: boolean;
  content: string;
}

type Exporter = (ctx: ToolContext, asOf: Date) => Promise<ExportedTable>;

function exported<Row>(columns: readonly CsvColumn<Row>[], fetched: Row[]): ExportedTable {
  const rows = fetched.slice(0, MAX_EXPORT_ROWS);
  return { rows: rows.length, truncated: fetched.length > MAX_EXPORT_ROWS, content: toCsv(columns, rows) };
}

const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);
const take = MAX_EXPORT_ROWS + 1;

const campaigns: Exporter = async (ctx, asOf) => {
  const rows = await ctx.db.campaignGroup.findMany({ include: { client: { select: { name: true } } }, orderBy: [{ startDate: 'desc' }, { id: 'desc' }], take });
  const totals = await loadCampaignTotals(ctx, rows.slice(0, MAX_EXPORT_ROWS).map((row) => row.id), asOf);
  const figures = (id: string) => totals.get(id) ?? EMPTY_TOTALS;
  return exported<(typeof rows)[number]>(
    [
      { header: 'Campaign', value: (row) => row.name },
      { header: 'Client', value: (row) => row.client.name },
      { header: 'Artist', value: (row) => row.artistName },
      { header: 'Status', value: (row) => row.status.toLowerCase() },
      { header: 'Invoice status', value: (row) => row.invoiceStatus.toLowerCase().replace('_', ' ') },
      { header: 'Start date', value: (row) => isoDay(row.startDate) },
      { header: 'End date', value: (row) => (row.endDate ? isoDay(row.endDate) : null) },
      { header: 'Budget', value: (row) => (row.totalBudget === null ? null : money(Number(row.totalBudget))) },
      { header: 'Currency', value: (row) => row.currency },
      { header: 'Salesperson', value: (row) => row.salesperson },
      { header: 'Placements', value: (row) => figures(row.id).placements },
      { header: 'Goal streams', value: (row) => figures(row.id).goal },
      // The songs' own Spotify plays (every source) and what the vendors' playlists delivered, each headed as what it is.
      { header: 'Song plays, 7 days', value: (row) => figures(row.id).plays7d },
      { header: 'Song plays, 28 days', value: (row) => figures(row.id).plays28d },
      { header: 'Delivered by vendors, 7 days', value: (row) => figures(row.id).streams7d },
      { header: 'Delivered by vendors, 28 days', value: (row) => figures(row.id).streams28d },
      { header: 'Delivered by vendors, 12 months', value: (row) => figures(row.id).delivered },
      { header: 'Remaining streams', value: (row) => figures(row.id).remaining },
      { header: 'Progress %', value: (row) => percent(totalsProgress(figures(row.id))) },
      { header: 'Id', value: (row) => row.id },
    ],
    rows,
  );
};

const vendors: Exporter = async (ctx) => {
  const rows = await ctx.db.vendor.findMany({ include: { _count: { select: { playlists: true, placements: true } } }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take });
  return exported<(typeof rows)[number]>(
    [
      { header: 'Vendor', value: (row) => row.name },
      { header: 'Contact email', value: (row) => row.contactEmail },
      { header: 'Cost per 1k streams', value: (row) => money(Number(row.costPer1kStreams)) },
      { header: 'Currency', value: (row) => row.currency },
      { header: 'Active', value: (row) => (row.isActive ? 'yes' : 'no') },
      { header: 'Playlists', value: (row) => row._count.playlists },
      { header: 'Placements', value: (row) => row._count.placements },
      { header: 'Id', value: (row) => row.id },
    ],
    rows,
  );
};

const clients: Exporter = async (ctx, asOf) => {
  const rows = await ctx.db.client.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], take });
  const { byClient } = await loadClientSummaries(ctx, rows.slice(0, MAX_EXPORT_ROWS).map((row) => row.id), asOf);
  const summary = (id: string) => byClient.get(id)!;
  return exported<(typeof rows)[number]>(
    [
      { header: 'Client', value: (row) => row.name },
      { header: 'Contact person', value: (row) => row.contactPerson },
      { header: 'Emails', value: (row) => row.emails.join('; ') },
      { header: 'Phone', value: (row) => row.phone },
      { header: 'Campaigns', value: (row) => summary(row.id).campaigns },
      { header: 'Active campaigns', value: (row) => summary(row.id).active },
      { header: 'Total budget', value: (row) => money(summary(row.id).totalBudget) },
      { header: 'Currency', value: () => ctx.org.baseCurrency },
      { header: 'Song plays, 28 days', value: (row) => summary(row.id).plays.plays28d },
      { header: 'Delivered by vendors, 12 months', value: (row) => summary(row.id).totals.delivered },
      { header: 'Id', value: (row) => row.id },
    ],
    rows,
  );
};

const playlists: Exporter = async (ctx, asOf) => {
  const rows = await ctx.db.playlist.findMany({ include: { vendor: { select: { name: true } } }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take });
  const delivery = await loadPlaylistDelivery(ctx, rows.slice(0, MAX_EXPORT_ROWS), asOf);
  return exported<(typeof rows)[number]>(
    [
      { header: 'Playlist', value: (row) => row.name },
      { header: 'Vendor', value: (row) => row.vendor?.name ?? null },
      { header: 'Curator', value: (row) => row.curator },
      { header: 'Spotify playlist id', value: (row) => row.spotifyPlaylistId },
      { header: 'URL', value: (row) => row.url },
      { header: 'Genres', value: (row) => row.genres.join('; ') },
      { header: 'Followers', value: (row) => row.followerCount },
      { header: 'Average daily streams', value: (row) => (row.avgDailyStreams === null ? null : Math.round(Number(row.avgDailyStreams))) },
      { header: 'Songs placed', value: (row) => delivery.get(row.id)!.songsPlaced },
      { header: 'Delivered by vendor, 12 months', value: (row) => delivery.get(row.id)!.deliveredStreams },
      { header: 'Auto-detected', value: (row) => (row.autoDetected ? 'yes' : 'no') },
      { header: 'Last scraped', value: (row) => row.lastScrapedAt?.toISOString() ?? null },
      { header: 'Id', value: (row) => row.id },
    ],
    rows,
  );
};

export const EXPORTERS: Record<ExportTable, Exporter> = { campaigns, vendors, clients, playlists };
