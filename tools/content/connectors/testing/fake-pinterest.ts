import { bearerToken, type FakeReply, type FakeRoute } from './fake-social-server.ts';

/** A fake of Pinterest API v5 `POST /v5/pins`, with its `{ code, message }` errors and the 100/500 title/description limits. */
export function pinterestError(status: number, code: number, message: string): FakeReply {
  return { status, body: { code, message } };
}

export interface FakePinterestState {
  boards: Set<string>;
  pins: Array<Record<string, unknown> & { id: string }>;
}

export function fakePinterest(validToken: string): { state: FakePinterestState; route: FakeRoute } {
  const state: FakePinterestState = { boards: new Set(['549755885175']), pins: [] };
  let next = 0;
  const route: FakeRoute = (request, fake) => {
    if (request.method !== 'POST' || request.path !== '/v5/pins') return undefined;
    const token = bearerToken(request);
    if (!token || token !== validToken || fake.expiredTokens.has(token)) return pinterestError(401, 2, 'Authentication failed.');
    const body = request.json ?? {};
    if (!state.boards.has(String(body.board_id))) return pinterestError(404, 3, 'Board not found.');
    if (String(body.description ?? '').length > 500) return pinterestError(400, 1, 'Invalid request: description must be at most 500 characters.');
    if (String(body.title ?? '').length > 100) return pinterestError(400, 1, 'Invalid request: title must be at most 100 characters.');
    const id = `81361780${String(++next).padStart(8, '0')}`;
    const pin = { id, created_at: '2026-12-06T04:30:00', ...body };
    state.pins.push(pin);
    return { status: 201, body: pin };
  };
  return { state, route };
}
