import { z } from 'zod';
import type { RemoteEmbeddingsSettings } from './openai-embedder.ts';

/** The environment variables of creator search's embedder (bin/config.ts parses them with the others). */
export const EMBEDDINGS_VARIABLES = {
  CRESCENDO_EMBEDDINGS_URL: z.string().url().optional().describe('An OpenAI-compatible API root for creator search embeddings (POST {url}/embeddings), e.g. http://localhost:11434/v1 (Ollama) or https://api.openai.com/v1; unset: the offline embedder (local-hash-384). Changing it re-embeds every creator in a job.'),
  CRESCENDO_EMBEDDINGS_MODEL: z.string().optional().describe('The embeddings model (required with CRESCENDO_EMBEDDINGS_URL), e.g. nomic-embed-text or text-embedding-3-small; its name is stored with each vector.'),
  CRESCENDO_EMBEDDINGS_API_KEY: z.string().optional().describe('Bearer key for CRESCENDO_EMBEDDINGS_URL, when it needs one.'),
};

/** Thrown for an incomplete setting; bin/config.ts reports it as a configuration error. */
export class EmbeddingsSettingsError extends Error {}

/** The remote embedder's settings, or undefined (the offline embedder) when no URL is set. */
export function embeddingsSettingsFrom(values: Partial<Record<keyof typeof EMBEDDINGS_VARIABLES, string | undefined>>): RemoteEmbeddingsSettings | undefined {
  const blank = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : undefined);
  const url = blank(values.CRESCENDO_EMBEDDINGS_URL);
  const model = blank(values.CRESCENDO_EMBEDDINGS_MODEL);
  const apiKey = blank(values.CRESCENDO_EMBEDDINGS_API_KEY);
  if (!url) {
    const stray = (['CRESCENDO_EMBEDDINGS_MODEL', 'CRESCENDO_EMBEDDINGS_API_KEY'] as const).filter((name) => blank(values[name]));
    if (stray.length) throw new EmbeddingsSettingsError(`${stray.join(', ')} set without CRESCENDO_EMBEDDINGS_URL (the embeddings endpoint)`);
    return undefined;
  }
  if (!model) throw new EmbeddingsSettingsError('CRESCENDO_EMBEDDINGS_URL needs CRESCENDO_EMBEDDINGS_MODEL (the embeddings model, e.g. nomic-embed-text)');
  return { url: url.replace(/\/+$/, ''), model, ...(apiKey ? { apiKey } : {}) };
}
