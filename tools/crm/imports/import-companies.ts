import { uuidV7 } from '../../../db/uuid-v7.ts';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import { defineCsvImport } from '../../imports/csv-import.ts';
import { RowError } from '../../imports/csv-row.ts';
import { COMPANY_TYPES, normalizeDomain, normalizeTags, SIZE_BANDS } from '../companies/crm-records.ts';
import { actorName } from '../timeline/actor-name.ts';
import { recordActivity } from '../timeline/record-activity.ts';
import { enumCell, listCell, resolveOwners } from './import-cells.ts';

const ADDRESS_COLUMNS = ['line1', 'line2', 'city', 'region', 'postal_code', 'country'] as const;

export interface CompanyImportRow {
  name: string;
  domain: string | null;
  industry: string | null;
  sizeBand: string | null;
  type: (typeof COMPANY_TYPES)[number];
  owner: string | null;
  ownerId?: string | null;
  tags: string[];
  address: Prisma.InputJsonObject | null;
  /** Already stored (same domain and name, or same name without a domain): importing it again changes nothing. */
  stored?: boolean;
}

/** Duplicates go by domain; a row without one by its name. */
const keyOf = (row: Pick<CompanyImportRow, 'domain' | 'name'>) => row.domain ?? `name:${row.name.toLowerCase()}`;

export const importCompanies = defineCsvImport<CompanyImportRow>({
  name: 'import_companies',
  title: 'Import CRM companies (CSV)',
  description:
    'Adds CRM companies, one per row: domain (a URL is reduced to it), type prospect, client, partner or vendor, size_band 1, 2-10, 11-50, 51-200, 201-1000 or 1000+, owner a member\'s email, tags separated by ";", address in line1, line2, city, region, postal_code, country. ' +
    'Duplicates go by domain (by name for rows without one): a domain twice in the file, or stored on a company of another name, is a bad row naming the line or the company; a row already stored (same domain and name) is skipped.',
  area: 'crm',
  permission: 'crm:write',
  columns: { required: ['name'], optional: ['domain', 'industry', 'size_band', 'type', 'owner', 'tags', ...ADDRESS_COLUMNS] },
  exampleCsv: 'name,domain,type,city,country\nAcme Records,acme.example,prospect,Madrid,ES\n',
  read(row) {
    const name = row.text('name');
    if (name.length > 200) throw new RowError('name is longer than 200 characters');
    const domainText = row.text('domain', { optional: true });
    const domain = domainText === null ? null : normalizeDomain(domainText);
    if (domainText !== null && domain === null) throw new RowError(`domain "${domainText}" is not a domain (e.g. acme.com)`);
    const sizeBand = row.text('size_band', { optional: true });
    if (sizeBand !== null && !(SIZE_BANDS as readonly string[]).includes(sizeBand)) throw new RowError(`size_band "${sizeBand}" is not one of ${SIZE_BANDS.join(', ')}`);
    const address = Object.fromEntries(ADDRESS_COLUMNS.map((column) => [column, row.text(column, { optional: true })]).filter(([, value]) => value !== null));
    return {
      name,
      domain,
      industry: row.text('industry', { optional: true }),
      sizeBand,
      type: enumCell(row, 'type', COMPANY_TYPES) ?? 'PROSPECT',
      owner: row.text('owner', { optional: true })?.toLowerCase() ?? null,
      tags: normalizeTags(listCell(row, 'tags')),
      address: Object.keys(address).length ? (address as Prisma.InputJsonObject) : null,
    };
  },
  naturalKey: { of: keyOf, describe: (row) => (row.domain ? `domain ${row.domain}` : `company '${row.name}' without a domain`), replacesStored: false },
  prepareFile: (ctx, rows) => resolveOwners(ctx, rows),
  async conflictsWithStored(ctx, rows) {
    const domains = rows.map(({ row }) => row.domain).filter((domain): domain is string => domain !== null);
    const names = rows.filter(({ row }) => row.domain === null).map(({ row }) => row.name);
    const stored = await ctx.db.company.findMany({
      where: { OR: [{ domain: { in: domains } }, { name: { in: names, mode: 'insensitive' }, mergedIntoId: null }] },
      select: { name: true, domain: true },
    });
    const problems: Array<{ line: number; reason: string }> = [];
    for (const { line, row } of rows) {
      if (row.domain) {
        const company = stored.find((candidate) => candidate.domain === row.domain);
        if (!company) continue;
        if (company.name.toLowerCase() === row.name.toLowerCase()) row.stored = true;
        else problems.push({ line, reason: `domain ${row.domain} is already the domain of company '${company.name}'` });
      } else if (stored.some((candidate) => candidate.name.toLowerCase() === row.name.toLowerCase())) {
        row.stored = true;
      }
    }
    return problems;
  },
  async store(ctx, rows) {
    const presentDomains = new Set((await ctx.db.company.findMany({ where: { domain: { in: rows.map((row) => row.domain).filter((domain): domain is string => domain !== null) } }, select: { domain: true } })).map((row) => row.domain));
    const fresh = rows.filter((row) => !row.stored && !(row.domain && presentDomains.has(row.domain)));
    if (!fresh.length) return { inserted: 0, replaced: 0 };
    const companies = fresh.map((row) => ({
      id: uuidV7(),
      organizationId: ctx.orgId,
      name: row.name,
      domain: row.domain,
      industry: row.industry,
      sizeBand: row.sizeBand,
      type: row.type,
      ownerId: row.ownerId ?? null,
      tags: row.tags,
      ...(row.address ? { address: row.address } : {}),
    }));
    await ctx.db.company.createMany({ data: companies });
    await recordActivity(ctx, {
      subjects: companies.map((company) => ({ type: 'company' as const, id: company.id })),
      kind: 'imported',
      summary: companies.length === 1 ? `${await actorName(ctx)} imported company '${companies[0]!.name}' from a CSV file` : `${await actorName(ctx)} imported ${companies.length} companies from a CSV file`,
      data: { companies: companies.length },
    });
    return { inserted: fresh.length, replaced: 0 };
  },
});
