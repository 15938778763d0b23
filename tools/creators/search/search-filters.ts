import { Prisma } from '../../../db/generated/prisma/client.ts';
import { toDbNetwork, type Network } from '../networks.ts';

/** search_creators' filters once validated (see search-creators.ts for their meaning). */
export interface CreatorFilters {
  networks?: Network[];
  min_followers?: number;
  max_followers?: number;
  min_engagement_rate?: number;
  countries?: string[];
  audience_country?: string;
  audience_age?: string[];
  audience_min_share: number;
  genres?: string[];
  languages?: string[];
  available_between?: { from: string; to: string };
}

/** The assignment statuses that do not hold a creator's dates. */
export const FREEING_ASSIGNMENT = 'DECLINED';
/** The campaign statuses whose assignments do not hold a creator's dates. */
export const FREEING_CAMPAIGN = 'CANCELLED';

/** A platform of creator `c` on one of the requested networks (every network when none). */
function onNetworks(filters: CreatorFilters, alias: string): Prisma.Sql {
  const p = Prisma.raw(alias);
  const base = Prisma.sql`${p}."organizationId" = c."organizationId" AND ${p}."creatorId" = c.id`;
  if (!filters.networks?.length) return base;
  return Prisma.sql`${base} AND ${p}.network = ANY(${filters.networks.map(toDbNetwork)}::text[]::"CreatorNetwork"[])`;
}

/** The latest audience day of one dimension for platform `p`. */
function latestDay(dimension: 'COUNTRY' | 'AGE'): Prisma.Sql {
  return Prisma.sql`(SELECT max(l."asOf") FROM "AudienceSlice" l WHERE l."organizationId" = p."organizationId" AND l."creatorPlatformId" = p.id AND l.dimension = ${dimension}::"AudienceDimension")`;
}

/**
 * The filters as SQL conditions on creator `c` (active creators of the organisation only). Figures
 * are per platform: one platform on the requested networks must meet every figure filter at once
 * (followers between min and max with at least the engagement rate); audience filters read each
 * platform's latest slices of that dimension.
 */
export function filterConditions(organizationId: string, filters: CreatorFilters): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`c."organizationId" = ${organizationId}`, Prisma.sql`c."isActive"`];
  const figures: Prisma.Sql[] = [];
  if (filters.min_followers !== undefined) figures.push(Prisma.sql`p.followers >= ${filters.min_followers}`);
  if (filters.max_followers !== undefined) figures.push(Prisma.sql`p.followers <= ${filters.max_followers}`);
  if (filters.min_engagement_rate !== undefined) figures.push(Prisma.sql`p."engagementRate" >= ${filters.min_engagement_rate}`);
  if (filters.networks?.length || figures.length) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "CreatorPlatform" p WHERE ${Prisma.join([onNetworks(filters, 'p'), ...figures], ' AND ')})`);
  }
  if (filters.countries?.length) conditions.push(Prisma.sql`c.country = ANY(${filters.countries}::text[])`);
  if (filters.genres?.length) conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM unnest(c.genres) g WHERE lower(g) = ANY(${filters.genres.map((genre) => genre.toLowerCase())}::text[]))`);
  if (filters.languages?.length) conditions.push(Prisma.sql`c.languages && ${filters.languages}::text[]`);
  if (filters.audience_country) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "CreatorPlatform" p JOIN "AudienceSlice" s ON s."organizationId" = p."organizationId" AND s."creatorPlatformId" = p.id
      WHERE ${onNetworks(filters, 'p')} AND s.dimension = 'COUNTRY'::"AudienceDimension" AND s."asOf" = ${latestDay('COUNTRY')}
        AND upper(s.value) = ${filters.audience_country} AND s.share >= ${filters.audience_min_share})`);
  }
  if (filters.audience_age?.length) {
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "CreatorPlatform" p
      WHERE ${onNetworks(filters, 'p')} AND (
        SELECT coalesce(sum(s.share), 0) FROM "AudienceSlice" s
        WHERE s."organizationId" = p."organizationId" AND s."creatorPlatformId" = p.id AND s.dimension = 'AGE'::"AudienceDimension"
          AND s."asOf" = ${latestDay('AGE')} AND s.value = ANY(${filters.audience_age}::text[])) >= ${filters.audience_min_share})`);
  }
  if (filters.available_between) {
    const { from, to } = filters.available_between;
    conditions.push(Prisma.sql`NOT EXISTS (
      SELECT 1 FROM "CampaignCreator" a JOIN "Campaign" m ON m."organizationId" = a."organizationId" AND m.id = a."campaignId"
      WHERE a."organizationId" = c."organizationId" AND a."creatorId" = c.id
        AND a.status::text <> ${FREEING_ASSIGNMENT} AND m.status::text <> ${FREEING_CAMPAIGN}
        AND (m."startsOn" IS NOT NULL OR m."endsOn" IS NOT NULL)
        AND coalesce(m."startsOn", '-infinity'::date) <= ${to}::date AND coalesce(m."endsOn", 'infinity'::date) >= ${from}::date)`);
  }
  return conditions;
}
