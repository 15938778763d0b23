import pgvector from 'pgvector';
import { z } from 'zod';
import { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { invalidInput } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { fromDbNetwork, networkInput, NETWORKS, toDbNetwork } from '../networks.ts';
import type { CreatorNetwork } from '../../../db/generated/prisma/enums.ts';
import { creatorEmbedder } from './embeddings/embedder-services.ts';
import type { Embedder } from './embeddings/embedder.ts';
import { embeddingState, vectorsAvailable } from './embeddings/embedding-store.ts';
import { FREEING_ASSIGNMENT, FREEING_CAMPAIGN, filterConditions, type CreatorFilters } from './search-filters.ts';
import { searchDocumentParts, type DocumentPart } from './search-document.ts';

/** Reciprocal rank fusion's constant (Cormack et al.): a rank r counts 1 / (RRF_K + r). */
export const RRF_K = 60;
/** The default share an audience country or age bands must reach. */
export const DEFAULT_AUDIENCE_SHARE = 0.15;
/** Below this cosine similarity a creator found only by the vector part is noise, not a match. */
export const MIN_VECTOR_SIMILARITY = 0.2;
/** Words shown per part of a hit's profile. */
const WORDS_PER_PART = 8;

const countryCode = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as US');
const ageBand = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ''))
  .pipe(z.string().regex(/^(\d{2}-\d{2}|\d{2}\+)$/, 'an age band such as 18-24 or 65+'));
const day = z.iso.date();

const networkFigures = z.object({
  network: z.enum(NETWORKS),
  handle: z.string(),
  followers: z.number().int().nullable(),
  engagement_rate: z.number().nullable().describe('0..1 (0.042 = 4.2%).'),
});

const hitOutput = z.object({
  id: z.string(),
  name: z.string(),
  handle: z.string(),
  country: z.string().nullable(),
  networks: z.array(networkFigures),
  score: z.number().nullable().describe('Reciprocal rank fusion score (higher is better); null when ranked by followers (no query).'),
  why: z.object({
    filters: z.array(z.object({ filter: z.string(), matched: z.string().describe("The creator's actual values that met the filter.") })),
    matched_words: z.array(z.object({ part: z.enum(['name', 'bio', 'niches', 'genres', 'captions']), words: z.array(z.string()) })).describe('Query words found in the profile, by the part they came from.'),
    full_text_rank: z.number().int().nullable().describe('Place in the full-text ranking (1 = best), when full text found it.'),
    vector_similarity: z.number().nullable().describe('Cosine similarity of the profile and the query (-1..1), when vector ranking was used.'),
    vector_rank: z.number().int().nullable(),
  }),
});

export const searchCreators = defineTool({
  name: 'search_creators',
  title: 'Search creators',
  description:
    'Finds creators (influencers) by what they are about and by hard filters. `query` is plain words ("k-pop dance covers", "vinyl collector reviews"): ranked by Postgres full text over bio, niches, genres and recent captions fused with vector similarity (reciprocal rank fusion); without a query, by followers. ' +
    'Filters: networks, followers and engagement on those networks (one platform must meet all figure filters), creator countries, audience_country / audience_age (the latest audience slices must reach audience_min_share, default 15%), genres, languages, available_between (no live assignment to a creator campaign overlapping those dates). ' +
    'Each hit says why: the filters it met with its actual values, the words matched and where. `ranking` says which rankings ran and which embedder.',
  area: 'creators',
  access: 'read',
  permission: 'creators:read',
  keywords: ['influencers', 'find creators', 'tiktokers', 'youtubers', 'who could promote', 'audience', 'discover'],
  input: z.object({
    query: z.string().trim().min(1).max(500).optional().describe('What the creators should be about, in plain words. Quotes, "or" and -word work as in web search.'),
    platforms: z.array(networkInput).min(1).max(NETWORKS.length).optional().describe(`Only creators on one of these platforms (${NETWORKS.join(', ')}); figure and audience filters then read those platforms only.`),
    networks: z.array(networkInput).min(1).max(NETWORKS.length).optional().describe('Same as platforms (the word the other creator tools use); give one or the other.'),
    min_followers: z.number().int().min(0).optional().describe('At least this many followers on one platform (of `networks`).'),
    max_followers: z.number().int().min(0).optional().describe('At most this many followers on that platform.'),
    min_engagement_rate: z.number().min(0).max(1).optional().describe('At least this engagement rate on that platform, 0..1 (0.04 = 4%).'),
    countries: z.array(countryCode).min(1).max(50).optional().describe("The creator's own country, any of these (ISO codes)."),
    audience_country: countryCode.optional().describe('A country the audience is in (ISO code), at least audience_min_share of it on one platform.'),
    audience_age: z.array(ageBand).min(1).max(8).optional().describe('Age bands (18-24, 25-34, 65+) that together make up at least audience_min_share of one platform\'s audience.'),
    audience_min_share: z.number().gt(0).max(1).default(DEFAULT_AUDIENCE_SHARE).describe('Share the audience filters must reach, 0..1 (default 0.15).'),
    genres: z.array(z.string().trim().min(1).max(60)).min(1).max(20).optional().describe('Music genres, any of these (any case).'),
    languages: z.array(z.string().trim().toLowerCase().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as en')).min(1).max(20).optional().describe('Languages the creator publishes in, any of these (ISO 639-1).'),
    available_between: z.object({ from: day, to: day }).optional().describe('Free on these dates (YYYY-MM-DD, inclusive): not assigned (unless declined) to a creator campaign (unless cancelled) whose dates overlap; campaigns without dates do not count. Exclusivity is the creator\'s contract with your organisation, so it never makes them unavailable (the hit mentions it).'),
    limit: z.number().int().min(1).max(100).default(20).describe('Most hits (default 20, at most 100).'),
  }),
  output: z.object({
    hits: z.array(hitOutput),
    ranking: z.object({
      full_text: z.boolean(),
      vector: z.boolean(),
      embedder: z.string().describe('The embedder in use (local-hash-384 offline, else the configured model).'),
      order: z.enum(['relevance', 'followers']),
      note: z.string().nullable().describe('Why vector ranking is off or partial, when it is.'),
    }),
  }),
  example: { query: 'k-pop dance covers', platforms: ['tiktok'], min_followers: 100000, audience_country: 'US' },
  async handler(ctx, input) {
    const filters = checkedFilters(input);
    const embedder = creatorEmbedder();
    return ctx.inTransaction(async (db) => {
      const conditions = filterConditions(ctx.orgId, filters);
      if (!input.query) {
        const ranked = await rankByFollowers(db, ctx.orgId, conditions, filters, input.limit);
        const hits = await describeHits(ctx, db, ranked.map((id) => ({ id, score: null, ftRank: null, vectorRank: null, similarity: null })), filters, null);
        return { hits, ranking: { full_text: false, vector: false, embedder: embedder.key, order: 'followers' as const, note: null } };
      }
      const pool = Math.max(60, input.limit * 3);
      const vector = await rankByVector(ctx, db, conditions, input.query, embedder, pool);
      const fullText = await rankByFullText(db, conditions, input.query, pool, vector.used ? [...vector.ranked.keys()] : undefined);
      // Quotes, "or" and -word ask for exactly that: the vector part then only reorders what full text found.
      const fused = fuse(fullText, vector.ranked, { vectorOnly: !usesOperators(input.query) }).slice(0, input.limit);
      const hits = await describeHits(ctx, db, fused, filters, input.query);
      return { hits, ranking: { full_text: true, vector: vector.used, embedder: embedder.key, order: 'relevance' as const, note: vector.note } };
    });
  },
});

type SearchInput = z.output<typeof searchCreators.input>;

function checkedFilters(input: SearchInput): CreatorFilters {
  if (input.min_followers !== undefined && input.max_followers !== undefined && input.min_followers > input.max_followers) {
    throw invalidInput('max_followers', `is ${input.max_followers}, below min_followers (${input.min_followers})`);
  }
  if (input.platforms && input.networks) throw invalidInput('networks', 'give platforms or networks (they mean the same), not both');
  if (input.available_between && input.available_between.from > input.available_between.to) {
    throw invalidInput('available_between.to', `${input.available_between.to} is before available_between.from (${input.available_between.from})`);
  }
  return {
    networks: input.platforms || input.networks ? [...new Set([...(input.platforms ?? []), ...(input.networks ?? [])])] : undefined,
    min_followers: input.min_followers,
    max_followers: input.max_followers,
    min_engagement_rate: input.min_engagement_rate,
    countries: input.countries,
    audience_country: input.audience_country,
    audience_age: input.audience_age,
    audience_min_share: input.audience_min_share,
    genres: input.genres,
    languages: input.languages,
    available_between: input.available_between,
  };
}

/**
 * Without a query: by the creator's largest following on the requested networks. Each network's
 * platforms are read from the (organizationId, network, followers) index, biggest first, each row
 * checked against the filters as it comes (`IS TRUE` keeps the planner from turning them into joins
 * over every platform), stopping at `limit`; a creator appears at most once per network, so the
 * merged rows always hold `limit` distinct creators when they exist. Creators without any follower
 * count come last, by handle.
 */
async function rankByFollowers(db: ToolDb, organizationId: string, conditions: Prisma.Sql[], filters: CreatorFilters, limit: number): Promise<string[]> {
  const networks = filters.networks?.length ? filters.networks.map(toDbNetwork) : NETWORKS.map(toDbNetwork);
  const checked = Prisma.join(conditions.map((condition) => Prisma.sql`(${condition}) IS TRUE`), ' AND ');
  const branches = networks.map((network) => Prisma.sql`(
    SELECT top."creatorId" AS id, top.followers, c.handle FROM "CreatorPlatform" top
    JOIN "Creator" c ON c."organizationId" = top."organizationId" AND c.id = top."creatorId"
    WHERE top."organizationId" = ${organizationId} AND top.network = ${network}::text::"CreatorNetwork" AND top.followers IS NOT NULL AND ${checked}
    ORDER BY top.followers DESC, c.handle, c.id
    LIMIT ${limit})`);
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM (${Prisma.join(branches, ' UNION ALL ')}) ranked
    ORDER BY followers DESC, handle, id
    LIMIT ${limit * networks.length}`;
  const ids = [...new Set(rows.map((row) => row.id))].slice(0, limit);
  if (ids.length < limit) {
    const rest = await db.$queryRaw<Array<{ id: string }>>`
      SELECT c.id FROM "Creator" c
      WHERE ${Prisma.join(conditions, ' AND ')}
        AND NOT EXISTS (SELECT 1 FROM "CreatorPlatform" top WHERE top."organizationId" = c."organizationId" AND top."creatorId" = c.id AND top.followers IS NOT NULL
          AND top.network = ANY(${networks}::text[]::"CreatorNetwork"[]))
      ORDER BY c.handle, c.id
      LIMIT ${limit - ids.length}`;
    ids.push(...rest.map((row) => row.id));
  }
  return ids;
}

/** Web-search syntax (quotes, or, -word) asks for exactly that; plain words match any of them, all of them first. */
function usesOperators(query: string): boolean {
  return /["]|(^|\s)-\S|\bor\b/i.test(query);
}

/**
 * Full text over the search document (its GIN index): creators matching every word first, then
 * (plain words only, when those are fewer than the pool) those matching some, each by ts_rank_cd
 * (cover density), then handle. With vector ranking on, the some-words stage ranks only the
 * vector part's nearest creators (`among`): a common word would otherwise make it rank a large
 * share of all profiles, and the creators it would add beyond those are the least similar anyway.
 */
async function rankByFullText(db: ToolDb, conditions: Prisma.Sql[], query: string, pool: number, among?: string[]): Promise<Map<string, number>> {
  const ranked = new Map<string, number>();
  const every = Prisma.sql`websearch_to_tsquery('english', ${query})`;
  const some = Prisma.sql`(SELECT coalesce(string_agg(quote_literal(l), ' | '), '')::tsquery FROM unnest(tsvector_to_array(to_tsvector('english', ${query}))) l)`;
  const stage = async (tsquery: Prisma.Sql, limit: number, exclude: string[], only?: string[]) => {
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      WITH q AS MATERIALIZED (SELECT ${tsquery} AS q), matched AS MATERIALIZED (
        SELECT c.id, c.handle, c."searchDocument" FROM "Creator" c, q
        WHERE ${Prisma.join(conditions, ' AND ')} AND to_tsvector('english', c."searchDocument") @@ q.q
          ${exclude.length ? Prisma.sql`AND c.id NOT IN (${Prisma.join(exclude)})` : Prisma.empty}
          ${only ? Prisma.sql`AND c.id = ANY(${only}::text[])` : Prisma.empty}
      )
      SELECT m.id FROM matched m, q ORDER BY ts_rank_cd(to_tsvector('english', m."searchDocument"), q.q) DESC, m.handle, m.id
      LIMIT ${limit}`;
    for (const row of rows) ranked.set(row.id, ranked.size + 1);
  };
  await stage(every, pool, []);
  if (ranked.size < pool && !usesOperators(query) && (!among || among.length > 0)) await stage(some, pool - ranked.size, [...ranked.keys()], among);
  return ranked;
}

interface VectorRanking {
  used: boolean;
  note: string | null;
  ranked: Map<string, { rank: number; similarity: number }>;
}

/**
 * Cosine similarity between the query's embedding and the creators' (pgvector). With the 384-wide
 * offline embedder the HNSW index answers (`dimensions = 384`, `::vector(384)`), with an iterative
 * scan so filters do not starve it; other widths are compared exactly.
 */
async function rankByVector(ctx: ToolContext, db: ToolDb, conditions: Prisma.Sql[], query: string, embedder: Embedder, pool: number): Promise<VectorRanking> {
  const off = (note: string): VectorRanking => ({ used: false, note, ranked: new Map() });
  if (!(await vectorsAvailable(db))) return off('Vector ranking is off: this database server has no pgvector extension, so creators are ranked by full text only.');
  const state = await embeddingState(db, ctx.orgId, embedder.key);
  if (!state.current) {
    return off(state.others
      ? `Vector ranking is off until creators are embedded with ${embedder.key} (the embeddings job is re-embedding them); ranked by full text only.`
      : 'Vector ranking is off: no creator has been embedded yet (the embeddings job is on its way); ranked by full text only.');
  }
  let vector: number[];
  try {
    [vector] = (await embedder.embed([query])) as [number[]];
  } catch (error) {
    ctx.log.warn('search_creators: the query could not be embedded', { embedder: embedder.key, error: (error as Error).message });
    return off(`Vector ranking is off for this search: the embeddings endpoint failed (${(error as Error).message}); ranked by full text only.`);
  }
  const width = Prisma.raw(String(vector.length));
  const literal = pgvector.toSql(vector) as string;
  await db.$executeRawUnsafe(`SET LOCAL hnsw.ef_search = ${Math.min(1000, Math.max(40, pool))}`);
  await db.$executeRawUnsafe(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
  const rows = await db.$queryRaw<Array<{ id: string; similarity: number }>>`
    WITH nearest AS MATERIALIZED (
      SELECT e."creatorId" AS id, e.embedding::vector(${width}) <=> ${literal}::vector(${width}) AS distance
      FROM "CreatorEmbedding" e JOIN "Creator" c ON c."organizationId" = e."organizationId" AND c.id = e."creatorId"
      WHERE e."organizationId" = ${ctx.orgId} AND e.dimensions = ${vector.length} AND e.model = ${embedder.key} AND ${Prisma.join(conditions, ' AND ')}
      ORDER BY e.embedding::vector(${width}) <=> ${literal}::vector(${width})
      LIMIT ${pool}
    )
    SELECT id, (1 - distance)::float8 AS similarity FROM nearest ORDER BY distance, id`;
  const ranked = new Map<string, { rank: number; similarity: number }>();
  for (const row of rows) ranked.set(row.id, { rank: ranked.size + 1, similarity: Number(row.similarity) });
  const note = state.others ? `Vector ranking covers only the creators already re-embedded with ${embedder.key} (the embeddings job is on its way); full text covers all.` : null;
  return { used: true, note, ranked };
}

interface Fused {
  id: string;
  score: number | null;
  ftRank: number | null;
  vectorRank: number | null;
  similarity: number | null;
}

/**
 * Reciprocal rank fusion of the two rankings. A creator only the vector part found must be
 * similar enough to count (and is left out when the query used web-search operators); ties go to the better full-text place, then the better vector place, then id.
 */
export function fuse(fullText: Map<string, number>, vector: Map<string, { rank: number; similarity: number }>, options: { vectorOnly: boolean } = { vectorOnly: true }): Fused[] {
  const ids = new Set([...fullText.keys(), ...[...vector].filter(([id, hit]) => fullText.has(id) || (options.vectorOnly && hit.similarity >= MIN_VECTOR_SIMILARITY)).map(([id]) => id)]);
  const fused = [...ids].map((id) => {
    const ftRank = fullText.get(id) ?? null;
    const near = vector.get(id);
    const score = (ftRank ? 1 / (RRF_K + ftRank) : 0) + (near ? 1 / (RRF_K + near.rank) : 0);
    return { id, score, ftRank, vectorRank: near?.rank ?? null, similarity: near?.similarity ?? null };
  });
  const place = (rank: number | null) => rank ?? Number.MAX_SAFE_INTEGER;
  return fused.sort((a, b) => b.score - a.score || place(a.ftRank) - place(b.ftRank) || place(a.vectorRank) - place(b.vectorRank) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface CreatorRow {
  id: string;
  name: string;
  handle: string;
  country: string | null;
  genres: string[];
  languages: string[];
  searchDocument: string;
  exclusive: boolean;
  exclusiveFrom: Date | null;
  exclusiveUntil: Date | null;
}

interface PlatformRow {
  id: string;
  creatorId: string;
  network: CreatorNetwork;
  handle: string;
  followers: number | null;
  engagementRate: Prisma.Decimal | null;
}

async function describeHits(ctx: ToolContext, db: ToolDb, ranked: Fused[], filters: CreatorFilters, query: string | null) {
  if (ranked.length === 0) return [];
  const ids = ranked.map((hit) => hit.id);
  const creators = await db.$queryRaw<CreatorRow[]>`
    SELECT c.id, k.name, c.handle, c.country, c.genres, c.languages, c."searchDocument", c.exclusive, c."exclusiveFrom", c."exclusiveUntil"
    FROM "Creator" c JOIN "Contact" k ON k."organizationId" = c."organizationId" AND k.id = c."contactId"
    WHERE c."organizationId" = ${ctx.orgId} AND c.id IN (${Prisma.join(ids)})`;
  const platforms = await db.creatorPlatform.findMany({
    where: { organizationId: ctx.orgId, creatorId: { in: ids } },
    select: { id: true, creatorId: true, network: true, handle: true, followers: true, engagementRate: true },
    orderBy: [{ followers: { sort: 'desc', nulls: 'last' } }, { network: 'asc' }],
  });
  const audience = await latestAudience(db, ctx.orgId, platforms.map((platform) => platform.id), filters);
  const matchedWords = query ? await matchWords(db, creators, query) : new Map<string, Map<DocumentPart, string[]>>();
  const byId = new Map(creators.map((creator) => [creator.id, creator]));
  return ranked.flatMap((hit) => {
    const creator = byId.get(hit.id);
    if (!creator) return [];
    const own = platforms.filter((platform) => platform.creatorId === hit.id);
    return [{
      id: creator.id,
      name: creator.name,
      handle: creator.handle,
      country: creator.country,
      networks: own.map((platform) => ({ network: fromDbNetwork(platform.network), handle: platform.handle, followers: platform.followers, engagement_rate: platform.engagementRate === null ? null : Number(platform.engagementRate) })),
      score: hit.score === null ? null : Number(hit.score.toFixed(6)),
      why: {
        filters: filterReasons(creator, own, audience, filters),
        matched_words: [...(matchedWords.get(hit.id) ?? new Map()).entries()].map(([part, words]) => ({ part, words })),
        full_text_rank: hit.ftRank,
        vector_similarity: hit.similarity === null ? null : Number(hit.similarity.toFixed(4)),
        vector_rank: hit.vectorRank,
      },
    }];
  });
}

type Audience = Map<string, { day: string; country: Map<string, number>; age: Map<string, number> }>;

/** Each platform's latest COUNTRY and AGE slices, for the audience filters' reasons. */
async function latestAudience(db: ToolDb, organizationId: string, platformIds: string[], filters: CreatorFilters): Promise<Audience> {
  const audience: Audience = new Map();
  if (!platformIds.length || (!filters.audience_country && !filters.audience_age?.length)) return audience;
  const rows = await db.$queryRaw<Array<{ platformId: string; dimension: 'COUNTRY' | 'AGE'; asOf: string; value: string; share: Prisma.Decimal }>>`
    SELECT s."creatorPlatformId" AS "platformId", s.dimension::text AS dimension, s."asOf"::text AS "asOf", s.value, s.share
    FROM "AudienceSlice" s
    WHERE s."organizationId" = ${organizationId} AND s."creatorPlatformId" IN (${Prisma.join(platformIds)}) AND s.dimension::text IN ('COUNTRY', 'AGE')
      AND s."asOf" = (SELECT max(l."asOf") FROM "AudienceSlice" l WHERE l."organizationId" = s."organizationId" AND l."creatorPlatformId" = s."creatorPlatformId" AND l.dimension = s.dimension)`;
  for (const row of rows) {
    const entry = audience.get(row.platformId) ?? { day: row.asOf, country: new Map(), age: new Map() };
    (row.dimension === 'COUNTRY' ? entry.country : entry.age).set(row.dimension === 'COUNTRY' ? row.value.toUpperCase() : row.value, Number(row.share));
    if (row.asOf > entry.day) entry.day = row.asOf;
    audience.set(row.platformId, entry);
  }
  return audience;
}

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
const count = (value: number) => value.toLocaleString('en-US');

/** The filters a hit met, each with the creator's own values (the same rules as the SQL in search-filters.ts). */
function filterReasons(creator: CreatorRow, platforms: PlatformRow[], audience: Audience, filters: CreatorFilters) {
  const reasons: Array<{ filter: string; matched: string }> = [];
  const onNetworks = platforms.filter((platform) => !filters.networks?.length || filters.networks.includes(fromDbNetwork(platform.network)));
  const meetsFigures = (platform: PlatformRow) =>
    (filters.min_followers === undefined || (platform.followers ?? -1) >= filters.min_followers) &&
    (filters.max_followers === undefined || (platform.followers !== null && platform.followers <= filters.max_followers)) &&
    (filters.min_engagement_rate === undefined || (platform.engagementRate !== null && Number(platform.engagementRate) >= filters.min_engagement_rate));
  const figures = (platform: PlatformRow) => `${fromDbNetwork(platform.network)} ${platform.followers === null ? 'no follower count' : `${count(platform.followers)} followers`}${platform.engagementRate === null ? '' : `, ${percent(Number(platform.engagementRate))} engagement`}`;
  if (filters.networks?.length) reasons.push({ filter: 'networks', matched: onNetworks.map(figures).join('; ') });
  const figureFilters = (['min_followers', 'max_followers', 'min_engagement_rate'] as const).filter((name) => filters[name] !== undefined);
  if (figureFilters.length) reasons.push({ filter: figureFilters.join(', '), matched: onNetworks.filter(meetsFigures).map(figures).join('; ') });
  if (filters.countries?.length) reasons.push({ filter: 'countries', matched: creator.country ?? '' });
  if (filters.genres?.length) {
    const wanted = new Set(filters.genres.map((genre) => genre.toLowerCase()));
    reasons.push({ filter: 'genres', matched: creator.genres.filter((genre) => wanted.has(genre.toLowerCase())).join(', ') });
  }
  if (filters.languages?.length) reasons.push({ filter: 'languages', matched: creator.languages.filter((language) => filters.languages!.includes(language)).join(', ') });
  if (filters.audience_country) {
    const code = filters.audience_country;
    const matched = onNetworks.flatMap((platform) => {
      const slice = audience.get(platform.id);
      const share = slice?.country.get(code);
      return slice && share !== undefined && share >= filters.audience_min_share ? [`${fromDbNetwork(platform.network)}: ${percent(share)} of the audience in ${code} (as of ${slice.day})`] : [];
    });
    reasons.push({ filter: 'audience_country', matched: matched.join('; ') });
  }
  if (filters.audience_age?.length) {
    const matched = onNetworks.flatMap((platform) => {
      const slice = audience.get(platform.id);
      if (!slice) return [];
      const parts = filters.audience_age!.filter((band) => slice.age.has(band)).map((band) => ({ band, share: slice.age.get(band)! }));
      const total = parts.reduce((sum, part) => sum + part.share, 0);
      return total >= filters.audience_min_share ? [`${fromDbNetwork(platform.network)}: ${parts.map((part) => `${part.band} ${percent(part.share)}`).join(' + ')}${parts.length > 1 ? ` = ${percent(total)}` : ''} of the audience (as of ${slice.day})`] : [];
    });
    reasons.push({ filter: 'audience_age', matched: matched.join('; ') });
  }
  if (filters.available_between) {
    const { from, to } = filters.available_between;
    const exclusivity = creator.exclusive
      ? `; exclusive to you${creator.exclusiveFrom ? ` from ${creator.exclusiveFrom.toISOString().slice(0, 10)}` : ''}${creator.exclusiveUntil ? ` until ${creator.exclusiveUntil.toISOString().slice(0, 10)}` : ''}`
      : '';
    reasons.push({ filter: 'available_between', matched: `no assignment (other than ${FREEING_ASSIGNMENT.toLowerCase()}, or on a ${FREEING_CAMPAIGN.toLowerCase()} campaign) overlapping ${from} to ${to}${exclusivity}` });
  }
  return reasons;
}

/**
 * The query's words as they appear in each hit's profile, by part: a word of the profile matches
 * when Postgres' English stemming gives it a lexeme of the query (dancing ~ dance).
 */
async function matchWords(db: ToolDb, creators: CreatorRow[], query: string): Promise<Map<string, Map<DocumentPart, string[]>>> {
  const split = (text: string) => text.split(/[^\p{L}\p{N}'-]+/u).map((word) => word.replace(/^['-]+|['-]+$/g, '')).filter((word) => word.length > 0);
  const parts = new Map(creators.map((creator) => [creator.id, searchDocumentParts(creator.searchDocument).map((line) => ({ part: line.part, words: split(line.text) }))]));
  const distinct = [...new Set([...parts.values()].flatMap((lines) => lines.flatMap((line) => line.words.map((word) => word.toLowerCase()))))];
  if (distinct.length === 0) return new Map();
  const rows = await db.$queryRaw<Array<{ word: string }>>`
    SELECT w AS word FROM unnest(${distinct}::text[]) w
    WHERE tsvector_to_array(to_tsvector('english', w)) && tsvector_to_array(to_tsvector('english', ${query}))`;
  const matching = new Set(rows.map((row) => row.word));
  const result = new Map<string, Map<DocumentPart, string[]>>();
  for (const [id, lines] of parts) {
    const byPart = new Map<DocumentPart, string[]>();
    for (const line of lines) {
      for (const word of line.words) {
        const lower = word.toLowerCase();
        if (!matching.has(lower)) continue;
        const words = byPart.get(line.part) ?? [];
        if (!words.includes(lower) && words.length < WORDS_PER_PART) words.push(lower);
        byPart.set(line.part, words);
      }
    }
    result.set(id, byPart);
  }
  return result;
}
