import { z } from 'zod';
import type { CampaignGroup } from '../../../db/generated/prisma/client.ts';
import { isoDay, moneyOrNull } from '../../common/format.ts';

export const CAMPAIGN_STATUSES = ['active', 'paused', 'completed'] as const;
export const INVOICE_STATUSES = ['not_invoiced', 'invoiced', 'paid'] as const;

/** A campaign's record (what was entered), as tools show it. */
export const campaignView = z.object({
  id: z.string(),
  name: z.string(),
  client: z.object({ id: z.string(), name: z.string() }),
  artist_name: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  invoice_status: z.enum(INVOICE_STATUSES),
  start_date: z.string(),
  end_date: z.string().nullable(),
  total_budget: z.number().nullable().describe('As entered, in currency.'),
  currency: z.string().describe('Currency of the budget and the placement prices.'),
  salesperson: z.string().nullable(),
  created_at: z.string(),
});
export type CampaignView = z.infer<typeof campaignView>;

export function toCampaignView(campaign: CampaignGroup & { client: { id: string; name: string } }): CampaignView {
  return {
    id: campaign.id,
    name: campaign.name,
    client: { id: campaign.client.id, name: campaign.client.name },
    artist_name: campaign.artistName,
    status: campaign.status.toLowerCase() as CampaignView['status'],
    invoice_status: campaign.invoiceStatus.toLowerCase() as CampaignView['invoice_status'],
    start_date: isoDay(campaign.startDate),
    end_date: campaign.endDate ? isoDay(campaign.endDate) : null,
    total_budget: moneyOrNull(campaign.totalBudget === null ? null : Number(campaign.totalBudget)),
    currency: campaign.currency,
    salesperson: campaign.salesperson,
    created_at: campaign.createdAt.toISOString(),
  };
}
