import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { recordActivity } from './activity.ts';
import { amountInput, currencyInput, nameInput } from './inputs.ts';
import { assertVendorNameFree } from './vendor-names.ts';
import { toVendorView, vendorView } from './vendor-view.ts';

export const createVendor = defineTool({
  name: 'create_vendor',
  title: 'Create a vendor',
  description: 'Adds a playlist vendor (a curator network paid per placement) with its promised price per 1,000 streams. Names are unique (case-insensitive). Returns the vendor with its id.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  input: z.object({
    name: nameInput.describe('Vendor name, unique in the organisation.'),
    contact_email: z.email().optional().describe('Where to reach the vendor.'),
    cost_per_1k_streams: amountInput.describe('Promised price per 1,000 streams, in currency (e.g. 2.5).'),
    currency: currencyInput.optional().describe('ISO code of cost_per_1k_streams; default the organisation currency.'),
    is_active: z.boolean().default(true).describe('Whether the vendor is currently used.'),
  }),
  output: vendorView,
  async handler(ctx, input) {
    await assertVendorNameFree(ctx.db, input.name);
    const vendor = await ctx.db.vendor.create({
      data: {
        organizationId: ctx.orgId,
        name: input.name,
        contactEmail: input.contact_email,
        costPer1kStreams: input.cost_per_1k_streams,
        currency: input.currency ?? ctx.org.baseCurrency,
        isActive: input.is_active,
      },
    });
    await recordActivity(ctx, {
      subjectType: 'vendor',
      subjectId: vendor.id,
      kind: 'created',
      summary: `Vendor ${vendor.name} created at ${input.cost_per_1k_streams} ${vendor.currency} per 1k streams`,
    });
    return toVendorView(vendor);
  },
});
