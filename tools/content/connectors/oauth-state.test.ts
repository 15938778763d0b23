import { describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../common/secrets/token-cipher.ts';
import { createOAuthStateSigner, memoryUsedStateStore, OAuthStateError, STATE_LIFETIME_MS } from './oauth-state.ts';

const KEY = Buffer.alloc(32, 3).toString('base64');
const OTHER_KEY = Buffer.alloc(32, 4).toString('base64');
const claims = { organizationId: 'org-1', userId: 'user-1', platform: 'x' as const, codeVerifier: 'v'.repeat(43) };
const signer = (key = KEY) => createOAuthStateSigner(key, createTokenCipher(key), memoryUsedStateStore());
const now = new Date('2026-12-06T10:00:00Z');

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(OAuthStateError);
  return (error as OAuthStateError).reason;
};

describe('OAuth state', () => {
  it('gives back what it bound, once; the PKCE verifier is not readable in the state', async () => {
    const states = signer();
    const { state, expiresAt } = states.issue(claims, now);
    expect(expiresAt.getTime() - now.getTime()).toBe(STATE_LIFETIME_MS);
    expect(Buffer.from(state.split('.')[0]!, 'base64url').toString()).not.toContain(claims.codeVerifier);
    expect(await states.redeem(state, new Date(now.getTime() + 60_000))).toEqual(claims);
    expect(await refusal(states.redeem(state, new Date(now.getTime() + 61_000)))).toBe('replayed');
  });

  it('refuses an expired, altered, foreign-key or malformed state', async () => {
    const states = signer();
    expect(await refusal(states.redeem(states.issue(claims, now).state, new Date(now.getTime() + STATE_LIFETIME_MS)))).toBe('expired');
    const [payload, mac] = states.issue(claims, now).state.split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), u: 'user-2' })).toString('base64url');
    expect(await refusal(states.redeem(`${altered}.${mac}`, now))).toBe('tampered');
    expect(await refusal(signer(OTHER_KEY).redeem(signer().issue(claims, now).state, now))).toBe('tampered');
    expect(await refusal(states.redeem('', now))).toBe('malformed');
    expect(await refusal(states.redeem('a.b.c', now))).toBe('malformed');
  });

  it('a replay refused once it is used does not block a fresh state', async () => {
    const states = signer();
    const first = states.issue(claims, now).state;
    await states.redeem(first, now);
    expect(await states.redeem(states.issue(claims, now).state, now)).toMatchObject({ userId: 'user-1' });
  });
});
