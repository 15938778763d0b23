import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { Embedder } from '../../tools/creators/search/embeddings/embedder.ts';
import { embedCreators, staleCreatorIds, vectorsAvailable } from '../../tools/creators/search/embeddings/embedding-store.ts';
import type { JobQueue, Logger } from '../../tools/registry/context.ts';
import { CREATOR_EMBEDDINGS_JOB } from '../../tools/creators/search/search-document.ts';

/** Creators embedded per round of a sweep (each round: one query for the stale rows, then the embedder in batches). */
export const SWEEP_BATCH = 256;

export interface EmbeddingRunResult {
  /** Creators embedded (new text, a new creator, or another embedder's vector replaced). */
  embedded: number;
  /** How many needed it when the run started (a whole sweep), for progress. */
  stale: number;
  embedder: string;
  skipped?: string;
}

export interface EmbeddingRunOptions {
  embedder: Embedder;
  log: Logger;
  /** Only these creators (a change the tools just made); else every stale creator of the organisation. */
  creatorIds?: readonly string[];
  batch?: number;
  /** Told after each round: embedded so far, of the stale count at the start. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Embeds an organisation's creators whose vector is missing or stale: their text changed (textHash),
 * or the embedder changed (another model's key), so switching CRESCENDO_EMBEDDINGS_URL re-embeds
 * everything here, in rounds, logging progress. Rows already current are never sent to the embedder.
 * Where the server has no pgvector it does nothing.
 */
export async function runCreatorEmbeddings(prisma: PrismaClient, organizationId: string, options: EmbeddingRunOptions): Promise<EmbeddingRunResult> {
  const { embedder, log } = options;
  if (!(await vectorsAvailable(prisma))) return { embedded: 0, stale: 0, embedder: embedder.key, skipped: 'this database server has no pgvector: search ranks by full text only' };
  if (options.creatorIds) {
    const embedded = await embedCreators(prisma, organizationId, options.creatorIds, embedder);
    return { embedded, stale: embedded, embedder: embedder.key };
  }
  const batch = options.batch ?? SWEEP_BATCH;
  const stale = await staleCount(prisma, organizationId, embedder.key);
  let embedded = 0;
  const seen = new Set<string>();
  while (embedded < stale) {
    const ids = (await staleCreatorIds(prisma, organizationId, embedder.key, batch)).filter((id) => !seen.has(id));
    if (ids.length === 0) break;
    for (const id of ids) seen.add(id);
    embedded += await embedCreators(prisma, organizationId, ids, embedder);
    options.onProgress?.(embedded, stale);
    log.info('creator embeddings', { organizationId, embedder: embedder.key, embedded, of: stale });
  }
  return { embedded, stale, embedder: embedder.key };
}

async function staleCount(prisma: PrismaClient, organizationId: string, embedderKey: string): Promise<number> {
  const rows = await prisma.$queryRaw<Array<{ stale: number }>>`
    SELECT count(*)::int AS stale FROM "Creator" c
    LEFT JOIN "CreatorEmbedding" e ON e."organizationId" = c."organizationId" AND e."creatorId" = c.id
    WHERE c."organizationId" = ${organizationId} AND c."searchDocument" <> ''
      AND (e."creatorId" IS NULL OR e.model <> ${embedderKey} OR e."textHash" <> encode(sha256(convert_to(c."searchDocument", 'UTF8')), 'hex'))`;
  return rows[0]?.stale ?? 0;
}

/**
 * At start-up: a sweep for every organisation with creators, so a changed embedder (or text
 * changed while no job could run) is caught up without waiting for the hourly sweep.
 */
export async function enqueueEmbeddingSweeps(prisma: PrismaClient, jobs: JobQueue): Promise<number> {
  const organizations = await prisma.creator.findMany({ distinct: ['organizationId'], select: { organizationId: true } });
  for (const { organizationId } of organizations) await jobs.enqueue({ name: CREATOR_EMBEDDINGS_JOB, payload: { organizationId } });
  return organizations.length;
}
