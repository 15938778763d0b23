import type { FakeReply, FakeRequest, FakeRoute, FakeSocialServer } from './fake-social-server.ts';

/**
 * Fake Graph API routes for Instagram publishing and Facebook Pages, answering in the documented
 * shapes (`{ id }`, container `status_code`, and the `{ error: { message, type, code,
 * error_subcode, fbtrace_id } }` body of "Handling Errors").
 */

export const GRAPH_VERSION_PATH = '/v21.0';

export function graphError(code: number, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEfGh123', ...extra } };
}

/** The documented expired-session body: code 190, subcode 463, sent with HTTP 400. */
export function graphExpiredToken(): FakeReply {
  return { status: 400, body: graphError(190, 'Error validating access token: Session has expired on Friday, 04-Dec-26 10:00:00 PST. The current time is Saturday, 05-Dec-26 20:00:00 PST.', { error_subcode: 463 }) };
}

interface Container {
  pollsUntilFinished: number;
  published: boolean;
  fields: Record<string, string>;
}

export interface FakeGraphState {
  containers: Map<string, Container>;
  published: Array<{ mediaId: string; containerId: string; fields: Record<string, string> }>;
  pagePosts: Array<{ id: string; edge: string; fields: Record<string, string> }>;
  /** How many status polls a video container stays IN_PROGRESS. */
  videoPolls: number;
}

export function fakeGraphApi(validToken: string): { state: FakeGraphState; route: FakeRoute } {
  const state: FakeGraphState = { containers: new Map(), published: [], pagePosts: [], videoPolls: 2 };
  let nextId = 0;
  const newId = () => `1790000000${String(++nextId).padStart(7, '0')}`;
  const route: FakeRoute = (request, fake) => {
    if (!request.path.startsWith(`${GRAPH_VERSION_PATH}/`)) return undefined;
    const fields = Object.fromEntries((request.form ?? request.query).entries());
    const refusal = checkToken(fields.access_token, validToken, fake);
    if (refusal) return refusal;
    const [node, edge] = request.path.slice(GRAPH_VERSION_PATH.length + 1).split('/') as [string, string | undefined];
    if (request.method === 'POST' && edge === 'media') return createContainer(state, fields, newId);
    if (request.method === 'POST' && edge === 'media_publish') return publishContainer(state, fields.creation_id ?? '', newId);
    if (request.method === 'POST' && (edge === 'feed' || edge === 'photos' || edge === 'videos')) return pagePost(state, node, edge, fields, newId);
    if (request.method === 'GET' && !edge) return readNode(state, node, request);
    return undefined;
  };
  return { state, route };
}

function checkToken(token: string | undefined, validToken: string, fake: FakeSocialServer): FakeReply | undefined {
  if (token && fake.expiredTokens.has(token)) return graphExpiredToken();
  if (token !== validToken) return { status: 400, body: graphError(190, 'Invalid OAuth access token - Cannot parse access token') };
  return undefined;
}

function createContainer(state: FakeGraphState, fields: Record<string, string>, newId: () => string): FakeReply {
  const { access_token: _token, ...rest } = fields;
  if ((rest.caption ?? '').length > 2200) {
    return { status: 400, body: graphError(100, 'Invalid parameter', { error_subcode: 2207010, error_user_title: 'Caption too long', error_user_msg: 'The caption can be at most 2,200 characters.' }) };
  }
  if (!rest.image_url && !rest.video_url && rest.media_type !== 'CAROUSEL') return { status: 400, body: graphError(100, 'The parameter image_url is required.') };
  const id = newId();
  state.containers.set(id, { pollsUntilFinished: rest.video_url ? state.videoPolls : 0, published: false, fields: rest });
  return { status: 200, body: { id } };
}

function publishContainer(state: FakeGraphState, containerId: string, newId: () => string): FakeReply {
  const container = state.containers.get(containerId);
  if (!container) return { status: 400, body: graphError(100, `Unsupported post request. Object with ID '${containerId}' does not exist.`) };
  if (container.pollsUntilFinished > 0) return { status: 400, body: graphError(9007, 'The media is not ready for publishing, please wait for a moment', { error_subcode: 2207027 }) };
  if (container.published) return { status: 400, body: graphError(9007, 'The media has already been published', { error_subcode: 2207006 }) };
  container.published = true;
  const mediaId = newId();
  state.published.push({ mediaId, containerId, fields: container.fields });
  return { status: 200, body: { id: mediaId } };
}

function pagePost(state: FakeGraphState, pageId: string, edge: string, fields: Record<string, string>, newId: () => string): FakeReply {
  const { access_token: _token, ...rest } = fields;
  const text = rest.message ?? rest.description ?? '';
  if (state.pagePosts.some((post) => post.edge === edge && (post.fields.message ?? post.fields.description) === text && text)) {
    return { status: 400, body: graphError(506, '(#506) Duplicate status message') };
  }
  if (edge === 'feed' && !rest.message && !rest.link) return { status: 400, body: graphError(100, '(#100) Missing message or attachment') };
  const id = newId();
  const postId = `${pageId}_${id}`;
  state.pagePosts.push({ id: postId, edge, fields: rest });
  return { status: 200, body: edge === 'photos' ? { id, post_id: postId } : { id: edge === 'feed' ? postId : id } };
}

function readNode(state: FakeGraphState, node: string, request: FakeRequest): FakeReply {
  const container = state.containers.get(node);
  if (container) {
    if (container.pollsUntilFinished > 0) {
      container.pollsUntilFinished--;
      return { status: 200, body: { status_code: 'IN_PROGRESS', status: 'In Progress', id: node } };
    }
    return { status: 200, body: { status_code: container.published ? 'PUBLISHED' : 'FINISHED', status: 'Finished: Media has been uploaded and it is ready to be published.', id: node } };
  }
  const media = state.published.find((entry) => entry.mediaId === node);
  if (media && request.query.get('fields')?.includes('permalink')) return { status: 200, body: { permalink: `https://www.instagram.com/p/C${node.slice(-6)}/`, id: node } };
  return { status: 400, body: graphError(100, `Unsupported get request. Object with ID '${node}' does not exist.`, { error_subcode: 33 }) };
}
