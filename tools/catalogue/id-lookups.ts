import type { AnyTool } from '../registry/define-tool.ts';

/**
 * The tool that finds each kind of id by name. A model that finds add_vendor_playlist still needs
 * a vendor_id, and searching again costs a step; find_tools offers the lookup alongside.
 */
const LOOKUP_FOR_ID_FIELD: Readonly<Record<string, string>> = {
  client_id: 'list_clients',
  vendor_id: 'list_vendors',
  campaign_id: 'list_campaigns',
  playlist_id: 'list_playlists',
  placement_id: 'get_campaign',
  approval_id: 'list_approvals',
  release_id: 'list_releases',
  company_id: 'list_companies',
  contact_id: 'list_contacts',
  deal_id: 'list_deals',
  creator_id: 'list_creators',
  creator_campaign_id: 'list_creator_campaigns',
  assignment_id: 'campaign_creators',
};

export interface IdLookup {
  tool: string;
  field: string;
  neededBy: string;
}

/** Lookups the matched tools' id fields need, first match first, without the tools already matched. */
export function idLookupsFor(matched: readonly AnyTool[], limit: number): IdLookup[] {
  const taken = new Set(matched.map((tool) => tool.name));
  const lookups: IdLookup[] = [];
  for (const tool of matched) {
    for (const field of Object.keys(tool.input.shape ?? {})) {
      const lookup = LOOKUP_FOR_ID_FIELD[field];
      if (!lookup || taken.has(lookup) || lookup === tool.name) continue;
      taken.add(lookup);
      lookups.push({ tool: lookup, field, neededBy: tool.name });
      if (lookups.length >= limit) return lookups;
    }
  }
  return lookups;
}
