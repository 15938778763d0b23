import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { recordActivity } from './activity.ts';
import { EXAMPLE_ID, idInput } from './inputs.ts';
import { requireVendor } from './lookups.ts';
import { toVendorView, vendorView } from './vendor-view.ts';

export const archiveVendor = defineTool({
  name: 'archive_vendor',
  title: 'Archive a vendor',
  description:
    'Archives a vendor: it leaves list_vendors (unless include_archived) and campaign sheets may no longer name it (import_campaigns); its playlists, placements, payments and scorecard history stay. update_vendor with is_active: true restores it. Archiving again changes nothing.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  hints: { idempotent: true },
  input: z.object({ vendor_id: idInput.describe('Id of the vendor (list_vendors).') }),
  output: vendorView.extend({ already_archived: z.boolean() }),
  example: { vendor_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const before = await requireVendor(ctx.db, input.vendor_id);
    if (!before.isActive) return { ...toVendorView(before), already_archived: true };
    const vendor = await ctx.db.vendor.update({ where: { id: before.id }, data: { isActive: false } });
    await recordActivity(ctx, { subjectType: 'vendor', subjectId: vendor.id, kind: 'archived', summary: `Vendor ${vendor.name} archived (placements and payments kept)` });
    return { ...toVendorView(vendor), already_archived: false };
  },
});
