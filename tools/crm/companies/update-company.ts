import { z } from 'zod';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { companyLabel, companyView, storedAddress, toCompanyView } from './company-view.ts';
import { assertDomainFree, companyFields } from './create-company.ts';
import { EXAMPLE_ID, fieldList, idInput, nameInput, normalizeTags, ownerChange, ownerNames, requireCompany } from './crm-records.ts';

const FIELDS = ['name', 'domain', 'industry', 'size_band', 'type', 'owner', 'tags', 'address', 'is_active'] as const;

export const updateCompany = defineTool({
  name: 'update_company',
  title: 'Update a company',
  description: 'Changes a company; only the fields given change (null clears domain, industry, size_band, owner or address; tags replace the list). is_active true restores an archived company. Returns the company.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  input: z.object({
    company_id: idInput.describe('Id of the company to change.'),
    name: nameInput.optional().describe('New name.'),
    domain: companyFields.domain.nullable().optional(),
    industry: companyFields.industry.nullable().optional(),
    size_band: companyFields.size_band.nullable().optional(),
    type: companyFields.type.optional(),
    owner: companyFields.owner.nullable().optional(),
    tags: companyFields.tags.optional().describe('Replaces the tags (stored lower-case).'),
    address: companyFields.address.nullable().optional(),
    is_active: z.boolean().optional().describe('true restores an archived company; false archives it.'),
  }),
  output: companyView,
  example: { company_id: EXAMPLE_ID, industry: 'Music publishing' },
  async handler(ctx, input) {
    const before = await requireCompany(ctx.db, input.company_id);
    const changed = FIELDS.filter((field) => input[field] !== undefined);
    if (changed.length === 0) throw invalidInput('input', `give at least one field to change (${FIELDS.join(', ')})`);
    if (input.is_active === true && before.mergedIntoId) throw invalidInput('is_active', `company '${before.name}' was merged into another company and cannot be restored`);
    await assertDomainFree(ctx.db, input.domain, before.id);
    const ownerId = await ownerChange(ctx, input.owner);
    const address = storedAddress(input.address);
    const company = await ctx.db.company.update({
      where: { id: before.id },
      data: {
        name: input.name,
        domain: input.domain,
        industry: input.industry,
        sizeBand: input.size_band,
        type: input.type,
        ownerId,
        tags: input.tags ? normalizeTags(input.tags) : undefined,
        address: address === null ? Prisma.DbNull : address,
        isActive: input.is_active,
      },
    });
    const renamed = input.name !== undefined && input.name !== before.name ? ` (was '${before.name}')` : '';
    await recordActivity(ctx, {
      subjects: [{ type: 'company', id: company.id }],
      kind: input.is_active === true && !before.isActive ? 'restored' : 'updated',
      summary: `${await actorName(ctx)} updated ${companyLabel(company)}${renamed}: ${fieldList(changed)}`,
      data: { fields: [...changed] },
    });
    return toCompanyView(company, await ownerNames(ctx, [company]));
  },
});
