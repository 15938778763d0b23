import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { EXAMPLE_ID, idInput } from './inputs.ts';
import { placementRecordView, requirePlacement, toPlacementRecordView } from './placement-record.ts';
import { paidForPlacement, paidText, softRemovePlacement } from './placement-removal.ts';
import { removePaidPlacement } from './remove-paid-placement.ts';

const paidAmount = z.object({ amount: z.number(), currency: z.string() });

/**
 * One tool for taking a placement off a campaign. Nothing paid: it is removed now (a write). The
 * vendor already paid on that campaign: the removal changes what the money bought, so this files a
 * remove_paid_placement approval request instead and answers with it (status "pending", the same
 * fields every approval tool returns), and nothing is removed until another person approves.
 */
export const removePlacement = defineTool({
  name: 'remove_placement',
  title: 'Remove a placement',
  description:
    'Takes a placement (a song booked with a vendor) off its campaign; its row, scrapes and payments stay, so delivered streams never vanish. Removed at once when nothing was paid to that vendor on the campaign; otherwise it files an approval request (status "pending" with approval_id) and nothing changes until another person approves.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  escalatesTo: [removePaidPlacement.name],
  hints: { idempotent: true, destructive: true },
  input: z.object({ placement_id: idInput.describe('Id of the placement to remove (get_campaign lists them).') }),
  output: z.object({
    status: z.enum(['removed', 'pending']).describe('removed: done now; pending: money was paid, so an approver must decide first.'),
    placement: placementRecordView.describe('The placement as it is now.'),
    already_removed: z.boolean().describe('It had been removed before; nothing changed.'),
    paid_on_campaign: z.array(paidAmount).describe('Paid to this vendor on this campaign, per currency.'),
    approval_id: z.string().nullable().describe('The approval request filed, when pending.'),
    preview: z.string().nullable().describe('What the approval request will do, when pending.'),
    approve_url: z.string().nullable().describe('Where an approver decides, when pending and a web UI runs.'),
  }),
  example: { placement_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const placement = await requirePlacement(ctx.db, input.placement_id);
    const paid = placement.removedAt ? [] : await paidForPlacement(ctx, placement);
    if (paid.length === 0) {
      const removed = await softRemovePlacement(ctx, placement.id);
      return { status: 'removed' as const, placement: removed.placement, already_removed: removed.alreadyRemoved, paid_on_campaign: [], approval_id: null, preview: null, approve_url: null };
    }
    if (!ctx.requestApproval) throw new Error('remove_placement needs the registry to file approval requests');
    const request = await ctx.requestApproval(removePaidPlacement.name, { placement_id: placement.id });
    ctx.log.info('placement removal needs approval', { placementId: placement.id, paid: paidText(paid), approvalId: request.approval_id });
    return {
      status: 'pending' as const,
      placement: toPlacementRecordView(placement, placement.vendor.name),
      already_removed: false,
      paid_on_campaign: paid,
      approval_id: request.approval_id,
      preview: request.preview,
      approve_url: request.approve_url,
    };
  },
});
