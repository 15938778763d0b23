import { createHash } from 'node:crypto';

/**
 * Turns texts into vectors. One interface for the offline embedder and any OpenAI-compatible
 * endpoint: `key` names the model (stored with each vector, so a change of embedder is noticed and
 * everything is embedded again), `dimensions` is the vectors' width (a remote embedder learns it
 * from its first answer; 0 until then).
 */
export interface Embedder {
  readonly key: string;
  readonly dimensions: number;
  /** Whether it runs in this process (cheap enough to embed inline, in the caller's transaction). */
  readonly local: boolean;
  embed(texts: readonly string[]): Promise<number[][]>;
}

export const LOCAL_EMBEDDER_KEY = 'local-hash-384';
export const LOCAL_DIMENSIONS = 384;

/** Weights of the three feature families: whole words matter most, then word pairs, then spelling. */
const WORD_WEIGHT = 1;
const BIGRAM_WEIGHT = 0.7;
const TRIGRAM_WEIGHT = 0.35;

/**
 * The offline embedder: hashed word unigrams and bigrams plus character 3-grams of each word
 * (so "choreography" and a misspelt "choreografy" still share most features), signed hashing into
 * 384 dimensions (FNV-1a for the bucket, its murmur3-finalised bits for the sign), L2-normalised.
 * Deterministic: the same text always gives the same vector, on any
 * machine, with no model to download.
 */
export function localHashEmbedder(): Embedder {
  return {
    key: LOCAL_EMBEDDER_KEY,
    dimensions: LOCAL_DIMENSIONS,
    local: true,
    embed: async (texts) => texts.map((text) => hashEmbedding(text)),
  };
}

export function hashEmbedding(text: string, dimensions = LOCAL_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const words = tokenize(text);
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    const index = hash % dimensions;
    const sign = (mix(hash) & 1) === 0 ? 1 : -1;
    vector[index]! += sign * weight;
  };
  for (let position = 0; position < words.length; position++) {
    const word = words[position]!;
    add(`w:${word}`, WORD_WEIGHT);
    if (position + 1 < words.length) add(`b:${word} ${words[position + 1]}`, BIGRAM_WEIGHT);
    const padded = ` ${word} `;
    for (let start = 0; start + 3 <= padded.length; start++) add(`c:${padded.slice(start, start + 3)}`, TRIGRAM_WEIGHT);
  }
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

/** 32-bit FNV-1a over the UTF-16 code units: fast, stable across machines and Node versions. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: the sign bit independent of the bucket. */
function mix(hash: number): number {
  let value = hash;
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  value ^= value >>> 16;
  return value >>> 0;
}

/** Lower-case words of letters and digits (any script), accents folded, tiny stop words dropped. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'of', 'to', 'in', 'on', 'at', 'a', 'an', 'is', 'are', 'my', 'me', 'our', 'we', 'you', 'your', 'by', 'from', 'or', 'it', 'its', 'this', 'that', 'who', 'about']);

/** sha256 of the embedded text, stored beside the vector: the same text is never embedded twice. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index++) {
    dot += a[index]! * (b[index] ?? 0);
    normA += a[index]! * a[index]!;
    normB += (b[index] ?? 0) * (b[index] ?? 0);
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
