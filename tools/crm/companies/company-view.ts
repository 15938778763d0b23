import { z } from 'zod';
import type { Company } from '../../../db/generated/prisma/client.ts';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import { COMPANY_TYPES, SIZE_BANDS } from './crm-records.ts';

const line = z.string().trim().min(1).max(200);
export const addressInput = z
  .object({
    line1: line.optional().describe('Street and number.'),
    line2: line.optional().describe('Floor, suite.'),
    city: line.optional().describe('City.'),
    region: line.optional().describe('State, province or region.'),
    postal_code: z.string().trim().min(1).max(20).optional().describe('Postal code.'),
    country: line.optional().describe('Country (name or ISO code).'),
  })
  .strict();
export type AddressInput = z.output<typeof addressInput>;

export const companyView = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().nullable().describe('Lower case, e.g. acme.com.'),
  industry: z.string().nullable(),
  size_band: z.enum(SIZE_BANDS).nullable().describe('Employees.'),
  type: z.enum(COMPANY_TYPES),
  owner: z.string().nullable().describe("The owning member's name (or email)."),
  tags: z.array(z.string()),
  address: addressInput.nullable(),
  is_active: z.boolean().describe('false: archived (or merged into merged_into_id).'),
  merged_into_id: z.string().nullable(),
  updated_at: z.string(),
});
export type CompanyView = z.input<typeof companyView>;

export function toCompanyView(company: Company, owners: ReadonlyMap<string, string>): CompanyView {
  return {
    id: company.id,
    name: company.name,
    domain: company.domain,
    industry: company.industry,
    size_band: company.sizeBand as CompanyView['size_band'],
    type: company.type,
    owner: company.ownerId ? (owners.get(company.ownerId) ?? null) : null,
    tags: company.tags,
    address: (company.address as AddressInput | null) ?? null,
    is_active: company.isActive,
    merged_into_id: company.mergedIntoId,
    updated_at: company.updatedAt.toISOString(),
  };
}

/** An address without its empty parts, or null when nothing is left. */
export function storedAddress(address: AddressInput | null | undefined): Prisma.InputJsonObject | null | undefined {
  if (address === undefined || address === null) return address;
  const parts = Object.fromEntries(Object.entries(address).filter(([, value]) => value !== undefined));
  return Object.keys(parts).length ? parts : null;
}

export function companyLabel(company: { name: string }): string {
  return `company '${company.name}'`;
}
