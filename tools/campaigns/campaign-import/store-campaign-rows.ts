import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { conflict } from '../../registry/errors.ts';
import type { StoreOutcome } from '../../imports/csv-import.ts';
import { keepPlanLines } from '../plans/keep-plan-lines.ts';
import { recordActivity } from '../records/activity.ts';
import { campaignKey, type CampaignRow } from './campaign-row.ts';
import { holdSongCreditsForPlacements } from '../delivery/song-credits.ts';
import { loadCampaignDirectory, type StoredCampaign } from './campaign-directory.ts';

type Directory = Awaited<ReturnType<typeof loadCampaignDirectory>>;

/**
 * Stores checked sheet rows: a client that does not exist yet is created (a salesperson's sheet
 * is where new clients first appear), a campaign is found by client and name or created, and each
 * row is one placement, found by song and vendor in its campaign. A stored placement whose figures
 * differ is corrected (rows_replaced); one that matches changes nothing, so a sheet imported again
 * changes nothing. A removed placement stays removed.
 */
export async function storeCampaignRows(ctx: ToolContext, rows: readonly CampaignRow[]): Promise<StoreOutcome> {
  // Its updates and inserts interleave across campaigns: two sheets at once wait here rather than deadlock.
  await holdSongCreditsForPlacements(ctx.db, ctx.orgId);
  const directory = await loadCampaignDirectory(ctx, rows);
  const outcome: StoreOutcome = { inserted: 0, replaced: 0 };
  for (const group of groupByCampaign(rows)) {
    const campaign = await findOrCreateCampaign(ctx, directory, group);
    const placements = await ctx.db.placement.findMany({ where: { campaignGroupId: campaign.id }, orderBy: { id: 'asc' } });
    // The oldest placement of a song with a vendor is the one a sheet row stands for.
    const stored = new Map<string, (typeof placements)[number]>();
    for (const placement of placements) if (!stored.has(`${placement.spotifyTrackId}.${placement.vendorId}`)) stored.set(`${placement.spotifyTrackId}.${placement.vendorId}`, placement);
    const fresh: Prisma.PlacementCreateManyInput[] = [];
    for (const row of group) {
      const vendor = directory.vendor(row.vendor);
      if (!vendor?.isActive) throw conflict(`Vendor "${row.vendor}" was archived or renamed while the import waited; import the file again.`);
      // The file holds each song and vendor of a campaign once (natural key), so a row matches at most the stored placement.
      const match = stored.get(`${row.spotifyTrackId}.${vendor.id}`);
      if (!match) fresh.push({ organizationId: ctx.orgId, campaignGroupId: campaign.id, vendorId: vendor.id, currency: campaign.currency, ...placementFigures(row) });
      else if (!match.removedAt && differs(match, row)) {
        await ctx.db.placement.update({ where: { id: match.id }, data: placementFigures(row) });
        outcome.replaced++;
      }
    }
    // Like any new booking, each new placement keeps its plan line (its order: goal and price).
    if (fresh.length) await keepPlanLines(ctx, await ctx.db.placement.createManyAndReturn({ data: fresh }));
    const created = fresh.length;
    outcome.inserted += created;
    if (created > 0) {
      await recordActivity(ctx, {
        subjectType: 'campaign',
        subjectId: campaign.id,
        kind: 'updated',
        summary: `Campaign ${campaign.name}: ${created} placement${created === 1 ? '' : 's'} imported from a sheet`,
        data: { placements: created },
      });
    }
  }
  return outcome;
}

function groupByCampaign(rows: readonly CampaignRow[]): CampaignRow[][] {
  const groups = new Map<string, CampaignRow[]>();
  for (const row of rows) {
    const key = campaignKey(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

async function findOrCreateCampaign(ctx: ToolContext, directory: Directory, group: CampaignRow[]): Promise<StoredCampaign> {
  const first = group[0]!;
  const client = directory.client(first.client) ?? (await createClient(ctx, directory, first.client));
  const stored = directory.campaigns(client.id, first.campaign)[0];
  if (stored) {
    // A salesperson named later fills the gap; a stored one is never overwritten by a sheet.
    if (!stored.salesperson && first.salesperson) await ctx.db.campaignGroup.update({ where: { id: stored.id }, data: { salesperson: first.salesperson } });
    return stored;
  }
  const startDate = new Date(Math.min(...group.map((row) => row.startDate.getTime())));
  const campaign = await ctx.db.campaignGroup.create({
    data: { organizationId: ctx.orgId, clientId: client.id, name: first.campaign, artistName: first.artist, startDate, currency: first.currency ?? ctx.org.baseCurrency, salesperson: first.salesperson },
    select: { id: true, clientId: true, name: true, artistName: true, currency: true, startDate: true, salesperson: true },
  });
  directory.remember(campaign);
  await recordActivity(ctx, {
    subjectType: 'campaign',
    subjectId: campaign.id,
    kind: 'created',
    summary: `Campaign ${campaign.name} (${campaign.artistName}) imported for ${client.name}`,
    data: { clientId: client.id, source: 'import_campaigns' },
  });
  return campaign;
}

async function createClient(ctx: ToolContext, directory: Directory, name: string) {
  const client = await ctx.db.client.create({ data: { organizationId: ctx.orgId, name }, select: { id: true, name: true, isActive: true } });
  directory.rememberClient(client);
  await recordActivity(ctx, { subjectType: 'client', subjectId: client.id, kind: 'created', summary: `Client ${client.name} created by a campaign import` });
  return client;
}

function placementFigures(row: CampaignRow) {
  return {
    trackUrl: row.trackUrl,
    spotifyTrackId: row.spotifyTrackId,
    goal: row.goal,
    daily: row.daily,
    weekly: row.weekly,
    price: new Prisma.Decimal(row.price),
    startDate: row.startDate,
    ...(row.song ? { songName: row.song } : {}),
  };
}

function differs(stored: { goal: number; daily: number; weekly: number | null; price: Prisma.Decimal; startDate: Date; songName: string | null }, row: CampaignRow): boolean {
  return (
    stored.goal !== row.goal ||
    stored.daily !== row.daily ||
    stored.weekly !== row.weekly ||
    !stored.price.equals(new Prisma.Decimal(row.price)) ||
    stored.startDate.getTime() !== row.startDate.getTime() ||
    (row.song !== null && stored.songName !== row.song)
  );
}
