import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput, ToolError } from '../../registry/errors.ts';
import { isoDate, parseDay, spotifyTrackId } from '../../common/format.ts';
import { recordActivity } from './activity.ts';
import { campaignView, toCampaignView } from './campaign-view.ts';
import { amountInput, currencyInput, EXAMPLE_ID, idInput, nameInput } from './inputs.ts';
import { requireClient } from './lookups.ts';
import { placementView, toPlacementView } from './placement-view.ts';
import { requireSongVendors, songInput } from './song-input.ts';
import { keepPlanLines } from '../plans/keep-plan-lines.ts';

export const createCampaign = defineTool({
  name: 'create_campaign',
  title: 'Create a playlist campaign',
  description:
    'Creates a campaign for a client and one placement per song entry (a song may be placed with several vendors: one entry each). Prices and budget are in the campaign currency. Returns the campaign with its id and its placements.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  input: z.object({
    client_id: idInput.describe('Id of the client (list_clients).'),
    name: nameInput.describe('Campaign name, e.g. "DNBMF summer push".'),
    artist_name: nameInput.describe('Artist promoted.'),
    start_date: isoDate.describe('Campaign start (YYYY-MM-DD).'),
    end_date: isoDate.optional().describe('Planned end (YYYY-MM-DD).'),
    total_budget: amountInput.optional().describe('Budget agreed with the client, in currency.'),
    currency: currencyInput.optional().describe('ISO code of budget and prices; default the organisation currency.'),
    salesperson: z.string().trim().min(1).max(200).optional().describe('Who sold the campaign.'),
    songs: z.array(songInput).min(1, 'give at least one song').max(200).describe('One entry per song and vendor.'),
  }),
  output: campaignView.extend({ placements: z.array(placementView) }),
  example: {
    client_id: EXAMPLE_ID,
    name: 'Summer push',
    artist_name: 'Nova Lane',
    start_date: '2026-06-01',
    songs: [{ track_url: 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC', goal: 20000, daily: 1000, price: 300, vendor_id: EXAMPLE_ID }],
  },
  async handler(ctx, input) {
    const client = await requireClient(ctx.db, input.client_id);
    if (!client.isActive) throw new ToolError('conflict', `client_id: ${client.name} is archived; restore it with update_client (is_active: true) before starting a campaign for it.`, [{ path: 'client_id', message: `${client.name} is archived` }]);
    const vendors = await requireSongVendors(ctx.db, input.songs);
    const startDate = parseDay(input.start_date, 'start_date');
    const endDate = input.end_date ? parseDay(input.end_date, 'end_date') : null;
    if (endDate && endDate < startDate) throw invalidInput('end_date', 'must be on or after start_date');
    const currency = input.currency ?? ctx.org.baseCurrency;
    const campaign = await ctx.db.campaignGroup.create({
      data: {
        organizationId: ctx.orgId,
        clientId: client.id,
        name: input.name,
        artistName: input.artist_name,
        startDate,
        endDate,
        totalBudget: input.total_budget,
        currency,
        salesperson: input.salesperson,
      },
      include: { client: { select: { id: true, name: true } } },
    });
    const placements = [];
    for (const [index, song] of input.songs.entries()) {
      const placement = await ctx.db.placement.create({
        data: {
          organizationId: ctx.orgId,
          campaignGroupId: campaign.id,
          vendorId: song.vendor_id,
          trackUrl: song.track_url,
          spotifyTrackId: spotifyTrackId(song.track_url)!,
          songName: song.song_name,
          goal: song.goal,
          daily: song.daily,
          price: song.price,
          currency,
          genre: song.genre?.toLocaleLowerCase('en'),
          startDate: song.start_date ? parseDay(song.start_date, `songs[${index}].start_date`) : startDate,
        },
      });
      placements.push(toPlacementView(placement, vendors.get(placement.vendorId)!.name));
    }
    await keepPlanLines(ctx, await ctx.db.placement.findMany({ where: { campaignGroupId: campaign.id } }));
    const goal = input.songs.reduce((sum, song) => sum + song.goal, 0);
    await recordActivity(ctx, {
      subjectType: 'campaign',
      subjectId: campaign.id,
      kind: 'created',
      summary: `Campaign ${campaign.name} (${campaign.artistName}) created for ${client.name}: ${placements.length} placements, goal ${goal} streams`,
      data: { clientId: client.id, placements: placements.length, goal },
    });
    return { ...toCampaignView(campaign), placements };
  },
});
