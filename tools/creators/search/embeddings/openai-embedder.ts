import type { Embedder } from './embedder.ts';

export interface RemoteEmbeddingsSettings {
  /** Base URL of an OpenAI-compatible API (https://api.openai.com/v1, http://localhost:11434/v1): POST {url}/embeddings. */
  url: string;
  model: string;
  apiKey?: string;
}

export interface OpenAiEmbedderOptions {
  /** Texts per request. */
  batchSize?: number;
  /** Tries per request on 429 and 5xx (and network faults). */
  attempts?: number;
  /** Longest wait between tries, whatever retry-after says. */
  maxWaitMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** An embeddings endpoint that failed, or answered something that is not embeddings; the message says which and why. */
export class EmbeddingsError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'EmbeddingsError';
  }
}

interface EmbeddingsAnswer {
  data?: Array<{ embedding?: unknown; index?: unknown }>;
}

const DEFAULT_BATCH = 64;
const DEFAULT_ATTEMPTS = 4;

/**
 * An embedder over any OpenAI-compatible `/embeddings` endpoint (OpenAI, Ollama, vLLM, LM Studio...):
 * batches of texts, Bearer key when given, 429 and 5xx retried after retry-after (else a growing
 * wait), vectors put back in input order by `index`. The key is the model's name; the width is
 * learned from the first answer and every later answer must keep it.
 */
export function openAiCompatibleEmbedder(settings: RemoteEmbeddingsSettings, options: OpenAiEmbedderOptions = {}): Embedder {
  const endpoint = `${settings.url.replace(/\/+$/, '')}/embeddings`;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let dimensions = 0;

  async function request(input: readonly string[]): Promise<number[][]> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (settings.apiKey) headers.authorization = `Bearer ${settings.apiKey}`;
    let lastProblem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: 'POST',
          headers,
          body: JSON.stringify({ model: settings.model, input }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
        });
      } catch (error) {
        lastProblem = `could not reach ${endpoint}: ${(error as Error).message}`;
        if (attempt < attempts) await sleep(Math.min(maxWaitMs, 500 * 2 ** (attempt - 1)));
        continue;
      }
      if (response.ok) return parseAnswer(await response.json().catch(() => null), input.length);
      const detail = await errorDetail(response);
      lastProblem = `${endpoint} answered ${response.status}${detail ? `: ${detail}` : ''}`;
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable) throw new EmbeddingsError(`Embeddings request refused: ${lastProblem}${response.status === 401 || response.status === 403 ? ' (check CRESCENDO_EMBEDDINGS_API_KEY)' : response.status === 404 ? ' (check CRESCENDO_EMBEDDINGS_URL and CRESCENDO_EMBEDDINGS_MODEL)' : ''}`, response.status);
      if (attempt < attempts) await sleep(Math.min(maxWaitMs, retryAfterMs(response.headers.get('retry-after')) ?? 500 * 2 ** (attempt - 1)));
    }
    throw new EmbeddingsError(`Embeddings request failed after ${attempts} tries: ${lastProblem}`);
  }

  function parseAnswer(body: unknown, expected: number): number[][] {
    const data = (body as EmbeddingsAnswer | null)?.data;
    if (!Array.isArray(data) || data.length !== expected) {
      throw new EmbeddingsError(`${endpoint} answered ${Array.isArray(data) ? `${data.length} embeddings for ${expected} texts` : 'without a data array'}; expected OpenAI's {data: [{embedding, index}]}`);
    }
    const vectors = new Array<number[]>(expected);
    data.forEach((item, position) => {
      const index = typeof item.index === 'number' ? item.index : position;
      const vector = item.embedding;
      if (!Array.isArray(vector) || vector.length === 0 || !vector.every((value) => typeof value === 'number' && Number.isFinite(value))) {
        throw new EmbeddingsError(`${endpoint} answered an embedding that is not a list of numbers (item ${position})`);
      }
      if (index < 0 || index >= expected || vectors[index]) throw new EmbeddingsError(`${endpoint} answered a bad or repeated index ${index}`);
      if (dimensions === 0) dimensions = vector.length;
      if (vector.length !== dimensions) throw new EmbeddingsError(`${endpoint} answered ${vector.length} dimensions where earlier answers had ${dimensions}`);
      vectors[index] = vector as number[];
    });
    return vectors;
  }

  return {
    key: settings.model,
    get dimensions() {
      return dimensions;
    },
    local: false,
    async embed(texts) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += batchSize) vectors.push(...(await request(texts.slice(start, start + batchSize))));
      return vectors;
    },
  };
}

/** retry-after in seconds or as an HTTP date. */
function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** The error's message from an OpenAI-style body ({error: {message}}), else the start of the text; never the request. */
async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string } | string };
    const message = typeof parsed.error === 'string' ? parsed.error : parsed.error?.message;
    if (message) return message.slice(0, 300);
  } catch {
    // not JSON
  }
  return text.slice(0, 200);
}
