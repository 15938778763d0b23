import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { amountText, countText } from '../../common/display-figures.ts';
import { isoDay, money } from '../../common/format.ts';
import { songTitles } from '../delivery/song-titles.ts';
import { EXAMPLE_ID, idInput } from './inputs.ts';
import { placementRecordView, requirePlacement } from './placement-record.ts';
import { paidForPlacement, paidText, placementLabel, softRemovePlacement } from './placement-removal.ts';

/**
 * The approval half of remove_placement: once money was paid to the vendor for the campaign,
 * removing the placement files this request (remove_placement does it, saying so), and the
 * placement is removed only when another person approves.
 */
export const removePaidPlacement = defineTool({
  name: 'remove_paid_placement',
  title: 'Remove a paid placement',
  description:
    'Files an approval request to remove a placement whose vendor was already paid on its campaign; remove_placement files it for you when needed. Once approved the placement is removed (its history and payments stay).',
  area: 'campaigns',
  access: 'approval',
  permission: 'campaigns:write',
  input: z.object({ placement_id: idInput.describe('Id of the placement to remove (get_campaign lists them).') }),
  output: z.object({ placement: placementRecordView, already_removed: z.boolean() }),
  example: { placement_id: EXAMPLE_ID },
  async preview(ctx, input) {
    const { placement, paid } = await removalContext(ctx, input.placement_id);
    return `Remove the placement of ${placementLabel(placement)} (goal ${countText(placement.goal)} streams, priced ${amountText(money(Number(placement.price)), placement.currency)}). ${placement.vendor.name} was already paid ${paidText(paid)} on this campaign; the payments and delivery history stay.`;
  },
  async summarize(ctx, input) {
    const { placement, paid } = await removalContext(ctx, input.placement_id);
    const label = placement.songName ?? `track ${placement.spotifyTrackId}`;
    return {
      headline: `Remove ${label} from ${placement.vendor.name}'s placements`,
      amount: null,
      campaign: { id: placement.campaignGroup.id, name: placement.campaignGroup.name },
      songs: await songTitles(ctx.db, [{ spotifyTrackId: placement.spotifyTrackId, songName: placement.songName, campaignArtist: placement.campaignGroup.artistName }]),
      evidence: [
        { label: 'Vendor', value: placement.vendor.name },
        { label: 'Goal', value: `${countText(placement.goal)} streams (${countText(placement.daily)} a day from ${isoDay(placement.startDate)})` },
        { label: 'Placement priced', value: amountText(money(Number(placement.price)), placement.currency) },
        { label: 'Paid to the vendor on this campaign', value: paidText(paid) },
      ],
      warnings: ['Money was already paid for this campaign: removing the placement does not refund it.'],
    };
  },
  // If the vendor is paid again, or the placement is removed meanwhile, the approver decides again.
  async fingerprint(ctx, input) {
    const { placement, paid } = await removalContext(ctx, input.placement_id);
    return { 'Paid on this campaign': paidText(paid), Removed: placement.removedAt ? isoDay(placement.removedAt) : null };
  },
  outcome: (result) => (result.already_removed ? 'The placement had already been removed; nothing changed.' : 'Placement removed; its delivery history and payments stay.'),
  async handler(ctx, input) {
    if (!ctx.approvalId) throw new Error('remove_paid_placement ran without an approval id');
    const { placement, alreadyRemoved } = await softRemovePlacement(ctx, input.placement_id);
    return { placement, already_removed: alreadyRemoved };
  },
});

async function removalContext(ctx: ToolContext, placementId: string) {
  const placement = await requirePlacement(ctx.db, placementId);
  return { placement, paid: await paidForPlacement(ctx, placement) };
}
