import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { ASSIGNMENT_STATUSES, STATUS_LABELS, requireCreatorCampaign } from './campaign-common.ts';
import { assignmentOutput, loadAssignmentViews } from './assignment-view.ts';
import { campaignViewOf } from './campaign-view.ts';
import { campaignWithNetworksOutput } from './create-creator-campaign.ts';

export const getCreatorCampaign = defineTool({
  name: 'get_creator_campaign',
  title: 'Get a creator campaign',
  keywords: ['campaign board', 'creator board', 'budget vs committed', 'who is booked'],
  description:
    'One creator campaign in full: details, budget vs committed vs paid in total and per network, and the board: every assignment grouped by status (invited, accepted, declined, content submitted, content approved, published, paid) with its deliverables agreed vs submitted vs published, next due date, overdue flag, fee and payment.',
  area: 'creators',
  access: 'read',
  permission: 'creators:read',
  input: z.object({ creator_campaign_id: z.string().uuid().describe('The creator campaign (list_creator_campaigns).') }),
  output: campaignWithNetworksOutput.extend({
    board: z.array(z.object({
      status: z.enum(ASSIGNMENT_STATUSES),
      status_label: z.string(),
      count: z.number(),
      assignments: z.array(assignmentOutput),
    })).describe('Every status in workflow order, empty columns included.'),
  }),
  example: { creator_campaign_id: '01900000-0000-7000-8000-000000000001' },
  async handler(ctx, input) {
    const campaign = await requireCreatorCampaign(ctx, input.creator_campaign_id);
    const [view, assignments] = await Promise.all([campaignViewOf(ctx, campaign), loadAssignmentViews(ctx, { campaignId: campaign.id })]);
    return {
      ...view,
      board: ASSIGNMENT_STATUSES.map((status) => {
        const column = assignments.filter((assignment) => assignment.status === status);
        return { status, status_label: STATUS_LABELS[status], count: column.length, assignments: column };
      }),
    };
  },
});
