import { z } from 'zod';
import type { PlacementStatus } from '../../../db/generated/prisma/enums.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { isoDate, isoDay, money, parseDay } from '../../common/format.ts';
import { recordActivity } from './activity.ts';
import { amountInput, countInput, EXAMPLE_ID, givenFields, idInput } from './inputs.ts';
import { placementRecordView, PLACEMENT_STATUSES, requirePlacement, toPlacementRecordView, type PlacementRecordView } from './placement-record.ts';
import { placementLabel } from './placement-removal.ts';

const FIELDS = ['goal', 'daily', 'weekly', 'price', 'start_date', 'status'] as const;

export const updatePlacement = defineTool({
  name: 'update_placement',
  title: 'Update a placement',
  description:
    "Changes one placement (a song booked with a vendor): its goal, daily or weekly promise, price (campaign currency), start date or status (active, paused, completed); only the fields given change (null clears weekly). Returns the placement. To take it off a campaign use remove_placement.",
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  input: z.object({
    placement_id: idInput.describe('Id of the placement (get_campaign lists them).'),
    goal: countInput.positive('must be more than 0').optional().describe('Streams the vendor promises in total.'),
    daily: countInput.positive('must be more than 0').optional().describe('Streams promised per day.'),
    weekly: countInput.positive('must be more than 0').nullable().optional().describe('Streams promised per week, when the vendor quotes one; null clears it.'),
    price: amountInput.optional().describe('What the placement costs, in the campaign currency.'),
    start_date: isoDate.optional().describe('When the placement starts (YYYY-MM-DD).'),
    status: z.enum(PLACEMENT_STATUSES).optional().describe('active, paused or completed.'),
  }),
  output: placementRecordView,
  example: { placement_id: EXAMPLE_ID, goal: 25000, status: 'paused' },
  async handler(ctx, input) {
    const before = await requirePlacement(ctx.db, input.placement_id);
    const changed = givenFields(input, FIELDS);
    if (changed.length === 0) throw invalidInput('input', `give at least one field to change (${FIELDS.join(', ')})`);
    if (before.removedAt) throw conflict(`The placement of ${placementLabel(before)} was removed on ${isoDay(before.removedAt)}; a removed placement keeps its history and is not edited.`);
    const placement = await ctx.db.placement.update({
      where: { id: before.id },
      data: {
        goal: input.goal,
        daily: input.daily,
        weekly: input.weekly,
        price: input.price,
        startDate: input.start_date === undefined ? undefined : parseDay(input.start_date, 'start_date'),
        status: input.status?.toUpperCase() as PlacementStatus | undefined,
      },
    });
    const view = toPlacementRecordView(placement, before.vendor.name);
    const previous = toPlacementRecordView(before, before.vendor.name);
    await recordActivity(ctx, {
      subjectType: 'placement',
      subjectId: placement.id,
      kind: 'updated',
      summary: `Placement of ${placementLabel(before)} updated: ${changed.map((field) => `${field} ${shown(previous, field)} -> ${shown(view, field)}`).join(', ')}`,
      data: { campaignId: placement.campaignGroupId, fields: [...changed] },
    });
    return view;
  },
});

function shown(view: PlacementRecordView, field: (typeof FIELDS)[number]): string {
  const value = view[field];
  return typeof value === 'number' && field === 'price' ? String(money(value)) : String(value ?? 'none');
}
