import { z } from 'zod';
import { creatorEmbedder } from '../../tools/creators/search/embeddings/embedder-services.ts';
import { CREATOR_EMBEDDINGS_JOB } from '../../tools/creators/search/search-document.ts';
import { defineJob, jobKey } from '../define-job.ts';
import { runCreatorEmbeddings, type EmbeddingRunResult } from './creator-embeddings.ts';

export { CREATOR_EMBEDDINGS_JOB };

/**
 * Keeps creator search's vectors current with the configured embedder: the creators a tool just
 * changed (when the embedder is remote, so the tool's transaction never waits on the network), or
 * a sweep of every stale creator (hourly, and at start-up: a changed embedder re-embeds everything).
 */
export const creatorEmbeddingsJob = defineJob({
  name: CREATOR_EMBEDDINGS_JOB,
  description: 'Embed creators whose search vector is missing or stale (changed text, or a changed embedder), in batches.',
  payload: z.object({
    organizationId: z.string().min(1),
    creatorIds: z.array(z.string().min(1)).min(1).max(10_000).optional().describe('Only these creators; default every stale one.'),
    sweep: z.string().regex(/^\d{10}$/, 'YYYYMMDDhh (UTC)').optional().describe('The hour of a scheduled sweep (its key).'),
  }),
  attempts: 4,
  backoffMs: 30_000,
  key: (payload) => (payload.sweep ? jobKey(CREATOR_EMBEDDINGS_JOB, payload.organizationId, payload.sweep) : undefined),
  run: (deps, payload) => runCreatorEmbeddings(deps.prisma, payload.organizationId, { embedder: creatorEmbedder(), log: deps.log, creatorIds: payload.creatorIds }),
  recordsRun: (result) => (result as EmbeddingRunResult).embedded > 0,
});
