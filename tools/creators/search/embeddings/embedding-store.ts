import pgvector from 'pgvector';
import { Prisma } from '../../../../db/generated/prisma/client.ts';
import type { Embedder } from './embedder.ts';

/** Raw SQL is all this module needs: a tool's ctx.db, a transaction, or a job's Prisma client. */
export type SqlDb = Pick<Prisma.TransactionClient, '$queryRaw' | '$executeRaw'>;

/** Texts embedded per round: one remote request each (the embedder batches further if it must). */
export const EMBED_BATCH = 64;

/**
 * Whether vectors can be stored and searched here: the migration adds CreatorEmbedding.embedding
 * only where the server has pgvector (always on PGlite, never on a Postgres without the extension).
 */
export async function vectorsAvailable(db: SqlDb): Promise<boolean> {
  const rows = await db.$queryRaw<Array<{ present: boolean }>>`
    SELECT EXISTS (
      SELECT 1 FROM pg_attribute a
      WHERE a.attrelid = to_regclass('"CreatorEmbedding"') AND a.attname = 'embedding' AND NOT a.attisdropped
    ) AS present`;
  return rows[0]?.present === true;
}

/** The SQL that hashes a search document exactly as textHash() does, so stale rows are found in the database. */
const DOCUMENT_HASH = Prisma.sql`encode(sha256(convert_to(c."searchDocument", 'UTF8')), 'hex')`;

/**
 * Embeds the creators whose stored vector is missing, from another embedder, or of other text, and
 * stores the vectors (upsert by creator). Unchanged text from the same embedder is skipped; a creator
 * whose document is empty has no vector. Returns how many were embedded. Call only where
 * vectorsAvailable() is true.
 */
export async function embedCreators(db: SqlDb, organizationId: string, creatorIds: readonly string[], embedder: Embedder): Promise<number> {
  if (creatorIds.length === 0) return 0;
  const rows = await db.$queryRaw<Array<{ id: string; document: string; hash: string }>>`
    SELECT c.id, c."searchDocument" AS document, ${DOCUMENT_HASH} AS hash
    FROM "Creator" c
    LEFT JOIN "CreatorEmbedding" e ON e."organizationId" = c."organizationId" AND e."creatorId" = c.id
    WHERE c."organizationId" = ${organizationId} AND c.id = ANY(${[...creatorIds]}::text[])
      AND (e."creatorId" IS NULL OR e.model <> ${embedder.key} OR e."textHash" <> ${DOCUMENT_HASH} OR c."searchDocument" = '')
    ORDER BY c.id`;
  const empty = rows.filter((row) => row.document.trim() === '').map((row) => row.id);
  if (empty.length) await db.$executeRaw`DELETE FROM "CreatorEmbedding" WHERE "organizationId" = ${organizationId} AND "creatorId" = ANY(${empty}::text[])`;
  const toEmbed = rows.filter((row) => row.document.trim() !== '');
  for (let start = 0; start < toEmbed.length; start += EMBED_BATCH) {
    const batch = toEmbed.slice(start, start + EMBED_BATCH);
    const vectors = await embedder.embed(batch.map((row) => row.document));
    await storeVectors(db, organizationId, embedder.key, batch.map((row, index) => ({ creatorId: row.id, hash: row.hash, vector: vectors[index]! })));
  }
  return toEmbed.length;
}

async function storeVectors(db: SqlDb, organizationId: string, model: string, rows: Array<{ creatorId: string; hash: string; vector: number[] }>): Promise<void> {
  if (rows.length === 0) return;
  // Column arrays through unnest: one statement and five parameters per batch, whatever its size.
  await db.$executeRaw`
    INSERT INTO "CreatorEmbedding" ("creatorId", "organizationId", model, dimensions, "textHash", embedding, "updatedAt")
    SELECT u."creatorId", ${organizationId}, ${model}, u.dimensions, u."textHash", u.embedding::vector, now()
    FROM unnest(${rows.map((row) => row.creatorId)}::text[], ${rows.map((row) => row.vector.length)}::int[], ${rows.map((row) => row.hash)}::text[],
      ${rows.map((row) => pgvector.toSql(row.vector) as string)}::text[]) AS u("creatorId", dimensions, "textHash", embedding)
    ON CONFLICT ("creatorId") DO UPDATE SET model = EXCLUDED.model, dimensions = EXCLUDED.dimensions, "textHash" = EXCLUDED."textHash",
      embedding = EXCLUDED.embedding, "updatedAt" = EXCLUDED."updatedAt"`;
}

/** Creators of the organisation whose vector is missing or stale for `embedderKey` (other model, other text), oldest first. */
export async function staleCreatorIds(db: SqlDb, organizationId: string, embedderKey: string, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT c.id FROM "Creator" c
    LEFT JOIN "CreatorEmbedding" e ON e."organizationId" = c."organizationId" AND e."creatorId" = c.id
    WHERE c."organizationId" = ${organizationId} AND c."searchDocument" <> ''
      AND (e."creatorId" IS NULL OR e.model <> ${embedderKey} OR e."textHash" <> ${DOCUMENT_HASH})
    ORDER BY c.id
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/**
 * Whether the organisation has vectors from `embedderKey`, and whether vectors from another embedder
 * remain (a re-embed under way). Two index seeks each ((organizationId, model)), whatever the size.
 */
export async function embeddingState(db: SqlDb, organizationId: string, embedderKey: string): Promise<{ current: boolean; others: boolean }> {
  const rows = await db.$queryRaw<Array<{ current: boolean; others: boolean }>>`
    SELECT EXISTS (SELECT 1 FROM "CreatorEmbedding" WHERE "organizationId" = ${organizationId} AND model = ${embedderKey}) AS current,
           (EXISTS (SELECT 1 FROM "CreatorEmbedding" WHERE "organizationId" = ${organizationId} AND model < ${embedderKey})
            OR EXISTS (SELECT 1 FROM "CreatorEmbedding" WHERE "organizationId" = ${organizationId} AND model > ${embedderKey})) AS others`;
  return rows[0] ?? { current: false, others: false };
}
