import { z } from 'zod';
import { isoDate, parseDay, todayIn } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { EXAMPLE_ID } from '../../crm/companies/crm-records.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { recordActivity } from '../../crm/timeline/record-activity.ts';
import { networkInput, toDbNetwork } from '../networks.ts';
import { audienceInput, audienceRows, audienceView, replaceAudience, toAudienceView } from './audience.ts';
import { creatorLabel, creatorRefDescription, requireCreator } from './creator-view.ts';
import { isSynced, syncedPhrase } from './platform-view.ts';

export const setCreatorAudience = defineTool({
  name: 'set_creator_audience',
  title: "Set a creator's audience",
  description:
    "Records who follows a creator on one network as of a day (from their media kit): shares 0..1 per age band, gender, top countries and top cities; each dimension adds up to 1 at most. Replaces that day's audience of that platform (earlier days stay). Refused on a platform Phyllo syncs.",
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  keywords: ['demographics', 'audience', 'age', 'gender', 'countries', 'cities', 'followers where'],
  input: z.object({
    creator_id: z.string().trim().min(1).describe(creatorRefDescription),
    network: networkInput,
    as_of: isoDate.optional().describe('The day the figures describe (default: today in the organisation\'s time zone).'),
    ...audienceInput,
  }),
  output: z.object({ network: z.string(), audience: audienceView }),
  example: { creator_id: EXAMPLE_ID, network: 'tiktok', as_of: '2026-11-30', age: { '18-24': 0.52, '25-34': 0.3 }, gender: { female: 0.61, male: 0.37 }, countries: [{ code: 'ES', share: 0.44 }], cities: [{ name: 'Madrid', country: 'ES', share: 0.12 }] },
  async handler(ctx, input) {
    const creator = await requireCreator(ctx.db, input.creator_id);
    const platform = creator.platforms.find((row) => row.network === toDbNetwork(input.network));
    if (!platform) throw invalidInput('network', `${creatorLabel(creator)} has no ${input.network} account; add it with set_creator_platform first`);
    if (isSynced(platform)) throw conflict(`network: ${syncedPhrase(platform)}; its audience comes from the sync, never typed by hand`);
    const rows = audienceRows(input);
    if (!rows.length) throw invalidInput('input', 'give at least one of age, gender, countries, cities');
    const asOf = input.as_of ? parseDay(input.as_of, 'as_of') : todayIn(ctx.org.timeZone, ctx.now());
    await replaceAudience(ctx, platform.id, asOf, rows, 'manual');
    const slices = await ctx.db.audienceSlice.findMany({ where: { creatorPlatformId: platform.id, asOf } });
    await recordActivity(ctx, {
      subjects: [{ type: 'contact', id: creator.contactId }],
      kind: 'creator_audience_set',
      summary: `${await actorName(ctx)} set the ${input.network} audience of ${creatorLabel(creator)} as of ${slices.length ? slices[0]!.asOf.toISOString().slice(0, 10) : ''}`,
      data: { creator_id: creator.id, network: input.network },
    });
    return { network: input.network, audience: toAudienceView(slices)! };
  },
});
