import type { ToolContext } from '../../registry/context.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';

/**
 * The CRM company of a Crescendo client named `name`: an existing company of that name (any case;
 * a CLIENT one first, never a merged one) is linked, and a prospect becomes a client; otherwise a
 * company of type CLIENT is created. Writes the company's timeline entry. Returns its id.
 */
export async function companyForClient(ctx: ToolContext, clientName: string): Promise<string> {
  const candidates = await ctx.db.company.findMany({
    where: { name: { equals: clientName, mode: 'insensitive' }, mergedIntoId: null },
    orderBy: [{ isActive: 'desc' }, { createdAt: 'asc' }],
    select: { id: true, name: true, type: true },
  });
  const existing = candidates.find((company) => company.type === 'CLIENT') ?? candidates[0];
  const actor = await actorName(ctx);
  if (existing) {
    if (existing.type === 'PROSPECT') {
      await ctx.db.company.update({ where: { id: existing.id }, data: { type: 'CLIENT' } });
      await recordActivity(ctx, { subjects: [{ type: 'company', id: existing.id }], kind: 'updated', summary: `${actor} made company '${existing.name}' a client (client '${clientName}' added)`, data: { fields: ['type'] } });
    }
    return existing.id;
  }
  const company = await ctx.db.company.create({ data: { organizationId: ctx.orgId, name: clientName, type: 'CLIENT' } });
  await recordActivity(ctx, { subjects: [{ type: 'company', id: company.id }], kind: 'created', summary: `${actor} created company '${company.name}' for client '${clientName}'` });
  return company.id;
}

/** After a client is renamed: its company takes the new name too (or the client gets a company if it had none). */
export async function renameClientCompany(ctx: ToolContext, client: { id: string; name: string; companyId: string | null }): Promise<string> {
  const company = client.companyId ? await ctx.db.company.findUnique({ where: { id: client.companyId }, select: { id: true, name: true } }) : null;
  if (!company) {
    const companyId = await companyForClient(ctx, client.name);
    await ctx.db.client.update({ where: { id: client.id }, data: { companyId } });
    return companyId;
  }
  if (company.name !== client.name) {
    await ctx.db.company.update({ where: { id: company.id }, data: { name: client.name } });
    await recordActivity(ctx, { subjects: [{ type: 'company', id: company.id }], kind: 'updated', summary: `${await actorName(ctx)} renamed company '${company.name}' to '${client.name}' with its client`, data: { fields: ['name'] } });
  }
  return company.id;
}
