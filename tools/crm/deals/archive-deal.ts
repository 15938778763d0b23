import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { requireDeal } from './deal-common.ts';
import { dealOutput, dealView } from './deal-view.ts';

export const archiveDeal = defineTool({
  name: 'archive_deal',
  title: 'Archive a deal',
  description:
    'Takes a deal out of lists and the pipeline (is_active false); nothing is deleted, its history stays, and restore: true brings it back. Lands on the timeline.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object({
    deal_id: z.string().uuid().describe('The deal to archive.'),
    restore: z.boolean().default(false).describe('true brings an archived deal back.'),
  }),
  output: dealOutput,
  hints: { idempotent: true },
  example: { deal_id: '01900000-0000-7000-8000-000000000001' },
  async handler(ctx, input) {
    const deal = await requireDeal(ctx, input.deal_id);
    if (deal.isActive !== input.restore) {
      const updated = await ctx.db.deal.update({ where: { id: deal.id }, data: { isActive: input.restore } });
      await recordActivity(ctx, {
        subjects: [{ type: 'deal', id: deal.id }],
        kind: input.restore ? 'restored' : 'archived',
        summary: `${await actorName(ctx)} ${input.restore ? 'restored' : 'archived'} deal '${deal.name}'`,
      });
      return dealView(ctx, updated);
    }
    return dealView(ctx, deal);
  },
});
