import { bearerToken, type FakeReply, type FakeRoute } from './fake-social-server.ts';

/** A fake of X API v2 `POST /2/tweets`, with its problem-details error bodies and a 280-character limit (URLs count as 23). */
export function xProblem(status: number, title: string, detail: string, extra: Record<string, unknown> = {}): FakeReply {
  return { status, body: { title, detail, type: 'about:blank', status, ...extra } };
}

export interface FakeXState {
  posts: Array<{ id: string; text: string; inReplyTo?: string }>;
}

export function fakeX(validToken: string): { state: FakeXState; route: FakeRoute } {
  const state: FakeXState = { posts: [] };
  let next = 0;
  const route: FakeRoute = (request, fake) => {
    if (request.method !== 'POST' || request.path !== '/2/tweets') return undefined;
    const token = bearerToken(request);
    if (!token || token !== validToken || fake.expiredTokens.has(token)) return xProblem(401, 'Unauthorized', 'Unauthorized');
    const text = String(request.json?.text ?? '');
    const inReplyTo = (request.json?.reply as { in_reply_to_tweet_id?: string } | undefined)?.in_reply_to_tweet_id;
    if (weightedLength(text) > 280) {
      return { status: 400, body: { errors: [{ parameters: { text: [text.slice(0, 20)] }, message: 'Your post is over 280 characters.' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } };
    }
    if (state.posts.some((post) => post.text === text)) return xProblem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.');
    // Ids above 2^53 are sent as strings, as X does.
    const id = `18650000000000${String(++next).padStart(5, '0')}`;
    state.posts.push({ id, text, inReplyTo });
    return { status: 201, body: { data: { id, text, edit_history_tweet_ids: [id] } } };
  };
  return { state, route };
}

function weightedLength(text: string): number {
  return [...text.replace(/https?:\/\/\S+/g, 'x'.repeat(23))].length;
}
