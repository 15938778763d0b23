/**
 * Objects that migrations create by hand because schema.prisma cannot express them, by catalogue
 * key (see ./catalog.ts), e.g. 'index Document_embedding_hnsw_idx' for a pgvector HNSW index:
 * Prisma has no HNSW index type. The parity check lets exactly these through as "extra"; anything
 * else in the database that the schema does not describe is drift.
 */
export const HAND_WRITTEN_OBJECTS: readonly string[] = [
  // Reports filter unified records by payload fields with @> (jsonb_path_ops GIN).
  'index UnifiedRecord_payload_idx',
  // Creator search: full text over the search document, and pgvector (only where the server has it).
  'index Creator_search_fts_idx',
  'column CreatorEmbedding.embedding',
  'index CreatorEmbedding_embedding_hnsw_idx',
];
