import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers to one Messages API request. */
export type FakeReply =
  | { kind: 'tool_use'; name: string; input: Record<string, unknown> }
  | { kind: 'text'; text: string }
  | { kind: 'error'; status: number; type: string; message: string; headers?: Record<string, string> };

/** A Messages API request body, as far as the fake reads it. */
export interface MessagesRequest {
  model: string;
  stream?: boolean;
  system?: Array<{ type: 'text'; text: string; cache_control?: unknown }> | string;
  tools?: Array<{ name: string; description?: string; input_schema: unknown; cache_control?: unknown }>;
  tool_choice?: { type: string };
  messages: Array<{ role: 'user' | 'assistant'; content: string | Array<Record<string, unknown>> }>;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: MessagesRequest;
}

export type FakeScript = (request: MessagesRequest, index: number) => FakeReply;

export interface FakeAnthropicServer {
  /** The API root (no /v1), as ANTHROPIC_BASE_URL is usually written. */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A loopback fake of Anthropic's Messages API (JSON and SSE streaming, count_tokens, error
 * bodies with retry-after, prompt-cache usage accounting) for driving the real provider code.
 * It checks what a real server would refuse: a missing key or version header.
 */
export async function startFakeAnthropic(script: FakeScript = toolThenAnswer()): Promise<FakeAnthropicServer> {
  const requests: RecordedRequest[] = [];
  const cachedPrefixes = new Set<string>();
  let messageCalls = 0;
  const server: Server = createServer(async (request, response) => {
    try {
      const body = JSON.parse((await readBody(request)) || '{}') as MessagesRequest;
      const path = new URL(request.url ?? '/', 'http://fake').pathname;
      requests.push({ path, headers: request.headers, body });
      if (!request.headers['x-api-key'] || !request.headers['anthropic-version']) return sendError(response, 401, 'authentication_error', 'x-api-key and anthropic-version headers are required');
      if (request.method === 'POST' && path === '/v1/messages/count_tokens') return sendJson(response, 200, { input_tokens: estimate(body) });
      if (request.method !== 'POST' || path !== '/v1/messages') return sendError(response, 404, 'not_found_error', `No route ${request.method} ${path}`);
      const reply = script(body, messageCalls++);
      if (reply.kind === 'error') return sendError(response, reply.status, reply.type, reply.message, reply.headers);
      const usage = cacheUsage(body, cachedPrefixes);
      if (body.stream) streamReply(response, body, reply, usage);
      else sendJson(response, 200, messageReply(body, reply, usage));
    } catch (error) {
      sendError(response, 500, 'api_error', String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The default script: call a tool (the named one if offered, else whoami, else the first), then
 * answer quoting the tool result once it arrives.
 */
export function toolThenAnswer(toolName?: string): FakeScript {
  return (request) => {
    const results = toolResults(request);
    if (results.length) return { kind: 'text', text: `From ${results.at(-1)!.name}: ${results.at(-1)!.content.slice(0, 300)}` };
    const offered = request.tools?.map((tool) => tool.name) ?? [];
    const name = [toolName, 'whoami', offered[0]].find((candidate) => candidate && offered.includes(candidate));
    return name ? { kind: 'tool_use', name, input: {} } : { kind: 'text', text: 'I have no tools.' };
  };
}

/** The tool results in the request's last user message, with the tool's name from the matching call. */
export function toolResults(request: MessagesRequest): Array<{ name: string; content: string; isError: boolean }> {
  const last = request.messages.at(-1);
  if (!last || last.role !== 'user' || typeof last.content === 'string') return [];
  const names = new Map<string, string>();
  for (const message of request.messages) {
    if (message.role === 'assistant' && Array.isArray(message.content)) {
      for (const block of message.content) if (block.type === 'tool_use') names.set(String(block.id), String(block.name));
    }
  }
  return last.content
    .filter((block) => block.type === 'tool_result')
    .map((block) => ({ name: names.get(String(block.tool_use_id)) ?? 'unknown', content: resultText(block.content), isError: block.is_error === true }));
}

function resultText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part as { text?: string }).text ?? '').join('');
  return JSON.stringify(content);
}

interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

/** Anthropic caches tools + system up to the last block marked cache_control; the fake accounts the same way. */
function cacheUsage(body: MessagesRequest, cached: Set<string>): Usage {
  const total = estimate(body);
  const system = Array.isArray(body.system) ? body.system : [];
  const breakpoint = system.findLastIndex((block) => block.cache_control);
  if (breakpoint < 0) return { input_tokens: total, output_tokens: 20, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  const prefix = JSON.stringify([body.tools ?? [], system.slice(0, breakpoint + 1)]);
  const prefixTokens = Math.ceil(prefix.length / 4);
  const key = createHash('sha256').update(prefix).digest('hex');
  const hit = cached.has(key);
  cached.add(key);
  return {
    input_tokens: Math.max(1, total - prefixTokens),
    output_tokens: 20,
    cache_creation_input_tokens: hit ? 0 : prefixTokens,
    cache_read_input_tokens: hit ? prefixTokens : 0,
  };
}

function estimate(body: MessagesRequest): number {
  return Math.ceil(JSON.stringify([body.system ?? '', body.tools ?? [], body.messages ?? []]).length / 4);
}

function contentOf(reply: Exclude<FakeReply, { kind: 'error' }>, id: string) {
  return reply.kind === 'text' ? { type: 'text', text: reply.text } : { type: 'tool_use', id, name: reply.name, input: reply.input };
}

function messageReply(body: MessagesRequest, reply: Exclude<FakeReply, { kind: 'error' }>, usage: Usage) {
  const id = `msg_${Math.random().toString(36).slice(2, 10)}`;
  return {
    id, type: 'message', role: 'assistant', model: body.model,
    content: [contentOf(reply, `toolu_${id}`)],
    stop_reason: reply.kind === 'tool_use' ? 'tool_use' : 'end_turn', stop_sequence: null, usage,
  };
}

function streamReply(response: ServerResponse, body: MessagesRequest, reply: Exclude<FakeReply, { kind: 'error' }>, usage: Usage): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (event: string, data: unknown) => response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const id = `msg_${Math.random().toString(36).slice(2, 10)}`;
  send('message_start', { type: 'message_start', message: { id, type: 'message', role: 'assistant', model: body.model, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } });
  if (reply.kind === 'text') {
    send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    const middle = Math.ceil(reply.text.length / 2);
    for (const piece of [reply.text.slice(0, middle), reply.text.slice(middle)]) {
      if (piece) send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } });
    }
  } else {
    send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: `toolu_${id}`, name: reply.name, input: {} } });
    send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: JSON.stringify(reply.input) } });
  }
  send('content_block_stop', { type: 'content_block_stop', index: 0 });
  send('message_delta', { type: 'message_delta', delta: { stop_reason: reply.kind === 'tool_use' ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: usage.output_tokens } });
  send('message_stop', { type: 'message_stop' });
  response.end();
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
  sendJson(response, status, { type: 'error', error: { type, message } }, headers);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers 529 overloaded (retry-after 0) to the first `count` message calls, then follows `script`. */
export function overloadedFirst(count: number, script: FakeScript): FakeScript {
  return (request, index) => (index < count ? { kind: 'error', status: 529, type: 'overloaded_error', message: 'Overloaded', headers: { 'retry-after': '0' } } : script(request, index - count));
}
