import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { EXAMPLE_ID, idInput, ownerNames } from '../companies/crm-records.ts';
import { approveContactMerge, contactMergeMoved } from './approve-contact-merge.ts';
import { contactMergePair, mergeContactInto } from './contact-merge.ts';
import { contactCompany, contactView, toContactView } from './contact-view.ts';
import type { ToolContext } from '../../registry/context.ts';

export async function survivorView(ctx: ToolContext, id: string) {
  const contact = await ctx.db.contact.findUniqueOrThrow({ where: { id }, include: { emails: true } });
  return toContactView(contact, await contactCompany(ctx, contact.companyId), await ownerNames(ctx, [contact]));
}

export const mergeContacts = defineTool({
  name: 'merge_contacts',
  title: 'Merge two contacts',
  description:
    'Merges a duplicate contact (merge_id) into the one to keep (keep_id): the survivor gets its emails, tags, missing fields, deals, tasks, notes and every timeline entry; the duplicate is archived, nothing deleted. When both are on deals it files an approval request (status "pending") and nothing changes until another person approves.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  escalatesTo: [approveContactMerge.name],
  hints: { idempotent: true, destructive: true },
  keywords: ['duplicate', 'dedupe', 'combine'],
  input: z.object({
    keep_id: idInput.describe('Id of the contact that stays.'),
    merge_id: idInput.describe('Id of the duplicate merged into it (archived afterwards).'),
  }),
  output: z.object({
    status: z.enum(['merged', 'pending']).describe('merged: done now; pending: both are on deals, so an approver decides first.'),
    contact: contactView.describe('The surviving contact as it is now.'),
    already_merged: z.boolean().describe('merge_id had already been merged into keep_id; nothing changed.'),
    moved: contactMergeMoved.nullable().describe('What moved to the survivor, when merged now.'),
    approval_id: z.string().nullable(),
    preview: z.string().nullable(),
    approve_url: z.string().nullable(),
  }),
  example: { keep_id: EXAMPLE_ID, merge_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const pair = await contactMergePair(ctx, input.keep_id, input.merge_id);
    const none = { approval_id: null, preview: null, approve_url: null };
    if (pair.alreadyMerged) return { status: 'merged' as const, contact: await survivorView(ctx, pair.keep.id), already_merged: true, moved: null, ...none };
    if (pair.keepDeals > 0 && pair.mergeDeals > 0) {
      if (!ctx.requestApproval) throw new Error('merge_contacts needs the registry to file approval requests');
      const request = await ctx.requestApproval(approveContactMerge.name, { keep_id: pair.keep.id, merge_id: pair.merge.id });
      return { status: 'pending' as const, contact: await survivorView(ctx, pair.keep.id), already_merged: false, moved: null, approval_id: request.approval_id, preview: request.preview, approve_url: request.approve_url };
    }
    const moved = await mergeContactInto(ctx, pair.keep, pair.merge);
    return { status: 'merged' as const, contact: await survivorView(ctx, pair.keep.id), already_merged: false, moved, ...none };
  },
});
