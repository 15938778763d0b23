import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { EXAMPLE_ID } from '../../crm/companies/crm-records.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { recordActivity } from '../../crm/timeline/record-activity.ts';
import { creatorLabel, creatorRefDescription, creatorView, loadCreator, requireCreator, toCreatorView } from './creator-view.ts';

export const archiveCreator = defineTool({
  name: 'archive_creator',
  title: 'Archive a creator',
  description:
    'Archives a creator: they leave list_creators and search; their contact, platforms, history, content, campaigns and payments stay (nothing is deleted). update_creator {is_active: true} restores them.',
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  keywords: ['remove influencer', 'deactivate', 'drop creator'],
  hints: { idempotent: true },
  input: z.object({ creator_id: z.string().trim().min(1).describe(creatorRefDescription) }),
  output: z.object({ creator: creatorView, already_archived: z.boolean() }),
  example: { creator_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const before = await requireCreator(ctx.db, input.creator_id);
    if (!before.isActive) return { creator: toCreatorView(before), already_archived: true };
    await ctx.db.creator.update({ where: { id: before.id }, data: { isActive: false } });
    await recordActivity(ctx, {
      subjects: [{ type: 'contact', id: before.contactId }],
      kind: 'creator_archived',
      summary: `${await actorName(ctx)} archived ${creatorLabel(before)}`,
      data: { creator_id: before.id },
    });
    return { creator: toCreatorView(await loadCreator(ctx.db, before.id)), already_archived: false };
  },
});
