import { z } from 'zod';
import type { CampaignStatus, InvoiceStatus } from '../../../db/generated/prisma/enums.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { isoDate, isoDay, parseDay } from '../../common/format.ts';
import { recordActivity } from './activity.ts';
import { CAMPAIGN_STATUSES, campaignView, INVOICE_STATUSES, toCampaignView } from './campaign-view.ts';
import { amountInput, EXAMPLE_ID, givenFields, idInput, nameInput } from './inputs.ts';
import { requireCampaign } from './lookups.ts';

const FIELDS = ['status', 'invoice_status', 'name', 'salesperson', 'total_budget', 'end_date'] as const;

export const updateCampaign = defineTool({
  name: 'update_campaign',
  title: 'Update a campaign',
  description:
    'Changes a campaign\'s status (active, paused, completed), invoice status (not_invoiced, invoiced, paid), name, salesperson, budget or end date; only the fields given change (null clears salesperson, total_budget, end_date). Returns the campaign.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  input: z.object({
    campaign_id: idInput.describe('Id of the campaign to change.'),
    status: z.enum(CAMPAIGN_STATUSES).optional().describe('active, paused or completed.'),
    invoice_status: z.enum(INVOICE_STATUSES).optional().describe('not_invoiced, invoiced or paid.'),
    name: nameInput.optional().describe('New campaign name.'),
    salesperson: z.string().trim().min(1).max(200).nullable().optional().describe('Who sold it; null clears it.'),
    total_budget: amountInput.nullable().optional().describe('Budget in the campaign currency; null clears it.'),
    end_date: isoDate.nullable().optional().describe('Planned end (YYYY-MM-DD); null clears it.'),
  }),
  output: campaignView,
  example: { campaign_id: EXAMPLE_ID, status: 'paused' },
  async handler(ctx, input) {
    const before = await requireCampaign(ctx.db, input.campaign_id);
    const changed = givenFields(input, FIELDS);
    if (changed.length === 0) throw invalidInput('input', `give at least one field to change (${FIELDS.join(', ')})`);
    const endDate = input.end_date ? parseDay(input.end_date, 'end_date') : input.end_date;
    if (endDate && endDate < before.startDate) throw invalidInput('end_date', `must be on or after the start date, ${isoDay(before.startDate)}`);
    const campaign = await ctx.db.campaignGroup.update({
      where: { id: before.id },
      data: {
        status: input.status?.toUpperCase() as CampaignStatus | undefined,
        invoiceStatus: input.invoice_status?.toUpperCase() as InvoiceStatus | undefined,
        name: input.name,
        salesperson: input.salesperson,
        totalBudget: input.total_budget,
        endDate,
      },
      include: { client: { select: { id: true, name: true } } },
    });
    const view = toCampaignView(campaign);
    const previous = toCampaignView(before);
    await recordActivity(ctx, {
      subjectType: 'campaign',
      subjectId: campaign.id,
      kind: 'updated',
      summary: `Campaign ${campaign.name} updated: ${changed.map((field) => `${field} ${String(previous[field] ?? 'none')} -> ${String(view[field] ?? 'none')}`).join(', ')}`,
      data: { fields: [...changed] },
    });
    return view;
  },
});
