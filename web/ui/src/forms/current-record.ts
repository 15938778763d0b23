import { ApiError } from '../api/api-error.ts';
import type { ApiClient } from '../api/client.ts';
import { callAnyTool } from './call-tool.ts';

type Row = Record<string, unknown>;

/** The record an edit form starts from, by the update tool's input names. */
export interface CurrentRecord {
  row: Row;
}

/** Pages through a list tool (200 rows a page, the most it gives) until the row with this id. */
async function findInList(api: ApiClient, tool: string, id: string, input: Row = {}): Promise<Row | null> {
  let cursor: string | null = null;
  do {
    const page = (await callAnyTool(api, tool, { ...input, limit: 200, ...(cursor ? { cursor } : {}) })) as { rows: Row[]; next_cursor: string | null };
    const row = page.rows.find((candidate) => candidate.id === id);
    if (row) return row;
    cursor = page.next_cursor;
  } while (cursor);
  return null;
}

/**
 * How to read the record an edit form changes, by its id field. Outputs use the tools' input
 * names (`contact_person`, `total_budget`), so the record fills the form field by field.
 */
const READERS: Record<string, (api: ApiClient, id: string, query: Readonly<Record<string, string>>) => Promise<Row | null>> = {
  client_id: async (api, id) => ((await callAnyTool(api, 'get_client', { client_id: id })) as { client: Row }).client,
  campaign_id: async (api, id) => ((await callAnyTool(api, 'get_campaign', { campaign_id: id })) as { campaign: Row }).campaign,
  // An archived vendor is edited too (is_active: true restores it).
  vendor_id: (api, id) => findInList(api, 'list_vendors', id, { include_archived: true }),
  playlist_id: (api, id, query) => findInList(api, 'list_playlists', id, query.vendor_id ? { vendor_id: query.vendor_id } : {}),
  // A creator's contract fields sit under `contract` in get_creator; update_creator takes them at the top.
  creator_id: async (api, id) => {
    const { creator } = (await callAnyTool(api, 'get_creator', { creator_id: id })) as { creator: Row & { contract: Row } };
    return { ...creator, ...creator.contract };
  },
  creator_campaign_id: async (api, id) => {
    const campaign = (await callAnyTool(api, 'get_creator_campaign', { creator_campaign_id: id })) as Row & { company: Row | null; client: Row | null; release: Row | null };
    return { ...campaign, company_id: campaign.company?.company_id ?? null, client_id: campaign.client?.client_id ?? null, release_id: campaign.release?.release_id ?? null };
  },
  // get_ad_account nests the alert limits; update_ad_account takes them at the top, named *_limit.
  ad_account_id: async (api, id) => {
    const account = (await callAnyTool(api, 'get_ad_account', { ad_account_id: id })) as Row & { status: string; limits: { daily_budget: number | null; monthly_budget: number | null; no_conversion_days: number | null } };
    return { ...account, daily_budget_limit: account.limits.daily_budget, monthly_budget_limit: account.limits.monthly_budget, no_conversion_days: account.limits.no_conversion_days, paused: account.status === 'paused' };
  },
  // The CRM tools answer with names where their update tools take ids or emails: the company and the
  // contacts go in by id, the owner by the owner_email the get_* tools give beside the owner's name.
  deal_id: async (api, id) => {
    const deal = (await callAnyTool(api, 'get_deal', { deal_id: id })) as Row & { company: { company_id: string } | null; contacts: Array<{ contact_id: string }> };
    return {
      name: deal.name, company_id: deal.company?.company_id ?? null, contact_ids: deal.contacts.map((contact) => contact.contact_id),
      amount: deal.amount, currency: deal.currency, expected_close_date: deal.expected_close_date, owner: deal.owner_email,
    };
  },
  company_id: async (api, id) => {
    const { company } = (await callAnyTool(api, 'get_company', { company_id: id })) as { company: Row };
    const { owner_email: ownerEmail, ...fields } = company;
    return { ...fields, owner: ownerEmail };
  },
  contact_id: async (api, id) => {
    const { contact } = (await callAnyTool(api, 'get_contact', { contact_id: id })) as { contact: Row & { emails: Array<{ email: string }>; company: { id: string } | null } };
    const { owner_email: ownerEmail, company, emails, ...fields } = contact;
    return { ...fields, owner: ownerEmail, emails: emails.map((entry) => entry.email), company_id: company?.id ?? null };
  },
  placement_id: async (api, id, query) => {
    if (!query.campaign_id) return null;
    const campaign = (await callAnyTool(api, 'get_campaign', { campaign_id: query.campaign_id })) as { songs: Array<{ song_name: string | null; genre: string | null; placements: Row[] }> };
    for (const song of campaign.songs) {
      const placement = song.placements.find((candidate) => candidate.id === id);
      if (placement) return { ...placement, song_name: song.song_name, genre: song.genre };
    }
    return null;
  },
};

/** The id field an update tool changes a record by: its first required `*_id` given in the page's query. */
export function editedIdField(required: readonly string[], query: Readonly<Record<string, string>>): string | null {
  return required.find((name) => name.endsWith('_id') && Boolean(query[name]) && Object.hasOwn(READERS, name)) ?? null;
}

/** The record as stored now, or a not_found naming the id. */
export async function readCurrentRecord(api: ApiClient, idField: string, query: Readonly<Record<string, string>>): Promise<CurrentRecord> {
  const id = query[idField]!;
  const record = await READERS[idField]!(api, id, query);
  if (!record) throw new ApiError('not_found', `No record with ${idField} ${id} was found${idField === 'placement_id' && !query.campaign_id ? ' (open the form from the campaign page, so it knows the campaign)' : ''}.`, 404);
  return { row: { ...record, [idField]: id } };
}
