import { z } from 'zod';
import type { Vendor } from '../../../db/generated/prisma/client.ts';
import { money } from '../../common/format.ts';

/** A playlist vendor (curator network paid per placement) as tools show it. */
export const vendorView = z.object({
  id: z.string(),
  name: z.string(),
  contact_email: z.string().nullable(),
  cost_per_1k_streams: z.number().describe("The vendor's promised price per 1,000 streams, in currency."),
  currency: z.string(),
  is_active: z.boolean(),
  created_at: z.string(),
});
export type VendorView = z.infer<typeof vendorView>;

export function toVendorView(vendor: Vendor): VendorView {
  return {
    id: vendor.id,
    name: vendor.name,
    contact_email: vendor.contactEmail,
    cost_per_1k_streams: money(Number(vendor.costPer1kStreams)),
    currency: vendor.currency,
    is_active: vendor.isActive,
    created_at: vendor.createdAt.toISOString(),
  };
}
