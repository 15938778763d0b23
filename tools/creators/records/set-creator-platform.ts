import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { EXAMPLE_ID, fieldList } from '../../crm/companies/crm-records.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { recordActivity } from '../../crm/timeline/record-activity.ts';
import { FIGURES, platformFields } from './creator-inputs.ts';
import { creatorLabel, creatorRefDescription, requireCreator } from './creator-view.ts';
import { platformChange } from './create-creator.ts';
import { applyPlatform } from './platform-figures.ts';
import { platformView, toPlatformView } from './platform-view.ts';

export const setCreatorPlatform = defineTool({
  name: 'set_creator_platform',
  title: "Add or update a creator's platform",
  description:
    "Adds a creator's account on a network, or updates it: handle, url and figures typed from their media kit (followers, following, engagement_rate 0..1, average views, likes, comments, posts count; null clears one). Changed figures are kept in the growth history. A platform Phyllo syncs refuses typed figures (its figures come from the sync).",
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  keywords: ['followers', 'media kit', 'add tiktok', 'add instagram', 'add youtube', 'account', 'engagement', 'stats'],
  input: z.object({ creator_id: z.string().trim().min(1).describe(creatorRefDescription), ...platformFields }),
  output: z.object({ platform: platformView, created: z.boolean(), changed: z.boolean().describe('false when everything given was already stored.') }),
  example: { creator_id: EXAMPLE_ID, network: 'instagram', handle: 'mara.beats', followers: 120000, engagement_rate: 0.034 },
  async handler(ctx, input) {
    const creator = await requireCreator(ctx.db, input.creator_id);
    const change = platformChange(input);
    const given = [...(input.handle !== undefined ? ['handle'] : []), ...(input.url !== undefined ? ['url'] : []), ...FIGURES.filter((figure) => input[figure] !== undefined)];
    const exists = creator.platforms.some((platform) => platform.network === input.network.toUpperCase());
    if (exists && given.length === 0) throw invalidInput('input', `give at least one field to change (handle, url, ${FIGURES.join(', ')})`);
    const outcome = await applyPlatform(ctx, creator, change, 'manual', 'refuse');
    if (outcome.changed) {
      await recordActivity(ctx, {
        subjects: [{ type: 'contact', id: creator.contactId }],
        kind: outcome.created ? 'creator_platform_added' : 'creator_platform_updated',
        summary: `${await actorName(ctx)} ${outcome.created ? 'added' : 'updated'} ${input.network} of ${creatorLabel(creator)}${given.length ? `: ${fieldList(given)}` : ''}`,
        data: { creator_id: creator.id, network: input.network, fields: given },
      });
    }
    return { platform: toPlatformView(outcome.platform), created: outcome.created, changed: outcome.changed };
  },
});
