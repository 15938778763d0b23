import { z } from 'zod';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { conflict } from '../../registry/errors.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { addressInput, companyLabel, companyView, storedAddress, toCompanyView } from './company-view.ts';
import { COMPANY_TYPES, domainInput, nameInput, normalizeTags, ownerChange, ownerEmailInput, ownerNames, SIZE_BANDS, tagsInput } from './crm-records.ts';

export const companyFields = {
  domain: domainInput.describe('Web domain, e.g. acme.com (a URL is reduced to its domain); used to find duplicates.'),
  industry: z.string().trim().min(1).max(120).describe('Industry, e.g. "Music publishing".'),
  size_band: z.enum(SIZE_BANDS).describe('Employees: 1, 2-10, 11-50, 51-200, 201-1000, 1000+.'),
  type: z.enum(COMPANY_TYPES).describe('PROSPECT, CLIENT, PARTNER or VENDOR.'),
  owner: ownerEmailInput.describe('Email of the member who owns the relationship.'),
  tags: tagsInput.describe('Free tags (stored lower-case).'),
  address: addressInput.describe('Postal address.'),
};

/** A conflict when another company of the organisation already has the domain. */
export async function assertDomainFree(db: Prisma.TransactionClient, domain: string | null | undefined, exceptId?: string): Promise<void> {
  if (!domain) return;
  const other = await db.company.findFirst({ where: { domain, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true, isActive: true } });
  if (other) throw conflict(`domain: ${domain} is already the domain of company '${other.name}'${other.isActive ? '' : ' (archived)'}`);
}

export const createCompany = defineTool({
  name: 'create_company',
  title: 'Create a company',
  description: 'Adds a company to the CRM (a prospect, client, partner or vendor business). A domain already used by another company is a conflict naming it. Returns the company with its id.',
  area: 'crm',
  access: 'write',
  permission: 'crm:write',
  keywords: ['account', 'organisation', 'business', 'brand', 'sponsor'],
  input: z.object({
    name: nameInput.describe('Company name, e.g. "Acme Records".'),
    domain: companyFields.domain.optional(),
    industry: companyFields.industry.optional(),
    size_band: companyFields.size_band.optional(),
    type: companyFields.type.default('PROSPECT'),
    owner: companyFields.owner.optional(),
    tags: companyFields.tags.default([]),
    address: companyFields.address.optional(),
  }),
  output: companyView,
  example: { name: 'Acme Records', domain: 'acme.com', type: 'PROSPECT' },
  async handler(ctx, input) {
    await assertDomainFree(ctx.db, input.domain);
    const ownerId = await ownerChange(ctx, input.owner);
    const company = await ctx.db.company.create({
      data: {
        organizationId: ctx.orgId,
        name: input.name,
        domain: input.domain,
        industry: input.industry,
        sizeBand: input.size_band,
        type: input.type,
        ownerId,
        tags: normalizeTags(input.tags),
        address: storedAddress(input.address) ?? Prisma.DbNull,
      },
    });
    await recordActivity(ctx, { subjects: [{ type: 'company', id: company.id }], kind: 'created', summary: `${await actorName(ctx)} created ${companyLabel(company)}` });
    return toCompanyView(company, await ownerNames(ctx, [company]));
  },
});
