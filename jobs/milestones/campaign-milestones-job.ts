import { z } from 'zod';
import { isoDate } from '../../tools/common/format.ts';
import { CAMPAIGN_MILESTONES_JOB } from '../../tools/campaigns/records/record-campaign-milestones.ts';
import { defineJob } from '../define-job.ts';
import { callTool } from '../job-principal.ts';
import { bySalespersonEmail, milestonesMessage, type FiredMilestone } from './milestones-message.ts';

interface RecordedMilestones {
  as_of: string;
  fired: FiredMilestone[];
}

/**
 * After scrapes are imported: records the milestones campaigns reached and announces the new ones
 * in the organisation's alert channels and to each campaign's salesperson (Slack, by email). Every
 * import may queue it; each milestone is stored under its own key, so it is announced once.
 */
export const campaignMilestonesJob = defineJob({
  name: CAMPAIGN_MILESTONES_JOB,
  description: 'Announce campaign milestones (goal reached, under the delivery line, dropped from a vendor playlist) after new scrapes.',
  payload: z.object({ organizationId: z.string().min(1), as_of: isoDate.optional().describe('Date of the figures; default today.') }),
  attempts: 4,
  backoffMs: 30_000,
  key: () => undefined,
  async run(deps, payload) {
    const output = await callTool<RecordedMilestones>(deps, payload.organizationId, 'record_campaign_milestones', payload.as_of ? { as_of: payload.as_of } : {});
    if (output.fired.length === 0) return { fired: 0 };
    await deps.notifier.alerts(payload.organizationId, milestonesMessage(output.fired, output.as_of));
    const salespeople = bySalespersonEmail(output.fired);
    for (const [email, own] of salespeople) await deps.notifier.direct?.(payload.organizationId, email, milestonesMessage(own, output.as_of));
    return { fired: output.fired.length, salespeople: salespeople.size };
  },
});
