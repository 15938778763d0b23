import { ToolError } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

/** not_found naming the input field, the same whether the record never existed or is another organisation's. */
export function missing(field: string, entity: string, id: string): ToolError {
  const message = `no ${entity} with id ${id} in this organisation`;
  return new ToolError('not_found', `${field}: ${message}.`, [{ path: field, message }]);
}

export async function requireClient(db: ToolDb, id: string, field = 'client_id') {
  const client = await db.client.findUnique({ where: { id } });
  if (!client) throw missing(field, 'client', id);
  return client;
}

export async function requireVendor(db: ToolDb, id: string, field = 'vendor_id') {
  const vendor = await db.vendor.findUnique({ where: { id } });
  if (!vendor) throw missing(field, 'vendor', id);
  return vendor;
}

export async function requireCampaign(db: ToolDb, id: string, field = 'campaign_id') {
  const campaign = await db.campaignGroup.findUnique({ where: { id }, include: { client: { select: { id: true, name: true } } } });
  if (!campaign) throw missing(field, 'campaign', id);
  return campaign;
}
