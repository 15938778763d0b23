import { isReservedName } from '../common/channel-name.ts';
import { displayName } from '../common/display-names.ts';
import type { ToolContext } from '../registry/context.ts';
import type { GroupBy } from './models.ts';

export interface KeyLabel {
  label: string;
  /** The playlist campaign a campaign key names, for a link to it; null when it names none. */
  campaign_id: string | null;
}

interface NamedCampaign {
  id: string;
  name: string;
}

/** Letters and digits only, accents dropped: `Mirage Club – Wild Mirage` and `mirage-club-wild-mirage` compare equal. */
function comparable(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * How people read each key. Channels and artists by their display names. Campaign keys are free
 * text from spend and touchpoint imports (often an ad platform's campaign name or a slug such as
 * `mirage-club-wild-mirage`): a key that reads as a playlist campaign's name, or as its artist
 * followed by one of its songs, is shown as that campaign ("Mirage Club – Wild Mirage + 1 more")
 * with its id; the most recent such campaign wins. Other keys keep their own wording.
 */
export async function labelKeys(ctx: ToolContext, groupBy: GroupBy, keys: Iterable<string>): Promise<Map<string, KeyLabel>> {
  const campaigns = groupBy === 'campaign' ? await campaignsByComparableName(ctx) : new Map<string, NamedCampaign>();
  const labels = new Map<string, KeyLabel>();
  for (const key of keys) {
    const campaign = isReservedName(key) ? undefined : campaigns.get(comparable(key));
    labels.set(key, campaign ? { label: campaign.name, campaign_id: campaign.id } : { label: displayName(key), campaign_id: null });
  }
  return labels;
}

async function campaignsByComparableName(ctx: ToolContext): Promise<Map<string, NamedCampaign>> {
  const campaigns = await ctx.db.campaignGroup.findMany({
    select: { id: true, name: true, artistName: true, placements: { select: { songName: true } } },
    orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
  });
  const byName = new Map<string, NamedCampaign>();
  // In start order, so a later campaign for the same artist and song takes the key.
  for (const campaign of campaigns) {
    const songs = campaign.placements.flatMap((placement) => (placement.songName ? [`${campaign.artistName} ${placement.songName}`] : []));
    for (const text of [campaign.name, ...songs]) {
      const key = comparable(text);
      if (key) byName.set(key, { id: campaign.id, name: campaign.name });
    }
  }
  return byName;
}
