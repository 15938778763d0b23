/** Where the choices for an id field come from: a list tool, or a campaign's placements. */
export interface RecordSource {
  /** What the field is called once it is a choice (`vendor_id` -> "Vendor"). */
  label: string;
  /** The list tool whose rows are the choices. */
  tool: string;
  /** Input for that tool; `context` holds the page's query and the form's values (e.g. campaign_id). Null: nothing to list yet. */
  input(context: Readonly<Record<string, string>>): Record<string, unknown> | null;
  options(answer: unknown): RecordOption[];
}

export interface RecordOption {
  value: string;
  label: string;
}

type Row = Record<string, unknown>;
const rowsOf = (answer: unknown): Row[] => ((answer as { rows?: Row[] })?.rows ?? []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The pickers stop at one page of the largest size the list tools allow (200). */
const ALL = { limit: 200 };

const SOURCES: Record<string, RecordSource> = {
  client_id: {
    label: 'Client',
    tool: 'list_clients',
    input: () => ALL,
    options: (answer) => rowsOf(answer).map((row) => ({ value: text(row.id), label: text(row.name) })),
  },
  vendor_id: {
    label: 'Vendor',
    tool: 'list_vendors',
    input: () => ALL,
    options: (answer) => rowsOf(answer).map((row) => ({ value: text(row.id), label: row.is_active === false ? `${text(row.name)} (retired)` : text(row.name) })),
  },
  campaign_id: {
    label: 'Campaign',
    tool: 'list_campaigns',
    input: () => ({ ...ALL, status: 'any' }),
    options: (answer) => rowsOf(answer).map((row) => ({ value: text(row.id), label: `${text(row.name)} · ${text(row.artist_name)}` })),
  },
  playlist_id: {
    label: 'Playlist',
    tool: 'list_playlists',
    input: (context) => ({ ...ALL, ...(context.vendor_id ? { vendor_id: context.vendor_id } : {}) }),
    options: (answer) => rowsOf(answer).map((row) => ({ value: text(row.id), label: row.vendor_name ? `${text(row.name)} · ${text(row.vendor_name)}` : text(row.name) })),
  },
  creator_id: {
    label: 'Creator',
    tool: 'list_creators',
    input: () => ALL,
    options: (answer) => rowsOf(answer).map((row) => ({ value: text(row.id), label: `${text(row.name)} (@${text(row.handle)})` })),
  },
  creator_campaign_id: {
    label: 'Creator campaign',
    tool: 'list_creator_campaigns',
    input: () => ALL,
    options: (answer) => rowsOf(answer).map((row) => ({ value: text(row.creator_campaign_id), label: row.status === 'ACTIVE' ? text(row.name) : `${text(row.name)} (${text(row.status).toLowerCase()})` })),
  },
  // CRM records (tools/crm): an edit shows its record by name, an archived one included.
  company_id: {
    label: 'Company',
    tool: 'list_companies',
    input: () => ({ ...ALL, include_archived: true }),
    options: (answer) => rowsOf(answer).map((row) => ({ value: text(row.id), label: row.is_active === false ? `${text(row.name)} (archived)` : text(row.name) })),
  },
  contact_id: {
    label: 'Contact',
    tool: 'list_contacts',
    input: () => ({ ...ALL, include_archived: true }),
    options: (answer) => rowsOf(answer).map((row) => ({ value: text(row.id), label: row.is_active === false ? `${text(row.name)} (archived)` : text(row.name) })),
  },
  deal_id: {
    label: 'Deal',
    tool: 'list_deals',
    input: () => ({ ...ALL, include_archived: true }),
    options: (answer) => rowsOf(answer).map((row) => ({ value: text(row.deal_id), label: row.company ? `${text(row.name)} · ${text(row.company)}` : text(row.name) })),
  },
  // Placements have no list tool: a campaign's page lists them, so the choice needs the campaign.
  placement_id: {
    label: 'Placement',
    tool: 'get_campaign',
    input: (context) => (context.campaign_id ? { campaign_id: context.campaign_id } : null),
    options: (answer) => {
      const songs = (answer as { songs?: Array<{ song_name: string | null; spotify_track_id: string; placements: Row[] }> })?.songs ?? [];
      return songs.flatMap((song) => song.placements.map((placement) => ({
        value: text(placement.id),
        label: `${song.song_name ?? song.spotify_track_id} · ${text(placement.vendor_name)}`,
      })));
    },
  },
};

export function recordSourceFor(fieldName: string): RecordSource | undefined {
  return Object.hasOwn(SOURCES, fieldName) ? SOURCES[fieldName] : undefined;
}

/** A source's name for several: "Companies", "Contacts". */
export function plural(label: string): string {
  return /[^aeiou]y$/i.test(label) ? `${label.slice(0, -1)}ies` : `${label}s`;
}
