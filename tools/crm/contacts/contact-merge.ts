import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { entriesFollowingMerge, repointNoteLinks } from '../companies/company-merge.ts';
import { requireContact } from '../companies/crm-records.ts';
import { refreshSearchDocuments } from '../../creators/search/search-document.ts';

export type ContactRecord = Awaited<ReturnType<typeof requireContact>>;

/** Both contacts of a merge request, checked: two different records, the one merged away not already merged elsewhere. */
export async function contactMergePair(ctx: ToolContext, keepId: string, mergeId: string) {
  if (keepId === mergeId) throw invalidInput('merge_id', 'is the same contact as keep_id');
  const keep = await requireContact(ctx.db, keepId, 'keep_id');
  const merge = await requireContact(ctx.db, mergeId, 'merge_id');
  if (keep.mergedIntoId) throw conflict(`keep_id: contact '${keep.name}' was itself merged into another contact; keep that one instead`);
  if (merge.mergedIntoId && merge.mergedIntoId !== keep.id) throw conflict(`merge_id: contact '${merge.name}' was already merged into another contact`);
  const creators = await ctx.db.creator.findMany({ where: { contactId: { in: [keep.id, merge.id] } }, select: { handle: true } });
  if (creators.length === 2) throw conflict(`both contacts are creators (@${creators.map((creator) => creator.handle).join(' and @')}); a person has one creator profile, so archive one creator first`);
  const [keepDeals, mergeDeals] = await Promise.all([ctx.db.dealContact.count({ where: { contactId: keep.id } }), ctx.db.dealContact.count({ where: { contactId: merge.id } })]);
  return { keep, merge, keepDeals, mergeDeals, alreadyMerged: merge.mergedIntoId === keep.id };
}

export interface ContactMergeMoved {
  emails: number;
  deals: number;
  tasks: number;
  notes: number;
  activities: number;
}

/**
 * Folds `merge` into `keep` inside the tool's transaction: the survivor gains the other's emails
 * (its primary stays primary), tags, social handles and any field it lacks; deals, tasks, notes and
 * every timeline row move to it (nothing is deleted); the merged contact is archived with mergedIntoId.
 */
export async function mergeContactInto(ctx: ToolContext, keep: ContactRecord, merge: ContactRecord): Promise<ContactMergeMoved> {
  const keepHasPrimary = keep.emails.some((email) => email.isPrimary);
  const emails = await ctx.db.contactEmail.updateMany({ where: { contactId: merge.id }, data: { contactId: keep.id, isPrimary: false } });
  if (!keepHasPrimary && merge.emails.length) {
    const primary = merge.emails.find((email) => email.isPrimary) ?? merge.emails[0]!;
    await ctx.db.contactEmail.updateMany({ where: { contactId: keep.id, email: primary.email }, data: { isPrimary: true } });
  }
  await ctx.db.contact.update({
    where: { id: keep.id },
    data: {
      phone: keep.phone ?? merge.phone,
      title: keep.title ?? merge.title,
      companyId: keep.companyId ?? merge.companyId,
      ownerId: keep.ownerId ?? merge.ownerId,
      tags: [...new Set([...keep.tags, ...merge.tags])],
      socialHandles: { ...(merge.socialHandles as Prisma.JsonObject), ...(keep.socialHandles as Prisma.JsonObject) },
    },
  });
  // A deal both were on keeps one link, the survivor's.
  const dealLinks = await ctx.db.dealContact.findMany({ where: { contactId: merge.id }, select: { id: true, dealId: true } });
  const keepDeals = new Set((await ctx.db.dealContact.findMany({ where: { contactId: keep.id }, select: { dealId: true } })).map((link) => link.dealId));
  const shared = dealLinks.filter((link) => keepDeals.has(link.dealId)).map((link) => link.id);
  if (shared.length) await ctx.db.dealContact.deleteMany({ where: { id: { in: shared } } });
  await ctx.db.dealContact.updateMany({ where: { contactId: merge.id }, data: { contactId: keep.id } });
  const tasks = await ctx.db.task.updateMany({ where: { subjectType: 'contact', subjectId: merge.id }, data: { subjectId: keep.id } });
  const notes = await repointNoteLinks(ctx, 'contact', merge.id, keep.id);
  const activities = await entriesFollowingMerge(ctx, 'contact', merge.id);
  // A creator profile follows its person (contactMergePair refused two profiles).
  const creator = await ctx.db.creator.findFirst({ where: { contactId: merge.id }, select: { id: true } });
  if (creator) {
    await ctx.db.creator.update({ where: { id: creator.id }, data: { contactId: keep.id } });
    await refreshSearchDocuments(ctx.db, ctx.orgId, [creator.id], { jobs: ctx.jobs });
  }
  await ctx.db.contact.update({ where: { id: merge.id }, data: { isActive: false, mergedIntoId: keep.id } });
  const moved = { emails: emails.count, deals: dealLinks.length, tasks: tasks.count, notes, activities };
  await recordActivity(ctx, {
    subjects: [{ type: 'contact', id: keep.id }, { type: 'contact', id: merge.id }],
    kind: 'merged',
    summary: `${await actorName(ctx)} merged contact '${merge.name}' into '${keep.name}'`,
    data: { kept_id: keep.id, merged_id: merge.id, moved: { ...moved } },
  });
  return moved;
}
