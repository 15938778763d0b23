import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call the fake received: the method and its arguments (JSON-valued ones parsed). */
export interface RecordedSlackCall {
  method: string;
  args: Record<string, unknown>;
  /** What the fake answered (e.g. the `ts` of a posted message). */
  response?: Record<string, unknown>;
}

/** A member of the fake workspace, as users.info describes them. */
export interface FakeSlackUser {
  id: string;
  email?: string;
  emailConfirmed?: boolean;
  isBot?: boolean;
}

export interface FakeSlackApi {
  /** `slackApiUrl` for WebClient and Bolt, with the trailing `/api/` they expect. */
  apiUrl: string;
  /** Where `respond()` posts: a response_url on this fake. */
  responseUrl(name: string): string;
  calls: RecordedSlackCall[];
  /** Calls of one method, in order. */
  callsTo(method: string): RecordedSlackCall[];
  /** The `ts` the fake gave a chat.postMessage call: what a later chat.update names. */
  postedTs(call: RecordedSlackCall): string;
  /** Bodies posted to response URLs, in order. */
  responses: Array<{ name: string; body: Record<string, unknown> }>;
  /** Files uploaded through files.getUploadURLExternal + the upload URL. */
  uploads: Array<{ fileId: string; filename: string; bytes: Buffer }>;
  addUser(user: FakeSlackUser): void;
  /** The bot is not a member of this channel: chat.postMessage there answers `not_in_channel`. */
  leaveChannel(channel: string): void;
  /** Answers every Web API method with `{ok: false, error}` (e.g. `invalid_auth`, a revoked token) until called with null. */
  failWith(error: string | null): void;
  /** Stops listening (connections refused on the same port), as when Slack is unreachable. */
  goAway(): Promise<void>;
  /** Listens again on the same port. */
  comeBack(): Promise<void>;
  /** Resolves once `count` calls of `method` have arrived (for work finished after the ack). */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedSlackCall[]>;
  close(): Promise<void>;
}

const JSON_ARGUMENTS = new Set(['blocks', 'attachments', 'files', 'metadata', 'view']);

/**
 * A loopback fake of the Slack Web API for tests: answers auth.test, chat.*, reactions.*,
 * users.info, users.lookupByEmail, views.publish and views.open (in Slack's documented shapes, including their
 * required arguments) and the three steps of a file upload, and records every call. The real WebClient
 * (inside Bolt or the notifier) talks to it through `slackApiUrl`.
 */
export async function startFakeSlackApi(options: { teamId?: string; botUserId?: string } = {}): Promise<FakeSlackApi> {
  const teamId = options.teamId ?? 'T0001';
  const botUserId = options.botUserId ?? 'UBOT';
  const calls: RecordedSlackCall[] = [];
  const responses: FakeSlackApi['responses'] = [];
  const uploads: FakeSlackApi['uploads'] = [];
  const pendingUploads = new Map<string, string>();
  const users = new Map<string, FakeSlackUser>();
  const channelsLeft = new Set<string>();
  const waiters = new Set<() => void>();
  let messageCounter = 0;
  let fileCounter = 0;
  let viewCounter = 0;
  let base = '';
  let failure: string | null = null;

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'crescendo', team_id: teamId, user_id: botUserId, bot_id: 'BBOT' };
      case 'chat.postMessage':
      case 'chat.postEphemeral':
        if (method === 'chat.postMessage' && channelsLeft.has(String(args.channel))) return { ok: false, error: 'not_in_channel' };
        messageCounter += 1;
        return { ok: true, channel: args.channel, ts: `1700000000.${String(messageCounter).padStart(6, '0')}`, message_ts: `1700000000.${String(messageCounter).padStart(6, '0')}` };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'views.publish':
      case 'views.open': {
        const missing = method === 'views.publish' ? !args.user_id : !args.trigger_id;
        const view = args.view as Record<string, unknown> | undefined;
        if (missing || !view) return { ok: false, error: 'invalid_arguments' };
        if (method === 'views.publish' && view.type !== 'home') return { ok: false, error: 'invalid_arguments' };
        viewCounter += 1;
        return { ok: true, view: { id: `V${String(viewCounter).padStart(4, '0')}`, team_id: teamId, hash: `hash-${viewCounter}`, ...view } };
      }
      case 'reactions.add':
      case 'reactions.remove':
        return { ok: true };
      case 'users.info': {
        const user = users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id: user.id, is_bot: user.isBot ?? false, is_email_confirmed: user.emailConfirmed ?? true, profile: user.email ? { email: user.email } : {} } };
      }
      case 'users.lookupByEmail': {
        const user = [...users.values()].find((candidate) => candidate.email?.toLowerCase() === String(args.email).toLowerCase());
        if (!user) return { ok: false, error: 'users_not_found' };
        return { ok: true, user: { id: user.id, team_id: teamId, is_bot: user.isBot ?? false, deleted: false, is_email_confirmed: user.emailConfirmed ?? true, profile: { email: user.email } } };
      }
      case 'files.getUploadURLExternal': {
        fileCounter += 1;
        const fileId = `F${String(fileCounter).padStart(4, '0')}`;
        pendingUploads.set(fileId, String(args.filename));
        return { ok: true, file_id: fileId, upload_url: `${base}/upload/${fileId}` };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (args.files as Array<{ id: string }>).map((file) => ({ id: file.id, title: file.id })) };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    if (path.startsWith('/upload/')) {
      const fileId = path.slice('/upload/'.length);
      uploads.push({ fileId, filename: pendingUploads.get(fileId) ?? '?', bytes: fileBytes(body, request.headers['content-type']) });
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${body.length}`);
      notify();
      return;
    }
    if (path.startsWith('/respond/')) {
      responses.push({ name: path.slice('/respond/'.length), body: JSON.parse(body.toString('utf8') || '{}') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      notify();
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const args = parseArguments(body.toString('utf8'), request.headers['content-type']);
    const answered = failure ? { ok: false, error: failure } : answer(method, args);
    calls.push({ method, args, response: answered });
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answered));
    notify();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  const stopListening = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

  function notify(): void {
    for (const waiter of [...waiters]) waiter();
  }
  const callsTo = (method: string) => calls.filter((call) => call.method === method);

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (name) => `${base}/respond/${name}`,
    calls,
    callsTo,
    postedTs: (call) => String(call.response?.ts ?? ''),
    responses,
    uploads,
    addUser: (user) => users.set(user.id, user),
    leaveChannel: (channel) => channelsLeft.add(channel),
    failWith(error) {
      failure = error;
    },
    goAway: stopListening,
    comeBack: () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve)),
    waitFor(method, count = 1, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = callsTo(method);
          if (found.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Slack: expected ${count} ${method} call(s) within ${timeoutMs} ms, got ${callsTo(method).length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => (server.listening ? stopListening() : Promise.resolve()),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The uploaded file: the raw body, or the first part of a multipart/form-data body. */
function fileBytes(body: Buffer, contentType: string | undefined): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  if (!contentType?.startsWith('multipart/form-data') || !boundary) return body;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = body.indexOf(delimiter) + delimiter.length;
  const headersEnd = body.indexOf('\r\n\r\n', start) + 4;
  const end = body.indexOf(delimiter, headersEnd);
  return body.subarray(headersEnd, end - 2); // the part ends with CRLF before the next delimiter
}

function parseArguments(text: string, contentType: string | undefined): Record<string, unknown> {
  if (!text) return {};
  const raw: Record<string, unknown> = contentType?.includes('json') ? JSON.parse(text) : Object.fromEntries(new URLSearchParams(text));
  for (const key of JSON_ARGUMENTS) {
    if (typeof raw[key] === 'string') raw[key] = JSON.parse(raw[key] as string);
  }
  return raw;
}
