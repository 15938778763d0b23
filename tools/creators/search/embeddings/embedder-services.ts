import { localHashEmbedder, type Embedder } from './embedder.ts';
import { openAiCompatibleEmbedder, type RemoteEmbeddingsSettings } from './openai-embedder.ts';

let configured: Embedder | undefined;

/**
 * The process's embedder for creator search, set once at start-up (bin/runtime.ts) from
 * CRESCENDO_EMBEDDINGS_URL / _MODEL / _API_KEY; tools and jobs read it here, never the environment.
 */
export function configureCreatorEmbeddings(embedder: Embedder | undefined): void {
  configured = embedder;
}

/** The configured embedder; unconfigured, the deterministic offline one. */
export function creatorEmbedder(): Embedder {
  return (configured ??= localHashEmbedder());
}

/** The embedder the settings describe: the remote model when a URL is set, else the offline one. */
export function createCreatorEmbedder(settings: RemoteEmbeddingsSettings | undefined): Embedder {
  return settings ? openAiCompatibleEmbedder(settings) : localHashEmbedder();
}
