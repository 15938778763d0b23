import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { EXAMPLE_ID } from '../../crm/companies/crm-records.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { recordActivity } from '../../crm/timeline/record-activity.ts';
import { networkInput, toDbNetwork } from '../networks.ts';
import { creatorLabel, creatorRefDescription, requireCreator } from './creator-view.ts';
import { isSynced, syncedPhrase } from './platform-view.ts';

export const removeCreatorPlatform = defineTool({
  name: 'remove_creator_platform',
  title: "Remove a creator's platform",
  description:
    "Removes a creator's account on a network that was added by mistake, with its figure history and audience. Refused when Phyllo syncs it or when it has content (posts stay attached to campaigns); then keep it.",
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  keywords: ['delete platform', 'wrong account'],
  hints: { destructive: true },
  input: z.object({ creator_id: z.string().trim().min(1).describe(creatorRefDescription), network: networkInput }),
  output: z.object({ removed: z.object({ network: z.string(), handle: z.string(), snapshots: z.int(), audience_rows: z.int() }) }),
  example: { creator_id: EXAMPLE_ID, network: 'twitch' },
  async handler(ctx, input) {
    const creator = await requireCreator(ctx.db, input.creator_id);
    const platform = creator.platforms.find((row) => row.network === toDbNetwork(input.network));
    if (!platform) throw invalidInput('network', `${creatorLabel(creator)} has no ${input.network} account`);
    if (isSynced(platform)) throw conflict(`network: ${syncedPhrase(platform)}; a synced account is not removed by hand`);
    const content = await ctx.db.creatorContent.count({ where: { creatorPlatformId: platform.id } });
    if (content) throw conflict(`network: ${input.network} of ${creatorLabel(creator)} has ${content} post${content === 1 ? '' : 's'} on record; it stays`);
    const snapshots = await ctx.db.creatorPlatformSnapshot.deleteMany({ where: { creatorPlatformId: platform.id } });
    const audience = await ctx.db.audienceSlice.deleteMany({ where: { creatorPlatformId: platform.id } });
    await ctx.db.creatorPlatform.delete({ where: { id: platform.id } });
    await recordActivity(ctx, {
      subjects: [{ type: 'contact', id: creator.contactId }],
      kind: 'creator_platform_removed',
      summary: `${await actorName(ctx)} removed ${input.network} (@${platform.handle}) from ${creatorLabel(creator)}`,
      data: { creator_id: creator.id, network: input.network },
    });
    return { removed: { network: input.network, handle: platform.handle, snapshots: snapshots.count, audience_rows: audience.count } };
  },
});
