import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { assignmentStatusInput, requireCreatorCampaign } from './campaign-common.ts';
import { assignmentOutput, loadAssignmentViews } from './assignment-view.ts';

export const campaignCreators = defineTool({
  name: 'campaign_creators',
  title: 'Creators on a campaign and their delivery',
  keywords: ["who hasn't delivered", 'who has not posted', 'overdue creators', 'late content', 'delivery status', 'missing deliverables'],
  description:
    "Every creator booked on a creator campaign with where their delivery stands: per network and format the pieces agreed vs submitted vs published, the next due date, an overdue flag (a deliverable past due and not all published), the fee, and the payment if paid. Filter by status, or undelivered: true for only those who have not published everything agreed (who hasn't delivered), most overdue first.",
  area: 'creators',
  access: 'read',
  permission: 'creators:read',
  input: z.object({
    creator_campaign_id: z.string().uuid().describe('The creator campaign (list_creator_campaigns).'),
    status: z.array(assignmentStatusInput).max(7).optional().describe('Only these statuses.'),
    undelivered: z.boolean().optional().describe('Only assignments (not declined) that have not published everything agreed.'),
  }),
  output: z.object({
    creator_campaign_id: z.string(),
    name: z.string(),
    rows: z.array(assignmentOutput),
    summary: z.object({ creators: z.number(), delivered: z.number(), overdue: z.number(), agreed: z.number(), published: z.number() }).describe('Over the rows returned.'),
  }),
  example: { creator_campaign_id: '01900000-0000-7000-8000-000000000001', undelivered: true },
  async handler(ctx, input) {
    const campaign = await requireCreatorCampaign(ctx, input.creator_campaign_id);
    let rows = await loadAssignmentViews(ctx, { campaignId: campaign.id, ...(input.status ? { status: { in: input.status } } : {}) });
    if (input.undelivered) {
      rows = rows
        .filter((row) => row.status !== 'DECLINED' && !row.delivered)
        .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.next_due_on ?? '9999').localeCompare(b.next_due_on ?? '9999') || a.creator_name.localeCompare(b.creator_name));
    }
    return {
      creator_campaign_id: campaign.id,
      name: campaign.name,
      rows,
      summary: {
        creators: rows.length,
        delivered: rows.filter((row) => row.delivered).length,
        overdue: rows.filter((row) => row.overdue).length,
        agreed: rows.reduce((sum, row) => sum + row.agreed, 0),
        published: rows.reduce((sum, row) => sum + row.published, 0),
      },
    };
  },
});
