import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashEmbedding } from '../embedder.ts';

export interface FakeEmbeddingsRequest {
  authorization: string | undefined;
  model: string;
  input: string[];
}

export interface FakeEmbeddingsServer {
  /** Base URL, as CRESCENDO_EMBEDDINGS_URL would be (the client appends /embeddings). */
  url: string;
  requests: FakeEmbeddingsRequest[];
  /** Answers the next requests with these statuses first (429 with retry-after, 500, 401...). */
  failNext(...statuses: number[]): void;
  close(): Promise<void>;
}

/**
 * A loopback stand-in for an OpenAI-compatible POST /embeddings, answering in OpenAI's documented
 * shape: {object: 'list', data: [{object: 'embedding', embedding, index}], model, usage}. Vectors are
 * the hashed n-gram embedding at `dimensions` (deterministic), listed in reverse order so clients
 * must place them by `index`. Requires `Authorization: Bearer <apiKey>` when an apiKey is given.
 */
export async function startFakeEmbeddings(options: { dimensions: number; apiKey?: string }): Promise<FakeEmbeddingsServer> {
  const requests: FakeEmbeddingsRequest[] = [];
  const failures: number[] = [];
  const server: Server = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request)) as { model?: string; input?: string[] | string };
    const input = typeof body.input === 'string' ? [body.input] : (body.input ?? []);
    requests.push({ authorization: request.headers.authorization, model: body.model ?? '', input });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(payload));
    };
    if (request.method !== 'POST' || request.url !== '/v1/embeddings') return send(404, { error: { message: `Unknown route ${request.method} ${request.url}`, type: 'invalid_request_error' } });
    if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) return send(401, { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } });
    const failure = failures.shift();
    if (failure === 429) return send(429, { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after': '0' });
    if (failure) return send(failure, { error: { message: 'The server had an error while processing your request.', type: 'server_error' } });
    if (!body.model) return send(400, { error: { message: 'you must provide a model parameter', type: 'invalid_request_error' } });
    const data = input.map((text, index) => ({ object: 'embedding', embedding: hashEmbedding(text, options.dimensions), index })).reverse();
    const tokens = input.reduce((sum, text) => sum + text.split(/\s+/).length, 0);
    send(200, { object: 'list', data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    failNext: (...statuses) => void failures.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
