import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback server for the publishing connectors' tests: a real node:http server on
 * 127.0.0.1:0 that each platform's fake routes answer in the platform's documented shapes.
 * It also serves media files (`/media/<name>`), and lets a test script answers that come
 * before the platform's own handling (a 429 with retry-after, a 500, a token the platform
 * now calls expired).
 */

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body as text, and parsed as JSON or as a form when it is one. */
  text: string;
  json: Record<string, unknown> | undefined;
  form: URLSearchParams | undefined;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON. */
  body?: unknown;
  /** Answer this late (to make a client time out). */
  delayMs?: number;
}

export type FakeRoute = (request: FakeRequest, fake: FakeSocialServer) => FakeReply | undefined | Promise<FakeReply | undefined>;

export interface FakeSocialServer {
  url: string;
  requests: FakeRequest[];
  /** Tokens the fake answers as expired, each platform with its documented error body. */
  expiredTokens: Set<string>;
  /** The next requests whose `METHOD /path` matches get these replies, in order, before the routes see them. */
  scriptNext(match: string | RegExp, ...replies: FakeReply[]): void;
  /** Media served at `/media/<name>`. */
  media: Map<string, { bytes: Buffer; contentType: string }>;
  /** Requests whose `METHOD /path` matches. */
  requestsTo(match: string | RegExp): FakeRequest[];
  close(): Promise<void>;
}

export async function startFakeSocialServer(routes: FakeRoute[]): Promise<FakeSocialServer> {
  const scripted: Array<{ match: string | RegExp; reply: FakeReply }> = [];
  const matches = (match: string | RegExp, line: string) => (typeof match === 'string' ? line.startsWith(match) : match.test(line));
  const fake: FakeSocialServer = {
    url: '',
    requests: [],
    expiredTokens: new Set(),
    media: new Map(),
    scriptNext: (match, ...replies) => scripted.push(...replies.map((reply) => ({ match, reply }))),
    requestsTo: (match) => fake.requests.filter((request) => matches(match, `${request.method} ${request.path}`)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = toFakeRequest(incoming.method ?? 'GET', incoming.url ?? '/', incoming.headers, Buffer.concat(chunks));
    fake.requests.push(request);
    const line = `${request.method} ${request.path}`;
    const scriptIndex = scripted.findIndex((entry) => matches(entry.match, line));
    let reply: FakeReply | undefined;
    if (scriptIndex >= 0) reply = scripted.splice(scriptIndex, 1)[0]!.reply;
    else if (request.method === 'GET' && request.path.startsWith('/media/')) reply = mediaReply(fake, request.path.slice('/media/'.length));
    else {
      for (const route of routes) {
        reply = await route(request, fake);
        if (reply) break;
      }
    }
    if (reply?.delayMs) await new Promise((resolve) => setTimeout(resolve, reply!.delayMs));
    if (!outgoing.destroyed) send(outgoing, reply ?? { status: 404, body: { error: `no fake route for ${line}` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

function toFakeRequest(method: string, rawUrl: string, headers: IncomingHttpHeaders, body: Buffer): FakeRequest {
  const url = new URL(rawUrl, 'http://fake');
  const text = body.toString('utf8');
  const type = String(headers['content-type'] ?? '');
  let json: Record<string, unknown> | undefined;
  if (type.includes('json') && text) json = JSON.parse(text) as Record<string, unknown>;
  const form = type.includes('x-www-form-urlencoded') ? new URLSearchParams(text) : undefined;
  return { method, path: url.pathname, query: url.searchParams, headers, body, text, json, form };
}

function mediaReply(fake: FakeSocialServer, name: string): FakeReply {
  const file = fake.media.get(name);
  return file ? { status: 200, headers: { 'content-type': file.contentType }, body: file.bytes } : { status: 404, body: 'not found' };
}

function send(outgoing: import('node:http').ServerResponse, reply: FakeReply): void {
  const isBytes = Buffer.isBuffer(reply.body);
  const isText = typeof reply.body === 'string';
  const payload = reply.body === undefined ? '' : isBytes || isText ? (reply.body as Buffer | string) : JSON.stringify(reply.body);
  const headers = { ...(isBytes || isText || reply.body === undefined ? {} : { 'content-type': 'application/json' }), ...reply.headers };
  outgoing.writeHead(reply.status, headers);
  outgoing.end(payload);
}

/** The bearer token of a request (`Authorization: Bearer x`), or undefined. */
export function bearerToken(request: FakeRequest): string | undefined {
  return /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
}
