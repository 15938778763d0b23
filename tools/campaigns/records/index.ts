import type { AnyTool } from '../../registry/define-tool.ts';
import { addVendorPlaylist } from './add-vendor-playlist.ts';
import { archiveClient } from './archive-client.ts';
import { archiveVendor } from './archive-vendor.ts';
import { createCampaign } from './create-campaign.ts';
import { createClient } from './create-client.ts';
import { createVendor } from './create-vendor.ts';
import { exportTable } from './export-table.ts';
import { getCampaign } from './get-campaign.ts';
import { getClient } from './get-client.ts';
import { listCampaigns } from './list-campaigns.ts';
import { listClients } from './list-clients.ts';
import { listPlaylists } from './list-playlists.ts';
import { listVendors } from './list-vendors.ts';
import { recordCampaignMilestones } from './record-campaign-milestones.ts';
import { removePaidPlacement } from './remove-paid-placement.ts';
import { removePlacement } from './remove-placement.ts';
import { removeVendorPlaylist } from './remove-vendor-playlist.ts';
import { updateCampaign } from './update-campaign.ts';
import { updateClient } from './update-client.ts';
import { updatePlacement } from './update-placement.ts';
import { updatePlaylist } from './update-playlist.ts';
import { updateVendor } from './update-vendor.ts';

export {
  addVendorPlaylist, createCampaign, createClient, createVendor, exportTable, getCampaign, getClient,
  listCampaigns, listClients, listPlaylists, listVendors, updateCampaign, updateClient, updateVendor,
  updatePlacement, removePlacement, removePaidPlacement, updatePlaylist, removeVendorPlaylist, archiveClient, archiveVendor,
  recordCampaignMilestones,
};

/** Clients, vendors, playlists and campaigns: create, update, list, get, export. */
export const RECORD_TOOLS: AnyTool[] = [
  createClient, updateClient, listClients, getClient,
  createVendor, updateVendor, listVendors, addVendorPlaylist, listPlaylists,
  createCampaign, updateCampaign, listCampaigns, getCampaign,
  exportTable,
  updatePlacement, removePlacement, removePaidPlacement, updatePlaylist, removeVendorPlaylist, archiveClient, archiveVendor,
  recordCampaignMilestones,
];
