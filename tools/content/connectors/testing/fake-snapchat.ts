import { createDecipheriv } from 'node:crypto';
import { bearerToken, type FakeReply, type FakeRoute } from './fake-social-server.ts';

/**
 * A fake of Snapchat's Public Profile API posting flow: media containers for AES-256-CBC encrypted
 * files (it decrypts what arrives, so a test can compare it with the original), multipart ADD and
 * FINALIZE, then stories and spotlights; errors in the Marketing API's `request_status: ERROR` shape.
 */
export function snapError(status: number, errorCode: string, debugMessage: string): FakeReply {
  return { status, body: { request_status: 'ERROR', request_id: '5f2b1c0e00ff0f7a', debug_message: debugMessage, display_message: "We're sorry, but something went wrong.", error_code: errorCode } };
}

interface FakeSnapMedia {
  profileId: string;
  type: string;
  key: Buffer;
  iv: Buffer;
  parts: Map<number, Buffer>;
  /** The decrypted file once finalized. */
  file?: Buffer;
}

export interface FakeSnapchatState {
  media: Map<string, FakeSnapMedia>;
  posts: Array<{ id: string; edge: string; body: Record<string, unknown> }>;
}

export function fakeSnapchat(validToken: string): { state: FakeSnapchatState; route: FakeRoute } {
  const state: FakeSnapchatState = { media: new Map(), posts: [] };
  let next = 0;
  const route: FakeRoute = async (request, fake) => {
    const match = /^\/v1\/public_profiles\/([\w-]+)\/(media|stories|spotlights)(?:\/([\w-]+)\/multipart-upload-v2)?$/.exec(request.path);
    if (request.method !== 'POST' || !match) return undefined;
    const token = bearerToken(request);
    if (!token || token !== validToken || fake.expiredTokens.has(token)) return snapError(401, 'E3003', 'The access token is invalid or has expired');
    const [, profileId, edge, uploadMediaId] = match as unknown as [string, string, string, string | undefined];
    if (uploadMediaId) return multipart(state, uploadMediaId, request.query.get('action'), await formOf(request.headers['content-type'], request.body));
    const body = request.json ?? {};
    if (edge === 'media') {
      const key = Buffer.from(String(body.key ?? ''), 'base64');
      const iv = Buffer.from(String(body.iv ?? ''), 'base64');
      if (key.length !== 32 || iv.length !== 16) return snapError(400, 'E1001', 'key must be 32 bytes and iv 16 bytes, base64 encoded');
      const mediaId = `b3c1e0d4-0000-4000-8000-${String(++next).padStart(12, '0')}`;
      state.media.set(mediaId, { profileId, type: String(body.type), key, iv, parts: new Map() });
      const base = `/v1/public_profiles/${profileId}/media/${mediaId}/multipart-upload-v2`;
      return { status: 200, body: { request_status: 'SUCCESS', request_id: 'r1', media_id: mediaId, add_path: `${base}?action=ADD`, finalize_path: `${base}?action=FINALIZE` } };
    }
    const media = state.media.get(String(body.media_id));
    if (!media?.file) return snapError(400, 'E1002', 'media_id is not a finalized media of this profile');
    if (edge === 'spotlights' && String(body.description ?? '').length > 160) return snapError(400, 'E1001', 'description must be at most 160 characters');
    const id = `a7d2f3e1-0000-4000-9000-${String(++next).padStart(12, '0')}`;
    state.posts.push({ id, edge, body });
    return { status: 200, body: { request_status: 'SUCCESS', request_id: 'r2', [edge === 'stories' ? 'story' : 'spotlight']: { id, media_id: body.media_id } } };
  };
  return { state, route };
}

function multipart(state: FakeSnapchatState, mediaId: string, action: string | null, form: FormData): FakeReply | Promise<FakeReply> {
  const media = state.media.get(mediaId);
  if (!media) return snapError(404, 'E2001', 'media not found');
  if (action === 'ADD') {
    const file = form.get('file') as Blob | null;
    if (!file) return snapError(400, 'E1001', 'file is required');
    return file.arrayBuffer().then((bytes) => {
      media.parts.set(Number(form.get('part_number')), Buffer.from(bytes));
      return { status: 200, body: { request_status: 'SUCCESS', request_id: 'r3' } };
    });
  }
  if (action === 'FINALIZE') {
    const encrypted = Buffer.concat([...media.parts.entries()].sort(([a], [b]) => a - b).map(([, part]) => part));
    const decipher = createDecipheriv('aes-256-cbc', media.key, media.iv);
    media.file = Buffer.concat([decipher.update(encrypted), decipher.final()]);
    return { status: 200, body: { request_status: 'SUCCESS', request_id: 'r4', result: { id: mediaId, media_status: 'READY' } } };
  }
  return snapError(400, 'E1001', `unknown action ${action}`);
}

async function formOf(contentType: string | undefined, body: Buffer): Promise<FormData> {
  return new Request('http://fake/', { method: 'POST', headers: { 'content-type': contentType ?? '' }, body }).formData();
}
