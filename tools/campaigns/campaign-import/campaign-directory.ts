import type { ToolContext } from '../../registry/context.ts';
import { nameKey, type CampaignRow } from './campaign-row.ts';

interface Named {
  id: string;
  name: string;
  isActive: boolean;
}

export interface StoredCampaign {
  id: string;
  clientId: string;
  name: string;
  artistName: string;
  currency: string;
  startDate: Date;
  salesperson: string | null;
}

/**
 * The organisation's vendors, the clients the rows name and those clients' campaigns, matched by
 * name ignoring case and spacing. Names are compared here rather than in SQL, where a
 * case-insensitive match would treat `_` and `%` in a name as wildcards.
 */
export async function loadCampaignDirectory(ctx: ToolContext, rows: readonly CampaignRow[]) {
  const [vendors, clients] = await Promise.all([
    ctx.db.vendor.findMany({ select: { id: true, name: true, isActive: true }, orderBy: { id: 'asc' } }),
    ctx.db.client.findMany({ select: { id: true, name: true, isActive: true }, orderBy: { id: 'asc' } }),
  ]);
  const vendorsByName = byName(vendors);
  const clientsByName = byName(clients);
  const wanted = new Set(rows.map((row) => nameKey(row.client)));
  const clientIds = [...wanted].flatMap((key) => (clientsByName.get(key) ? [clientsByName.get(key)!.id] : []));
  const stored: StoredCampaign[] = clientIds.length
    ? await ctx.db.campaignGroup.findMany({
        where: { clientId: { in: clientIds } },
        select: { id: true, clientId: true, name: true, artistName: true, currency: true, startDate: true, salesperson: true },
        orderBy: { id: 'asc' },
      })
    : [];
  return {
    /** Campaigns and clients created while storing: later rows of the call find them. */
    remember: (campaign: StoredCampaign) => stored.push(campaign),
    rememberClient: (client: Named) => clientsByName.set(nameKey(client.name), client),
    vendor: (name: string) => vendorsByName.get(nameKey(name)),
    client: (name: string) => clientsByName.get(nameKey(name)),
    campaigns: (clientId: string, name: string) => stored.filter((campaign) => campaign.clientId === clientId && nameKey(campaign.name) === nameKey(name)),
  };
}

/** The first (oldest) record of each name. */
function byName<Row extends Named>(rows: readonly Row[]): Map<string, Row> {
  const map = new Map<string, Row>();
  for (const row of rows) if (!map.has(nameKey(row.name))) map.set(nameKey(row.name), row);
  return map;
}
