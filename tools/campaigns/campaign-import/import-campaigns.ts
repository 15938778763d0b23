import { defineCsvImport } from '../../imports/csv-import.ts';
import { CAMPAIGN_COLUMNS, placementKey, readCampaignRow, type CampaignRow } from './campaign-row.ts';
import { campaignSheetProblems } from './sheet-checks.ts';
import { storeCampaignRows } from './store-campaign-rows.ts';

export const EXAMPLE_CAMPAIGN_CSV =
  'client,campaign,artist,track_url,vendor,goal,daily,price,start_date\n' +
  'Example Records,Summer push,Nova Lane,https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC,Example Vendor,20000,1000,300,2026-06-01\n';

export const importCampaigns = defineCsvImport<CampaignRow>({
  name: 'import_campaigns',
  title: 'Import campaigns and placements (CSV)',
  description:
    "Creates campaigns and their placements from a salesperson's sheet: one row per song placed with one vendor; rows with the same client and campaign (ignoring case) form one campaign. " +
    "A new client is created; a vendor must already exist (create_vendor), so a misspelt vendor is reported, not invented. A stored placement (same campaign, track and vendor) with other figures is corrected. " +
    'Prices are in the campaign currency (currency column, default the organisation currency).',
  area: 'campaigns',
  permission: 'campaigns:write',
  columns: CAMPAIGN_COLUMNS,
  exampleCsv: EXAMPLE_CAMPAIGN_CSV,
  read: (row) => readCampaignRow(row),
  naturalKey: { of: placementKey, describe: (row) => `${row.song ?? `track ${row.spotifyTrackId}`} with ${row.vendor} in "${row.campaign}"`, replacesStored: true },
  conflictsWithStored: campaignSheetProblems,
  store: storeCampaignRows,
});
