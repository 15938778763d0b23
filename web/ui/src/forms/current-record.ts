import { ApiError } from '../api/api-error.ts';
import type { ApiClient } from '../api/client.ts';
import { callAnyTool } from './call-tool.ts';

type Row = Record<string, unknown>;

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
export async function readCurrentRecord(api: ApiClient, idField: string, query: Readonly<Record<string, string>>): Promise<Row> {
  const id = query[idField]!;
  const record = await READERS[idField]!(api, id, query);
  if (!record) throw new ApiError('not_found', `No record with ${idField} ${id} was found${idField === 'placement_id' && !query.campaign_id ? ' (open the form from the campaign page, so it knows the campaign)' : ''}.`, 404);
  return { ...record, [idField]: id };
}
