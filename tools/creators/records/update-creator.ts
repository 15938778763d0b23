import { z } from 'zod';
import { isoDay } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { EXAMPLE_ID, fieldList } from '../../crm/companies/crm-records.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { recordActivity } from '../../crm/timeline/record-activity.ts';
import { refreshSearchDocuments } from '../search/search-document.ts';
import { checkExclusivity, creatorFields } from './creator-inputs.ts';
import { creatorLabel, creatorRefDescription, creatorView, loadCreator, requireCreator, toCreatorView } from './creator-view.ts';
import { assertHandleFree } from './create-creator.ts';

const FIELDS = ['handle', 'bio', 'niches', 'genres', 'languages', 'country', 'commission_rate', 'exclusive', 'exclusive_from', 'exclusive_until', 'fee_ranges', 'rate_card', 'notes', 'is_active'] as const;
/** Fields the search document is built from. */
const SEARCHED = new Set<string>(['handle', 'bio', 'niches', 'genres']);

export const updateCreator = defineTool({
  name: 'update_creator',
  title: 'Update a creator',
  description:
    "Changes a creator's profile or contract; only the fields given change (null clears bio, country, commission_rate, exclusivity dates or notes; lists replace). is_active true restores an archived creator. Platforms: set_creator_platform; name and emails: update_contact on their contact. Returns the creator.",
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  keywords: ['edit influencer', 'contract', 'commission', 'exclusivity', 'rate card', 'fees', 'restore'],
  input: z.object({
    creator_id: z.string().trim().min(1).describe(creatorRefDescription),
    handle: creatorFields.handle.optional().describe('New handle (unique in the organisation).'),
    bio: creatorFields.bio.nullable().optional(),
    niches: creatorFields.niches.optional(),
    genres: creatorFields.genres.optional(),
    languages: creatorFields.languages.optional(),
    country: creatorFields.country.nullable().optional(),
    commission_rate: creatorFields.commission_rate.nullable().optional(),
    exclusive: creatorFields.exclusive.optional().describe('false also clears the exclusivity dates.'),
    exclusive_from: creatorFields.exclusive_from.nullable().optional(),
    exclusive_until: creatorFields.exclusive_until.nullable().optional(),
    fee_ranges: creatorFields.fee_ranges.optional(),
    rate_card: creatorFields.rate_card.optional(),
    notes: creatorFields.notes.nullable().optional(),
    is_active: z.boolean().optional().describe('true restores an archived creator; false archives it.'),
  }),
  output: creatorView,
  example: { creator_id: EXAMPLE_ID, commission_rate: 0.15, genres: ['reggaeton', 'latin pop'] },
  async handler(ctx, input) {
    const before = await requireCreator(ctx.db, input.creator_id);
    const changed = FIELDS.filter((field) => input[field] !== undefined);
    if (changed.length === 0) throw invalidInput('input', `give at least one field to change (${FIELDS.join(', ')})`);
    if (input.handle !== undefined && input.handle !== before.handle) await assertHandleFree(ctx, input.handle, before.id);
    const exclusive = input.exclusive ?? before.exclusive;
    // Ending exclusivity ends its dates too, unless the call sets them (which checkExclusivity refuses).
    const keepDates = exclusive || input.exclusive === undefined;
    const exclusiveFrom = input.exclusive_from !== undefined ? input.exclusive_from : keepDates && before.exclusiveFrom ? isoDay(before.exclusiveFrom) : null;
    const exclusiveUntil = input.exclusive_until !== undefined ? input.exclusive_until : keepDates && before.exclusiveUntil ? isoDay(before.exclusiveUntil) : null;
    checkExclusivity({ exclusive, exclusiveFrom, exclusiveUntil });
    if (input.is_active === true && before.contact.mergedIntoId) throw invalidInput('is_active', `contact '${before.contact.name}' was merged into another contact; create the creator on that one`);
    await ctx.db.creator.update({
      where: { id: before.id },
      data: {
        handle: input.handle,
        bio: input.bio,
        niches: input.niches,
        genres: input.genres,
        languages: input.languages,
        country: input.country,
        commissionRate: input.commission_rate,
        exclusive: input.exclusive,
        exclusiveFrom: exclusiveFrom ? new Date(exclusiveFrom) : null,
        exclusiveUntil: exclusiveUntil ? new Date(exclusiveUntil) : null,
        feeRanges: input.fee_ranges,
        rateCard: input.rate_card,
        notes: input.notes,
        isActive: input.is_active,
      },
    });
    if (changed.some((field) => SEARCHED.has(field))) await refreshSearchDocuments(ctx.db, ctx.orgId, [before.id], { jobs: ctx.jobs });
    const creator = await loadCreator(ctx.db, before.id);
    const restored = input.is_active === true && !before.isActive;
    const archived = input.is_active === false && before.isActive;
    await recordActivity(ctx, {
      subjects: [{ type: 'contact', id: creator.contactId }],
      kind: restored ? 'creator_restored' : archived ? 'creator_archived' : 'creator_updated',
      summary: `${await actorName(ctx)} updated ${creatorLabel(before)}: ${fieldList(changed)}${input.handle && input.handle !== before.handle ? ` (now @${input.handle})` : ''}`,
      data: { creator_id: creator.id, fields: [...changed] },
    });
    return toCreatorView(creator);
  },
});
