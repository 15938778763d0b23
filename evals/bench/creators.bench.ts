import pgvector from 'pgvector';
import type { Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate/migrate.ts';
import { createOrganization } from '../../tools/access/organizations.ts';
import { hashEmbedding, LOCAL_EMBEDDER_KEY } from '../../tools/creators/search/embeddings/embedder.ts';
import { vectorsAvailable } from '../../tools/creators/search/embeddings/embedding-store.ts';
import { createCatalogue } from '../../tools/index.ts';
import { silentLogger } from '../../tools/registry/context.ts';
import { ToolRunner, type Principal } from '../../tools/registry/runner.ts';
import type { Benchmark, Figure } from './harness.ts';
import { medianMs, onEachBackend, timeMs } from './harness.ts';

const CREATORS = Number(process.env.BENCH_CREATORS ?? 100_000);
/** Distinct profile texts (each embedded once); every creator is one of them under its own name and handle. */
const PROFILES = 2_000;
const RUNS = 5;

const NICHES = ['dance', 'k-pop covers', 'vinyl', 'album reviews', 'lofi beats', 'music production', 'guitar lessons', 'drum covers', 'cooking', 'fitness', 'gaming',
  'comedy', 'fashion', 'makeup', 'travel', 'skateboarding', 'yoga', 'books', 'tech reviews', 'parenting', 'festivals', 'choreography', 'vocal covers', 'djing',
  'street food', 'running', 'anime', 'thrifting', 'piano', 'songwriting'];
const GENRES = ['pop', 'hip-hop', 'k-pop', 'afrobeats', 'reggaeton', 'indie', 'rock', 'metal', 'jazz', 'soul', 'electronic', 'house', 'techno', 'country', 'folk',
  'r&b', 'latin', 'classical', 'amapiano', 'punk', 'lofi', 'j-pop', 'gospel', 'funk', 'disco'];
const CITIES = ['Seoul', 'Lagos', 'London', 'Madrid', 'Mexico City', 'Austin', 'Berlin', 'Paris', 'Tokyo', 'São Paulo', 'Toronto', 'Manila', 'Sydney', 'Nashville', 'Accra'];
const NETWORKS = ['TIKTOK', 'INSTAGRAM', 'YOUTUBE', 'TWITCH'];
const COUNTRIES = ['US', 'GB', 'KR', 'NG', 'ES', 'MX', 'DE', 'FR', 'JP', 'BR', 'CA', 'PH', 'AU'];

const SEARCH = { query: 'k-pop dance covers', networks: ['tiktok'], min_followers: 10_000, limit: 20 };
const FILTERED = { networks: ['tiktok'], min_followers: 100_000, audience_country: 'US', limit: 20 };

/**
 * The floor: the plainest filtered full-text query for the same words (every word, no fusion, no
 * vectors, no reasons, no audience or names): the GIN index and ts_rank_cd, first 20.
 */
const FLOOR_SQL = `
  SELECT c.id FROM "Creator" c, websearch_to_tsquery('english', $2) q
  WHERE c."organizationId" = $1 AND c."isActive" AND to_tsvector('english', c."searchDocument") @@ q
    AND EXISTS (SELECT 1 FROM "CreatorPlatform" p WHERE p."organizationId" = c."organizationId" AND p."creatorId" = c.id AND p.network = 'TIKTOK' AND p.followers >= $3)
  ORDER BY ts_rank_cd(to_tsvector('english', c."searchDocument"), q) DESC LIMIT 20`;

/** The nearest-neighbour query as search_creators writes it, for EXPLAIN: the HNSW index must answer it. */
const KNN_SQL = (vector: string) => `
  SELECT e."creatorId" FROM "CreatorEmbedding" e
  WHERE e."organizationId" = $1 AND e.dimensions = 384 AND e.model = '${LOCAL_EMBEDDER_KEY}'
  ORDER BY e.embedding::vector(384) <=> '${vector}'::vector(384) LIMIT 100`;

/** search_creators over 100,000 creators, through the registry, beside the plain filtered full-text query. */
export const creatorsBench: Benchmark = {
  name: 'creators',
  description:
    `search_creators over ${CREATORS.toLocaleString('en-US')} creators (platforms, audiences, offline embeddings in the HNSW index on PGlite), through the registry: ` +
    'a query with a network and follower filter (full text and vectors fused) and a filtered list by followers, PGlite and (with BENCH_DATABASE_URL or TEST_DATABASE_URL) Postgres (full text only there: no pgvector); floor: the same words as one filtered full-text query (GIN, ts_rank_cd, first 20)',
  run: () => onEachBackend(measure),
};

async function measure(backend: string, database: Database): Promise<Figure[]> {
  try {
    await migrate(database);
    const organization = await createOrganization(database.prisma, { name: 'Bench', slug: 'bench', ownerEmail: 'owner@bench.test' });
    const principal: Principal = { orgId: organization.id, userId: organization.owner.id, role: 'ANALYST', surface: 'CLI' };
    const vectors = await vectorsAvailable(database.prisma);
    const load = await timeMs(() => writeCreators(database, organization.id, vectors));
    await database.sql.query('ANALYZE "Contact", "Creator", "CreatorPlatform", "AudienceSlice"' + (vectors ? ', "CreatorEmbedding"' : ''));
    if (vectors) await checkIndexUsed(database, organization.id);
    const runner = new ToolRunner({ prisma: database.prisma, catalogue: createCatalogue(), log: silentLogger });
    const call = async (input: Record<string, unknown>, check: (output: any) => string | null) => {
      const result = await runner.call('search_creators', input, principal);
      if (!result.ok) throw new Error(`search_creators: ${result.error.message}`);
      const problem = check(result.output);
      if (problem) throw new Error(`search_creators: ${problem}`);
    };
    const floorMs = await medianMs(() => database.sql.query(FLOOR_SQL, [organization.id, SEARCH.query, SEARCH.min_followers]), RUNS, 1);
    const searchMs = await medianMs(() => call(SEARCH, (output) => {
      if (output.hits.length !== 20) return `${output.hits.length} hits`;
      if (output.ranking.vector !== vectors) return `vector ranking ${output.ranking.vector} on ${backend}`;
      return output.hits[0].why.matched_words.length ? null : 'the first hit matched no word';
    }), RUNS, 1);
    const filteredMs = await medianMs(() => call(FILTERED, (output) => (output.hits.length === 20 && output.ranking.order === 'followers' ? null : `${output.hits.length} hits by ${output.ranking.order}`)), RUNS, 1);
    const size = `${CREATORS.toLocaleString('en-US')} creators`;
    const ranking = vectors ? 'full text + HNSW vectors, RRF' : 'full text only (no pgvector)';
    return [
      { bench: 'creators', metric: `load ${size} with platforms, audiences${vectors ? ', embeddings and the HNSW index' : ''}, ${backend}`, value: load.ms / 1000, unit: 's' },
      { bench: 'creators', metric: `search_creators "${SEARCH.query}" tiktok >= 10k (${size}, ${ranking}), ${backend}`, value: searchMs, unit: 'ms', floor: { value: floorMs, what: 'one filtered full-text query, GIN, first 20' } },
      { bench: 'creators', metric: `search_creators no query, tiktok >= 100k, audience US >= 15%, by followers (${size}), ${backend}`, value: filteredMs, unit: 'ms' },
    ];
  } finally {
    await database.close();
  }
}

/** EXPLAIN of the nearest-neighbour query: it must go through CreatorEmbedding_embedding_hnsw_idx. */
async function checkIndexUsed(database: Database, organizationId: string): Promise<void> {
  const vector = pgvector.toSql(hashEmbedding('k-pop dance covers')) as string;
  const plan = await database.sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${KNN_SQL(vector)}`, [organizationId]);
  const text = plan.map((row) => row['QUERY PLAN']).join('\n');
  if (!text.includes('CreatorEmbedding_embedding_hnsw_idx')) throw new Error(`the nearest-neighbour query does not use the HNSW index:\n${text}`);
}

/** A profile text: two niches, two genres, a city, three captions; the same shape as searchDocumentText. */
function profile(index: number): string {
  // Multiplicative hashing spreads the combinations, so any two words co-occur in a realistic share of profiles.
  const pick = <T>(list: readonly T[], salt: number) => list[Math.floor((((index + 1) * 2654435761 * (salt + 1)) % 2 ** 32) / 2 ** 32 * list.length)]!;
  const [first, second] = [pick(NICHES, 1), pick(NICHES, 2)];
  const [genre, other] = [pick(GENRES, 3), pick(GENRES, 4)];
  const city = pick(CITIES, 5);
  return [
    `Bio: ${first} creator from ${city}, posting ${second} videos and ${genre} every week.`,
    `Niches: ${first}, ${second}`,
    `Genres: ${genre}, ${other}`,
    `Caption: ${first} to the new ${genre} single`,
    `Caption: ${second} with friends in ${city}`,
    `Caption: my ${other} playlist this week`,
  ].join('\n');
}

/**
 * Generated in the database with generate_series: contacts, creators (each one of PROFILES texts
 * under its own name and handle), one or two platforms with followers and engagement, the first
 * platform's audience (two countries, two age bands), and where pgvector exists the offline
 * embedding of each profile text (computed here once per profile, without the name line, which
 * keeps generation fast), the HNSW index rebuilt after the load.
 */
export async function writeCreators(database: Database, organizationId: string, vectors: boolean): Promise<void> {
  await database.sql.query(`CREATE TEMP TABLE bench_profile (n int PRIMARY KEY, body text NOT NULL${vectors ? ', embedding vector(384) NOT NULL' : ''})`);
  const texts = Array.from({ length: PROFILES }, (_, index) => profile(index));
  for (let start = 0; start < PROFILES; start += 500) {
    const slice = texts.slice(start, start + 500);
    const params: unknown[] = [];
    const rows = slice.map((body, offset) => {
      params.push(start + offset, body);
      if (vectors) params.push(pgvector.toSql(hashEmbedding(body)));
      const base = params.length - (vectors ? 3 : 2);
      return vectors ? `($${base + 1}::int, $${base + 2}, $${base + 3}::vector)` : `($${base + 1}::int, $${base + 2})`;
    });
    await database.sql.query(`INSERT INTO bench_profile VALUES ${rows.join(', ')}`, params);
  }
  const countries = `ARRAY[${COUNTRIES.map((code) => `'${code}'`).join(',')}]`;
  const networks = `ARRAY[${NETWORKS.map((network) => `'${network}'`).join(',')}]`;
  const statements: Array<[string, unknown[]]> = [
    [`INSERT INTO "Contact" (id, "organizationId", name, tags, "updatedAt")
      SELECT 'c1000000-0000-7000-8000-' || lpad(i::text, 12, '0'), $1, 'Creator ' || i, ARRAY['creator'], now() FROM generate_series(1, $2::int) i`, [organizationId, CREATORS]],
    [`INSERT INTO "Creator" (id, "organizationId", "contactId", handle, bio, niches, genres, languages, country, "searchDocument", "updatedAt")
      SELECT 'c2000000-0000-7000-8000-' || lpad(i::text, 12, '0'), $1, 'c1000000-0000-7000-8000-' || lpad(i::text, 12, '0'), 'creator' || i,
             split_part(split_part(b.body, E'\\n', 1), 'Bio: ', 2), ARRAY[]::text[], ARRAY[]::text[], ARRAY['en'], (${countries})[1 + i % ${COUNTRIES.length}],
             'Creator ' || i || ' @creator' || i || E'\\n' || b.body, now()
      FROM generate_series(1, $2::int) i JOIN bench_profile b ON b.n = i % ${PROFILES}`, [organizationId, CREATORS]],
    [`INSERT INTO "CreatorPlatform" (id, "organizationId", "creatorId", network, handle, followers, "engagementRate", "metricsSource", "updatedAt")
      SELECT 'c3000000-0000-7000-8000-' || lpad(i::text, 12, '0'), $1, 'c2000000-0000-7000-8000-' || lpad(i::text, 12, '0'), ((${networks})[1 + i % 4])::"CreatorNetwork",
             'creator' || i, (i::bigint * 7919 % 3000000)::int, ((i * 13) % 90 + 5) / 1000.0, 'import', now()
      FROM generate_series(1, $2::int) i`, [organizationId, CREATORS]],
    [`INSERT INTO "CreatorPlatform" (id, "organizationId", "creatorId", network, handle, followers, "engagementRate", "metricsSource", "updatedAt")
      SELECT 'c4000000-0000-7000-8000-' || lpad(i::text, 12, '0'), $1, 'c2000000-0000-7000-8000-' || lpad(i::text, 12, '0'), ((${networks})[1 + (i + 1) % 4])::"CreatorNetwork",
             'creator' || i, (i::bigint * 104729 % 900000)::int, ((i * 7) % 60 + 10) / 1000.0, 'import', now()
      FROM generate_series(1, $2::int) i WHERE i % 3 = 0`, [organizationId, CREATORS]],
    [`INSERT INTO "AudienceSlice" (id, "organizationId", "creatorPlatformId", "asOf", dimension, value, share, source)
      SELECT gen_random_uuid()::text, $1, 'c3000000-0000-7000-8000-' || lpad(i::text, 12, '0'), DATE '2026-11-01', d.dimension::"AudienceDimension",
             CASE d.dimension WHEN 'COUNTRY' THEN (${countries})[1 + (i + d.k) % ${COUNTRIES.length}] ELSE (ARRAY['13-17','18-24','25-34','35-44'])[1 + (i + d.k) % 4] END,
             CASE d.k WHEN 0 THEN 0.1 + (i % 40) / 100.0 ELSE 0.08 + (i % 9) / 100.0 END, 'import'
      FROM generate_series(1, $2::int) i, (VALUES ('COUNTRY', 0), ('COUNTRY', 5), ('AGE', 0), ('AGE', 1)) d(dimension, k)`, [organizationId, CREATORS]],
  ];
  if (vectors) {
    // Bulk load, then build the index once (the migration's definition), as one would for a big import.
    statements.push(
      ['DROP INDEX "CreatorEmbedding_embedding_hnsw_idx"', []],
      [`INSERT INTO "CreatorEmbedding" ("creatorId", "organizationId", model, dimensions, "textHash", embedding, "updatedAt")
        SELECT c.id, c."organizationId", $2, 384, encode(sha256(convert_to(c."searchDocument", 'UTF8')), 'hex'), b.embedding, now()
        FROM "Creator" c JOIN bench_profile b ON b.n = right(c.id, 12)::int % ${PROFILES} WHERE c."organizationId" = $1`, [organizationId, LOCAL_EMBEDDER_KEY]],
      ["SET maintenance_work_mem = '512MB'", []],
      [`CREATE INDEX "CreatorEmbedding_embedding_hnsw_idx" ON "CreatorEmbedding" USING hnsw (("embedding"::vector(384)) vector_cosine_ops) WHERE "dimensions" = 384`, []],
    );
  }
  statements.push(['DROP TABLE bench_profile', []]);
  for (const [sql, params] of statements) await database.sql.query(sql, params);
}
