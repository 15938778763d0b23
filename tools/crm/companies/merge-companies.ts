import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { approveCompanyMerge } from './approve-company-merge.ts';
import { mergeCompanyInto, mergePair } from './company-merge.ts';
import { companyView, toCompanyView } from './company-view.ts';
import { EXAMPLE_ID, idInput, ownerNames } from './crm-records.ts';

export const mergeMoved = z.object({
  contacts: z.int(),
  deals: z.int(),
  clients: z.int(),
  tasks: z.int(),
  notes: z.int(),
  activities: z.int().describe('Timeline entries now on the survivor.'),
});

export const mergeCompanies = defineTool({
  name: 'merge_companies',
  title: 'Merge two companies',
  description:
    'Merges a duplicate company (merge_id) into the one to keep (keep_id): the survivor gets its tags and missing fields, contacts, deals, linked clients, tasks, notes and every timeline entry; the duplicate is archived, nothing deleted. When both have deals it files an approval request (status "pending") and nothing changes until another person approves.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  escalatesTo: [approveCompanyMerge.name],
  hints: { idempotent: true, destructive: true },
  keywords: ['duplicate', 'dedupe', 'combine'],
  input: z.object({
    keep_id: idInput.describe('Id of the company that stays.'),
    merge_id: idInput.describe('Id of the duplicate merged into it (archived afterwards).'),
  }),
  output: z.object({
    status: z.enum(['merged', 'pending']).describe('merged: done now; pending: both have deals, so an approver decides first.'),
    company: companyView.describe('The surviving company as it is now.'),
    already_merged: z.boolean().describe('merge_id had already been merged into keep_id; nothing changed.'),
    moved: mergeMoved.nullable().describe('What moved to the survivor, when merged now.'),
    approval_id: z.string().nullable(),
    preview: z.string().nullable(),
    approve_url: z.string().nullable(),
  }),
  example: { keep_id: EXAMPLE_ID, merge_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const pair = await mergePair(ctx, input.keep_id, input.merge_id);
    const view = async () => {
      const company = await ctx.db.company.findUniqueOrThrow({ where: { id: pair.keep.id } });
      return toCompanyView(company, await ownerNames(ctx, [company]));
    };
    const none = { approval_id: null, preview: null, approve_url: null };
    if (pair.alreadyMerged) return { status: 'merged' as const, company: await view(), already_merged: true, moved: null, ...none };
    if (pair.keepDeals > 0 && pair.mergeDeals > 0) {
      if (!ctx.requestApproval) throw new Error('merge_companies needs the registry to file approval requests');
      const request = await ctx.requestApproval(approveCompanyMerge.name, { keep_id: pair.keep.id, merge_id: pair.merge.id });
      return { status: 'pending' as const, company: await view(), already_merged: false, moved: null, approval_id: request.approval_id, preview: request.preview, approve_url: request.approve_url };
    }
    const { moved } = await mergeCompanyInto(ctx, pair.keep, pair.merge);
    return { status: 'merged' as const, company: await view(), already_merged: false, moved, ...none };
  },
});
