import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { requireCompany } from './crm-records.ts';

export type CompanyRecord = Awaited<ReturnType<typeof requireCompany>>;

/** Both companies of a merge request, checked: two different records, the one merged away not already merged elsewhere. */
export async function mergePair(ctx: ToolContext, keepId: string, mergeId: string) {
  if (keepId === mergeId) throw invalidInput('merge_id', 'is the same company as keep_id');
  const keep = await requireCompany(ctx.db, keepId, 'keep_id');
  const merge = await requireCompany(ctx.db, mergeId, 'merge_id');
  if (keep.mergedIntoId) throw conflict(`keep_id: company '${keep.name}' was itself merged into another company; keep that one instead`);
  if (merge.mergedIntoId && merge.mergedIntoId !== keep.id) throw conflict(`merge_id: company '${merge.name}' was already merged into another company`);
  const [keepDeals, mergeDeals] = await Promise.all([ctx.db.deal.count({ where: { companyId: keep.id } }), ctx.db.deal.count({ where: { companyId: merge.id } })]);
  return { keep, merge, keepDeals, mergeDeals, alreadyMerged: merge.mergedIntoId === keep.id };
}

export interface CompanyMergeResult {
  moved: { contacts: number; deals: number; clients: number; tasks: number; notes: number; activities: number };
}

/**
 * Folds `merge` into `keep` inside the tool's transaction: the survivor gains the other's tags and
 * any field it lacks; contacts, deals, linked clients, tasks, notes and every timeline row move to
 * it (nothing is deleted); the merged company is archived with mergedIntoId.
 */
export async function mergeCompanyInto(ctx: ToolContext, keep: CompanyRecord, merge: CompanyRecord): Promise<CompanyMergeResult> {
  const domain = keep.domain ?? merge.domain;
  // The domain moves with the merge: clear it on the merged one first, so the survivor can take it.
  if (merge.domain) await ctx.db.company.update({ where: { id: merge.id }, data: { domain: null } });
  await ctx.db.company.update({
    where: { id: keep.id },
    data: {
      domain,
      industry: keep.industry ?? merge.industry,
      sizeBand: keep.sizeBand ?? merge.sizeBand,
      ownerId: keep.ownerId ?? merge.ownerId,
      tags: [...new Set([...keep.tags, ...merge.tags])],
      address: (keep.address ?? merge.address ?? Prisma.DbNull) as Prisma.InputJsonValue,
    },
  });
  const contacts = await ctx.db.contact.updateMany({ where: { companyId: merge.id }, data: { companyId: keep.id } });
  const deals = await ctx.db.deal.updateMany({ where: { companyId: merge.id }, data: { companyId: keep.id } });
  const clients = await ctx.db.client.updateMany({ where: { companyId: merge.id }, data: { companyId: keep.id } });
  const tasks = await ctx.db.task.updateMany({ where: { subjectType: 'company', subjectId: merge.id }, data: { subjectId: keep.id } });
  const notes = await repointNoteLinks(ctx, 'company', merge.id, keep.id);
  const activities = await entriesFollowingMerge(ctx, 'company', merge.id);
  await ctx.db.company.update({ where: { id: merge.id }, data: { isActive: false, mergedIntoId: keep.id } });
  const moved = { contacts: contacts.count, deals: deals.count, clients: clients.count, tasks: tasks.count, notes, activities };
  await recordActivity(ctx, {
    subjects: [{ type: 'company', id: keep.id }, { type: 'company', id: merge.id }],
    kind: 'merged',
    summary: `${await actorName(ctx)} merged company '${merge.name}' into '${keep.name}'`,
    data: { kept_id: keep.id, merged_id: merge.id, moved },
  });
  return { moved };
}

/** Notes linked to the merged record now link to the survivor (a note already on both keeps one link). */
export async function repointNoteLinks(ctx: ToolContext, subjectType: string, fromId: string, toId: string): Promise<number> {
  const links = await ctx.db.noteLink.findMany({ where: { subjectType, subjectId: fromId }, select: { id: true, noteId: true } });
  if (!links.length) return 0;
  const onSurvivor = new Set((await ctx.db.noteLink.findMany({ where: { subjectType, subjectId: toId, noteId: { in: links.map((link) => link.noteId) } }, select: { noteId: true } })).map((link) => link.noteId));
  const duplicates = links.filter((link) => onSurvivor.has(link.noteId)).map((link) => link.id);
  if (duplicates.length) await ctx.db.noteLink.deleteMany({ where: { id: { in: duplicates } } });
  await ctx.db.noteLink.updateMany({ where: { subjectType, subjectId: fromId }, data: { subjectId: toId } });
  return links.length;
}

/**
 * The timeline is append-only, so a merge moves no entry: the survivor's timeline also reads the
 * entries of every record merged into it (get_timeline follows mergedIntoId). This counts the
 * merged record's entries that now show there.
 */
export async function entriesFollowingMerge(ctx: ToolContext, subjectType: string, fromId: string): Promise<number> {
  return ctx.db.activity.count({ where: { subjectType, subjectId: fromId } });
}
