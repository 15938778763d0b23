import { bearerToken, type FakeReply, type FakeRoute } from './fake-social-server.ts';

/**
 * A fake of the YouTube Data API v3 resumable upload: session start (answers `Location`), byte
 * uploads with `Content-Range`, the `bytes *\/N` status query (308 + `Range`), and Google's
 * `{ error: { code, message, errors: [{ reason }] , status } }` bodies.
 */
export function youtubeError(status: number, reason: string, message: string, domain = 'youtube.video'): FakeReply {
  return { status, body: { error: { code: status, message, errors: [{ message, domain, reason }], status: status === 401 ? 'UNAUTHENTICATED' : undefined } } };
}

export interface FakeYouTubeState {
  sessions: Map<string, { resource: Record<string, unknown>; size: number; received: Buffer[]; videoId?: string }>;
  /** Take only this many bytes of the next upload, then answer 503 (an interrupted upload). */
  interruptAfterBytes?: number;
}

export function fakeYouTube(validToken: string): { state: FakeYouTubeState; route: FakeRoute } {
  const state: FakeYouTubeState = { sessions: new Map() };
  let next = 0;
  const route: FakeRoute = (request, fake) => {
    if (request.path !== '/upload/youtube/v3/videos') return undefined;
    const token = bearerToken(request);
    if (!token || token !== validToken || fake.expiredTokens.has(token)) {
      return youtubeError(401, 'authError', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', 'global');
    }
    if (request.method === 'POST' && request.query.get('uploadType') === 'resumable') {
      const resource = request.json ?? {};
      const title = String((resource.snippet as { title?: string } | undefined)?.title ?? '');
      if (!title || title.length > 100) return youtubeError(400, 'invalidTitle', 'The request metadata specifies an invalid video title.');
      const uploadId = `AEnB2Uo${++next}`;
      state.sessions.set(uploadId, { resource, size: Number(request.headers['x-upload-content-length']), received: [] });
      return { status: 200, headers: { location: `${fake.url}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status&upload_id=${uploadId}` } };
    }
    const session = state.sessions.get(request.query.get('upload_id') ?? '');
    if (request.method !== 'PUT' || !session) return { status: 404, body: { error: { code: 404, message: 'Upload session not found' } } };
    const range = String(request.headers['content-range'] ?? '');
    const have = Buffer.concat(session.received).length;
    if (range.startsWith('bytes */')) return progress(session, have);
    const start = Number(/^bytes (\d+)-/.exec(range)?.[1]);
    if (start !== have) return youtubeError(400, 'badRequest', `Content-Range starts at ${start}, expected ${have}`);
    const take = state.interruptAfterBytes;
    if (take !== undefined) {
      state.interruptAfterBytes = undefined;
      session.received.push(request.body.subarray(0, take));
      return youtubeError(503, 'backendError', 'Backend Error', 'global');
    }
    session.received.push(request.body);
    return progress(session, have + request.body.length, () => `dQw4w9W${next}Xc`);
  };
  return { state, route };
}

function progress(session: FakeYouTubeState['sessions'] extends Map<string, infer S> ? S : never, have: number, newId?: () => string): FakeReply {
  if (have < session.size) return { status: 308, headers: have > 0 ? { range: `bytes=0-${have - 1}` } : {} };
  session.videoId ??= newId?.() ?? 'dQw4w9WgXcQ';
  return { status: 200, body: { kind: 'youtube#video', id: session.videoId, snippet: session.resource.snippet, status: { uploadStatus: 'uploaded', ...(session.resource.status as object) } } };
}
