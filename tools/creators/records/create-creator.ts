import { z } from 'zod';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { EXAMPLE_ID, idInput, nameInput, requireContact } from '../../crm/companies/crm-records.ts';
import { contactFields, createContactRecord } from '../../crm/contacts/create-contact.ts';
import { actorName } from '../../crm/timeline/actor-name.ts';
import { recordActivity } from '../../crm/timeline/record-activity.ts';
import { refreshSearchDocuments } from '../search/search-document.ts';
import { checkExclusivity, creatorFields, platformInput, type PlatformInput } from './creator-inputs.ts';
import { creatorLabel, creatorView, loadCreator, toCreatorView } from './creator-view.ts';
import { applyPlatform } from './platform-figures.ts';

/** Fields that describe a new contact: refused beside contact_id. */
const NEW_CONTACT_FIELDS = ['name', 'emails', 'primary_email', 'phone', 'title', 'company_id'] as const;

export const createCreator = defineTool({
  name: 'create_creator',
  title: 'Create a creator',
  description:
    'Adds a creator (influencer): an existing CRM contact (contact_id) or a new one (name, emails...), with their handle (unique), bio, niches, genres, languages, country, contract (commission rate, exclusivity dates, fee ranges per deliverable), rate card, notes and, optionally, their platforms with figures from their media kit. A taken handle, or a contact already a creator, is a conflict naming that creator.',
  area: 'creators',
  access: 'write',
  permission: 'creators:write',
  keywords: ['influencer', 'add influencer', 'new creator', 'onboard', 'tiktoker', 'youtuber', 'sign', 'roster'],
  input: z.object({
    contact_id: idInput.optional().describe('Id of an existing contact who becomes the creator (list_contacts finds it). Or give name (and emails) for a new contact.'),
    name: nameInput.optional().describe('Full name of a new contact, e.g. "Mara Lopez" (instead of contact_id).'),
    emails: contactFields.emails.optional().describe('The new contact\'s emails (an address already on a contact is a conflict: give that contact_id instead).'),
    primary_email: contactFields.primary_email.optional(),
    phone: contactFields.phone.optional(),
    title: contactFields.title.optional(),
    company_id: contactFields.company_id.optional().describe("The new contact's company (their management, label...)."),
    handle: creatorFields.handle,
    bio: creatorFields.bio.optional(),
    niches: creatorFields.niches.default([]),
    genres: creatorFields.genres.default([]),
    languages: creatorFields.languages.default([]),
    country: creatorFields.country.optional(),
    commission_rate: creatorFields.commission_rate.optional(),
    exclusive: creatorFields.exclusive.default(false),
    exclusive_from: creatorFields.exclusive_from.optional(),
    exclusive_until: creatorFields.exclusive_until.optional(),
    fee_ranges: creatorFields.fee_ranges.default([]),
    rate_card: creatorFields.rate_card.default([]),
    notes: creatorFields.notes.optional(),
    platforms: z.array(platformInput).max(9).default([]).describe('Their accounts: [{network, handle?, url?, followers?, engagement_rate?, average_views?, ...}]; Phyllo can connect them later.'),
  }),
  output: creatorView,
  example: { contact_id: EXAMPLE_ID, handle: '@mara.beats', niches: ['dance'], genres: ['reggaeton'], languages: ['es'], country: 'ES', platforms: [{ network: 'tiktok', followers: 250000, engagement_rate: 0.061 }] },
  async handler(ctx, input) {
    checkExclusivity({ exclusive: input.exclusive, exclusiveFrom: input.exclusive_from ?? null, exclusiveUntil: input.exclusive_until ?? null });
    checkNetworksOnce(input.platforms);
    await assertHandleFree(ctx, input.handle);
    const contact = input.contact_id ? await existingContact(ctx, input) : (await newContact(ctx, input)).contact;
    const created = await ctx.db.creator.create({
      data: {
        organizationId: ctx.orgId,
        contactId: contact.id,
        handle: input.handle,
        bio: input.bio,
        niches: input.niches,
        genres: input.genres,
        languages: input.languages,
        country: input.country,
        commissionRate: input.commission_rate,
        exclusive: input.exclusive,
        exclusiveFrom: input.exclusive_from ? new Date(input.exclusive_from) : null,
        exclusiveUntil: input.exclusive_until ? new Date(input.exclusive_until) : null,
        feeRanges: input.fee_ranges,
        rateCard: input.rate_card,
        notes: input.notes,
      },
    });
    for (const platform of input.platforms) await applyPlatform(ctx, created, platformChange(platform), 'manual', 'refuse');
    await refreshSearchDocuments(ctx.db, ctx.orgId, [created.id], { jobs: ctx.jobs });
    const creator = await loadCreator(ctx.db, created.id);
    const networks = input.platforms.map((platform) => platform.network);
    await recordActivity(ctx, {
      subjects: [{ type: 'contact', id: contact.id }],
      kind: 'creator_created',
      summary: `${await actorName(ctx)} added ${creatorLabel(creator)} as a creator${networks.length ? ` on ${networks.join(', ')}` : ''}`,
      data: { creator_id: creator.id, handle: creator.handle },
    });
    return toCreatorView(creator);
  },
});

export function platformChange(platform: PlatformInput) {
  const { network, handle, url, ...figures } = platform;
  return { network, handle, url, figures };
}

/** Each network once in `platforms` (a creator has one account per network). */
export function checkNetworksOnce(platforms: ReadonlyArray<{ network: string }>): void {
  const seen = new Set<string>();
  for (const [index, platform] of platforms.entries()) {
    if (seen.has(platform.network)) throw invalidInput(`platforms[${index}].network`, `${platform.network} is listed twice; a creator has one account per network`);
    seen.add(platform.network);
  }
}

/** A conflict naming the creator who already has `handle` (other than `exceptId`). */
export async function assertHandleFree(ctx: Pick<ToolContext, 'db'>, handle: string, exceptId?: string): Promise<void> {
  const taken = await ctx.db.creator.findFirst({ where: { handle, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { contact: { select: { name: true } }, isActive: true } });
  if (taken) throw conflict(`handle: @${handle} is already the handle of creator '${taken.contact.name}'${taken.isActive ? '' : ' (archived)'}`);
}

async function existingContact(ctx: ToolContext, input: { contact_id?: string } & Partial<Record<(typeof NEW_CONTACT_FIELDS)[number], unknown>>) {
  const contact = await requireContact(ctx.db, input.contact_id!);
  const extra = NEW_CONTACT_FIELDS.find((field) => input[field] !== undefined);
  if (extra) throw invalidInput(extra, 'describes a new contact; with contact_id the existing contact is used as it is (update_contact changes it)');
  if (contact.mergedIntoId) throw invalidInput('contact_id', `contact '${contact.name}' was merged into another contact; use that one`);
  const creator = await ctx.db.creator.findFirst({ where: { contactId: contact.id }, select: { handle: true, isActive: true } });
  if (creator) throw conflict(`contact_id: contact '${contact.name}' is already creator @${creator.handle}${creator.isActive ? '' : ' (archived: update_creator is_active true restores it)'}`);
  return contact;
}

async function newContact(ctx: ToolContext, input: { name?: string; emails?: string[]; primary_email?: string; phone?: string; title?: string; company_id?: string }) {
  if (!input.name) throw invalidInput('contact_id', 'give contact_id (an existing contact) or name (and emails) for a new contact');
  return createContactRecord(ctx, {
    name: input.name,
    emails: input.emails ?? [],
    primary_email: input.primary_email,
    phone: input.phone,
    title: input.title,
    company_id: input.company_id,
    lifecycle: 'OTHER',
    tags: ['creator'],
    social_handles: {},
  });
}
