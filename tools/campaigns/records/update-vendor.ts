import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { changedFieldsSummary, recordActivity } from './activity.ts';
import { amountInput, currencyInput, EXAMPLE_ID, givenFields, idInput, nameInput } from './inputs.ts';
import { requireVendor } from './lookups.ts';
import { assertVendorNameFree } from './vendor-names.ts';
import { toVendorView, vendorView } from './vendor-view.ts';

const FIELDS = ['name', 'contact_email', 'cost_per_1k_streams', 'currency', 'is_active'] as const;

export const updateVendor = defineTool({
  name: 'update_vendor',
  title: 'Update a vendor',
  description: 'Changes a vendor\'s name, contact, promised price per 1k streams or active flag; only the fields given change. Returns the vendor.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  input: z.object({
    vendor_id: idInput.describe('Id of the vendor to change.'),
    name: nameInput.optional().describe('New name (unique, case-insensitive).'),
    contact_email: z.email().nullable().optional().describe('Contact email; null clears it.'),
    cost_per_1k_streams: amountInput.optional().describe('Promised price per 1,000 streams, in currency.'),
    currency: currencyInput.optional().describe('ISO code of cost_per_1k_streams.'),
    is_active: z.boolean().optional().describe('false retires the vendor (its history stays).'),
  }),
  output: vendorView,
  example: { vendor_id: EXAMPLE_ID, is_active: false },
  async handler(ctx, input) {
    await requireVendor(ctx.db, input.vendor_id);
    const changed = givenFields(input, FIELDS);
    if (changed.length === 0) throw invalidInput('input', `give at least one field to change (${FIELDS.join(', ')})`);
    if (input.name !== undefined) await assertVendorNameFree(ctx.db, input.name, input.vendor_id);
    const vendor = await ctx.db.vendor.update({
      where: { id: input.vendor_id },
      data: {
        name: input.name,
        contactEmail: input.contact_email,
        costPer1kStreams: input.cost_per_1k_streams,
        currency: input.currency,
        isActive: input.is_active,
      },
    });
    await recordActivity(ctx, {
      subjectType: 'vendor',
      subjectId: vendor.id,
      kind: 'updated',
      summary: changedFieldsSummary(`Vendor ${vendor.name}`, changed),
      data: { fields: [...changed] },
    });
    return toVendorView(vendor);
  },
});
