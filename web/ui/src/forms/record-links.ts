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
