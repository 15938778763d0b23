import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { EXAMPLE_ID, idInput, ownerNames } from '../companies/crm-records.ts';
import { contactMergePair, mergeContactInto } from './contact-merge.ts';
import { contactCompany, contactView, toContactView } from './contact-view.ts';

export const contactMergeMoved = z.object({ emails: z.int(), deals: z.int(), tasks: z.int(), notes: z.int(), activities: z.int().describe('Timeline entries now on the survivor.') });

/**
 * The approval half of merge_contacts: when both contacts are on deals, merging them changes who
 * those deals are with, so merge_contacts files this request and the merge runs only when another
 * person approves.
 */
export const approveContactMerge = defineTool({
  name: 'approve_contact_merge',
  title: 'Merge two contacts that are both on deals',
  description: 'Files an approval request to merge a contact (merge_id) into another (keep_id) when both are on deals; merge_contacts files it for you when needed. Once approved the merge runs as merge_contacts describes.',
  area: 'crm',
  access: 'approval',
  permission: 'crm:write',
  input: z.object({
    keep_id: idInput.describe('Id of the contact that stays.'),
    merge_id: idInput.describe('Id of the duplicate merged into it.'),
  }),
  output: z.object({ contact: contactView, already_merged: z.boolean(), moved: contactMergeMoved.nullable() }),
  example: { keep_id: EXAMPLE_ID, merge_id: EXAMPLE_ID },
  async preview(ctx, input) {
    const { keep, merge, keepDeals, mergeDeals } = await contactMergePair(ctx, input.keep_id, input.merge_id);
    return `Merge contact '${merge.name}' (on ${mergeDeals} deal${mergeDeals === 1 ? '' : 's'}) into '${keep.name}' (on ${keepDeals} deal${keepDeals === 1 ? '' : 's'}): emails, deals, tasks, notes and timeline move to '${keep.name}', and '${merge.name}' is archived.`;
  },
  async summarize(ctx, input) {
    const { keep, merge, keepDeals, mergeDeals } = await contactMergePair(ctx, input.keep_id, input.merge_id);
    return {
      headline: `Merge contact '${merge.name}' into '${keep.name}'`,
      amount: null,
      campaign: null,
      songs: [],
      evidence: [
        { label: `Deals ${keep.name} is on`, value: String(keepDeals) },
        { label: `Deals ${merge.name} is on`, value: String(mergeDeals) },
      ],
      warnings: ['Both contacts are on deals: after the merge those deals are with one person.'],
    };
  },
  async fingerprint(ctx, input) {
    const { keep, merge, keepDeals, mergeDeals } = await contactMergePair(ctx, input.keep_id, input.merge_id);
    return { [`Deals ${keep.name} is on`]: keepDeals, [`Deals ${merge.name} is on`]: mergeDeals, 'Already merged': merge.mergedIntoId === keep.id };
  },
  outcome: (result) => (result.already_merged ? 'The contacts had already been merged; nothing changed.' : `Contacts merged: ${result.moved?.deals ?? 0} deal links and ${result.moved?.activities ?? 0} timeline entries moved.`),
  async handler(ctx, input) {
    if (!ctx.approvalId) throw new Error('approve_contact_merge ran without an approval id');
    const pair = await contactMergePair(ctx, input.keep_id, input.merge_id);
    const moved = pair.alreadyMerged ? null : await mergeContactInto(ctx, pair.keep, pair.merge);
    const contact = await ctx.db.contact.findUniqueOrThrow({ where: { id: pair.keep.id }, include: { emails: true } });
    return { contact: toContactView(contact, await contactCompany(ctx, contact.companyId), await ownerNames(ctx, [contact])), already_merged: pair.alreadyMerged, moved };
  },
});
