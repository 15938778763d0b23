/**
 * Where a tool's answer can be seen: the page of the record it created or changed. Tools name
 * their record after the verb (`create_client`, `update_placement`); the answer carries its id.
 */
export function recordLink(toolName: string, output: unknown): { href: string; label: string } | null {
  if (!output || typeof output !== 'object') return null;
  const record = output as Record<string, unknown>;
  const id = typeof record.id === 'string' ? record.id : null;
  const entity = toolName.replace(/^[a-z]+_/, '').replace(/^vendor_/, '');
  const campaignId = typeof record.campaign_id === 'string' ? record.campaign_id : null;
  switch (entity) {
    case 'client': return id ? { href: `/clients/${encodeURIComponent(id)}`, label: 'Open the client' } : null;
    case 'campaign': return id ? { href: `/campaigns/${encodeURIComponent(id)}`, label: 'Open the campaign' } : null;
    case 'vendor': return { href: '/vendors', label: 'See the vendors' };
    case 'playlist': {
      const vendor = typeof record.vendor_id === 'string' ? `?vendor=${encodeURIComponent(record.vendor_id)}` : '';
      return { href: `/playlists${vendor}`, label: 'See the playlists' };
    }
    // Creators (tools/creators): the creator's page, or the creator campaign's.
    case 'creator': {
      const booked = (record.assignment as { creator_campaign_id?: unknown } | undefined)?.creator_campaign_id;
      if (typeof booked === 'string') return { href: `/creators/campaigns/${encodeURIComponent(booked)}`, label: 'Open the creator campaign' };
      return id ? { href: `/creators/${encodeURIComponent(id)}`, label: 'Open the creator' } : null;
    }
    case 'creators': return { href: '/creators', label: 'See the creators' };
    case 'creator_campaign': return typeof record.creator_campaign_id === 'string' ? { href: `/creators/campaigns/${encodeURIComponent(record.creator_campaign_id)}`, label: 'Open the creator campaign' } : null;
    // CRM records (tools/crm): the record's own page.
    case 'deal': return typeof record.deal_id === 'string' ? { href: `/crm/deals/${encodeURIComponent(record.deal_id)}`, label: 'Open the deal' } : null;
    case 'company': return id ? { href: `/crm/companies/${encodeURIComponent(id)}`, label: 'Open the company' } : null;
    case 'contact': return id ? { href: `/crm/contacts/${encodeURIComponent(id)}`, label: 'Open the contact' } : null;
    case 'placement': return campaignId ? { href: `/campaigns/${encodeURIComponent(campaignId)}`, label: 'Open the campaign' } : null;
    default: return campaignId ? { href: `/campaigns/${encodeURIComponent(campaignId)}`, label: 'Open the campaign' } : null;
  }
}

/** The answer's name-like field, to say what was saved in words. */
export function recordName(output: unknown): string | null {
  if (!output || typeof output !== 'object') return null;
  const record = output as Record<string, unknown>;
  for (const key of ['name', 'title', 'song_name']) if (typeof record[key] === 'string') return record[key] as string;
  return null;
}
