import { z } from 'zod';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import { escapeLikePattern } from '../../common/contains-text.ts';
import { rate } from '../../common/format.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import { decodeCursor, encodeCursor, nextCursorOutput, pageInput } from '../../registry/pagination.ts';
import { NETWORKS, fromDbNetwork, networkInput, toDbNetwork } from '../networks.ts';
import { countryInput } from './creator-inputs.ts';
import { byNetworkOrder } from './platform-view.ts';

interface CreatorRow {
  id: string;
  name: string;
  handle: string;
  country: string | null;
  isActive: boolean;
  totalFollowers: bigint | null;
  bestEngagement: Prisma.Decimal | null;
}

const followersInput = z.number().int().min(0);

export const listCreators = defineTool({
  name: 'list_creators',
  title: 'List creators',
  description:
    'Lists creators (influencers), newest first: filter by network, country, genre, niche, follower range (on that network when network is given, else the total), active or archived, or search by part of the name or a handle. Each row: networks with followers, total followers, best engagement rate, campaigns count. get_creator shows one in full; search_creators ranks by meaning.',
  area: 'creators',
  access: 'read',
  permission: 'creators:read',
  keywords: ['influencers', 'roster', 'tiktokers', 'youtubers', 'who', 'creators we work with'],
  input: z.object({
    search: z.string().trim().min(1).max(100).optional().describe('Part of the name or of a handle (any case, "@" optional).'),
    network: networkInput.optional().describe('Only creators with an account on this network.'),
    country: countryInput.optional().describe("Only creators based in this country (ISO code)."),
    genre: z.string().trim().min(1).max(60).optional().describe('Only creators with this genre.'),
    niche: z.string().trim().min(1).max(60).optional().describe('Only creators with this niche.'),
    min_followers: followersInput.optional().describe('At least this many followers (on network when given, else in total).'),
    max_followers: followersInput.optional().describe('At most this many followers (on network when given, else in total).'),
    active: z.boolean().nullable().default(true).describe('true: active creators (default); false: archived ones; null: both.'),
    ...pageInput,
  }),
  output: z.object({
    rows: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        handle: z.string(),
        country: z.string().nullable(),
        networks: z.array(z.object({ network: z.enum(NETWORKS), handle: z.string(), followers: z.int().nullable(), engagement_rate: z.number().nullable() })),
        total_followers: z.int(),
        best_engagement_rate: z.number().nullable().describe('Highest over the platforms, 0..1.'),
        campaigns_count: z.int().describe('Creator campaigns they are assigned to.'),
        is_active: z.boolean(),
      }),
    ),
    next_cursor: nextCursorOutput,
  }),
  example: { network: 'tiktok', min_followers: 100000 },
  async handler(ctx, input) {
    if (input.min_followers !== undefined && input.max_followers !== undefined && input.min_followers > input.max_followers) {
      throw invalidInput('max_followers', `${input.max_followers} is below min_followers ${input.min_followers}`);
    }
    const afterId = decodeCursor(input.cursor);
    const conditions: Prisma.Sql[] = [Prisma.sql`c."organizationId" = ${ctx.orgId}`];
    if (input.active !== null) conditions.push(Prisma.sql`c."isActive" = ${input.active}`);
    if (afterId) conditions.push(Prisma.sql`c.id < ${afterId}`);
    if (input.country) conditions.push(Prisma.sql`c.country = ${input.country}`);
    if (input.genre) conditions.push(Prisma.sql`c.genres @> ARRAY[${input.genre.toLocaleLowerCase('en')}]::text[]`);
    if (input.niche) conditions.push(Prisma.sql`c.niches @> ARRAY[${input.niche.toLocaleLowerCase('en')}]::text[]`);
    const range = (column: Prisma.Sql) => [
      ...(input.min_followers !== undefined ? [Prisma.sql`${column} >= ${input.min_followers}`] : []),
      ...(input.max_followers !== undefined ? [Prisma.sql`${column} <= ${input.max_followers}`] : []),
    ];
    if (input.network) {
      const onNetwork = [Prisma.sql`p.network = ${toDbNetwork(input.network)}::"CreatorNetwork"`, ...range(Prisma.sql`COALESCE(p.followers, 0)`)];
      conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "CreatorPlatform" p WHERE p."organizationId" = c."organizationId" AND p."creatorId" = c.id AND ${Prisma.join(onNetwork, ' AND ')})`);
    } else {
      conditions.push(...range(Prisma.sql`COALESCE(f.total, 0)`));
    }
    if (input.search) {
      const pattern = `%${escapeLikePattern(input.search.replace(/^@/, ''))}%`;
      conditions.push(Prisma.sql`(ct.name ILIKE ${pattern} OR c.handle LIKE ${pattern.toLowerCase()} OR EXISTS (
        SELECT 1 FROM "CreatorPlatform" p WHERE p."organizationId" = c."organizationId" AND p."creatorId" = c.id AND p.handle ILIKE ${pattern}))`);
    }
    const rows = await ctx.db.$queryRaw<CreatorRow[]>(Prisma.sql`
      SELECT c.id, ct.name, c.handle, c.country, c."isActive", f.total AS "totalFollowers", f.best AS "bestEngagement"
      FROM "Creator" c
      JOIN "Contact" ct ON ct."organizationId" = c."organizationId" AND ct.id = c."contactId"
      LEFT JOIN LATERAL (
        SELECT SUM(p.followers)::bigint AS total, MAX(p."engagementRate") AS best
        FROM "CreatorPlatform" p WHERE p."organizationId" = c."organizationId" AND p."creatorId" = c.id
      ) f ON true
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY c.id DESC
      LIMIT ${input.limit + 1}`);
    const page = rows.slice(0, input.limit);
    const ids = page.map((row) => row.id);
    const [platforms, assignments] = ids.length
      ? await Promise.all([
          ctx.db.creatorPlatform.findMany({ where: { creatorId: { in: ids } }, select: { creatorId: true, network: true, handle: true, followers: true, engagementRate: true } }),
          ctx.db.campaignCreator.groupBy({ by: ['creatorId'], where: { creatorId: { in: ids } }, _count: { _all: true } }),
        ])
      : [[], []];
    const campaignsOf = new Map(assignments.map((row) => [row.creatorId, row._count._all]));
    return {
      rows: page.map((row) => ({
        id: row.id,
        name: row.name,
        handle: row.handle,
        country: row.country,
        networks: byNetworkOrder(platforms.filter((platform) => platform.creatorId === row.id)).map((platform) => ({
          network: fromDbNetwork(platform.network),
          handle: platform.handle,
          followers: platform.followers,
          engagement_rate: platform.engagementRate === null ? null : rate(Number(platform.engagementRate)),
        })),
        total_followers: Number(row.totalFollowers ?? 0),
        best_engagement_rate: row.bestEngagement === null ? null : rate(Number(row.bestEngagement)),
        campaigns_count: campaignsOf.get(row.id) ?? 0,
        is_active: row.isActive,
      })),
      next_cursor: rows.length > input.limit ? encodeCursor(page[page.length - 1]!.id) : null,
    };
  },
});
