import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { mergeCompanyInto, mergePair } from './company-merge.ts';
import { companyView, toCompanyView } from './company-view.ts';
import { EXAMPLE_ID, idInput, ownerNames } from './crm-records.ts';

/**
 * The approval half of merge_companies: when both companies have deals, merging them combines two
 * pipelines, so merge_companies files this request and the merge runs only when another person approves.
 */
export const approveCompanyMerge = defineTool({
  name: 'approve_company_merge',
  title: 'Merge two companies that both have deals',
  description: 'Files an approval request to merge a company (merge_id) into another (keep_id) when both have deals; merge_companies files it for you when needed. Once approved the merge runs as merge_companies describes.',
  area: 'crm',
  access: 'approval',
  permission: 'crm:write',
  input: z.object({
    keep_id: idInput.describe('Id of the company that stays.'),
    merge_id: idInput.describe('Id of the duplicate merged into it.'),
  }),
  output: z.object({
    company: companyView,
    already_merged: z.boolean(),
    moved: z.object({ contacts: z.int(), deals: z.int(), clients: z.int(), tasks: z.int(), notes: z.int(), activities: z.int() }).nullable(),
  }),
  example: { keep_id: EXAMPLE_ID, merge_id: EXAMPLE_ID },
  async preview(ctx, input) {
    const { keep, merge, keepDeals, mergeDeals } = await mergePair(ctx, input.keep_id, input.merge_id);
    return `Merge company '${merge.name}' (${mergeDeals} deal${mergeDeals === 1 ? '' : 's'}) into '${keep.name}' (${keepDeals} deal${keepDeals === 1 ? '' : 's'}): its deals, contacts, clients, tasks, notes and timeline move to '${keep.name}', and '${merge.name}' is archived.`;
  },
  async summarize(ctx, input) {
    const { keep, merge, keepDeals, mergeDeals } = await mergePair(ctx, input.keep_id, input.merge_id);
    return {
      headline: `Merge company '${merge.name}' into '${keep.name}'`,
      amount: null,
      campaign: null,
      songs: [],
      evidence: [
        { label: `Deals of ${keep.name}`, value: String(keepDeals) },
        { label: `Deals of ${merge.name}`, value: String(mergeDeals) },
      ],
      warnings: ['Both companies have deals: after the merge they are one pipeline under one company.'],
    };
  },
  async fingerprint(ctx, input) {
    const { keep, merge, keepDeals, mergeDeals } = await mergePair(ctx, input.keep_id, input.merge_id);
    return { [`Deals of ${keep.name}`]: keepDeals, [`Deals of ${merge.name}`]: mergeDeals, 'Already merged': merge.mergedIntoId === keep.id };
  },
  outcome: (result) => (result.already_merged ? 'The companies had already been merged; nothing changed.' : `Companies merged: ${result.moved?.deals ?? 0} deals and ${result.moved?.activities ?? 0} timeline entries moved.`),
  async handler(ctx, input) {
    if (!ctx.approvalId) throw new Error('approve_company_merge ran without an approval id');
    const pair = await mergePair(ctx, input.keep_id, input.merge_id);
    const moved = pair.alreadyMerged ? null : (await mergeCompanyInto(ctx, pair.keep, pair.merge)).moved;
    const company = await ctx.db.company.findUniqueOrThrow({ where: { id: pair.keep.id } });
    return { company: toCompanyView(company, await ownerNames(ctx, [company])), already_merged: pair.alreadyMerged, moved };
  },
});
