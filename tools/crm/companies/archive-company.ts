import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { companyLabel, companyView, toCompanyView } from './company-view.ts';
import { EXAMPLE_ID, idInput, ownerNames, requireCompany } from './crm-records.ts';

export const archiveCompany = defineTool({
  name: 'archive_company',
  title: 'Archive a company',
  description: 'Archives a company: it leaves lists, and its contacts, deals and timeline stay (nothing is deleted). update_company {is_active: true} restores it. Returns the company.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  hints: { idempotent: true },
  input: z.object({ company_id: idInput.describe('Id of the company to archive.') }),
  output: z.object({ company: companyView, already_archived: z.boolean() }),
  example: { company_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const before = await requireCompany(ctx.db, input.company_id);
    if (!before.isActive) return { company: toCompanyView(before, await ownerNames(ctx, [before])), already_archived: true };
    const company = await ctx.db.company.update({ where: { id: before.id }, data: { isActive: false } });
    await recordActivity(ctx, { subjects: [{ type: 'company', id: company.id }], kind: 'archived', summary: `${await actorName(ctx)} archived ${companyLabel(company)}` });
    return { company: toCompanyView(company, await ownerNames(ctx, [company])), already_archived: false };
  },
});
