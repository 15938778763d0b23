import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseEncryptionKey, type TokenCipher } from '../../common/secrets/token-cipher.ts';
import type { SocialPlatform } from './publishing.ts';

/**
 * The OAuth `state` parameter: `<payload>.<mac>` (base64url), the payload binding organisation,
 * user, platform, an expiry and a random nonce; the MAC is HMAC-SHA256 under a key derived (HKDF)
 * from CRESCENDO_ENCRYPTION_KEY, so no new secret is needed and rotating that key voids pending
 * states. X's PKCE verifier travels inside, sealed with the token cipher (bound to the nonce), so
 * the browser carries it without being able to read it. A state is good once: the callback claims
 * its nonce before the code is exchanged, so a replayed URL is refused.
 */

export const STATE_LIFETIME_MS = 10 * 60_000;

export interface OAuthStateClaims {
  organizationId: string;
  userId: string;
  platform: SocialPlatform;
  /** PKCE code_verifier (X), in the clear once verified. */
  codeVerifier?: string;
}

interface StatePayload {
  n: string;
  o: string;
  u: string;
  p: SocialPlatform;
  /** Expiry, epoch milliseconds. */
  e: number;
  /** The sealed PKCE verifier. */
  v?: string;
}

export type StateRefusal = 'malformed' | 'tampered' | 'expired' | 'replayed';

export class OAuthStateError extends Error {
  constructor(readonly reason: StateRefusal) {
    super(STATE_REFUSALS[reason]);
    this.name = 'OAuthStateError';
  }
}

const STATE_REFUSALS: Record<StateRefusal, string> = {
  malformed: 'The sign-in link is incomplete or not one of ours. Start the connection again from Crescendo.',
  tampered: 'The sign-in link failed its integrity check (altered, or made before the server key changed). Start the connection again.',
  expired: 'The sign-in link expired (they last 10 minutes). Start the connection again.',
  replayed: 'This sign-in link was already used. Start the connection again if the account is not connected.',
};

/** Which nonces were used, until they expire. The in-process store serves one web process; see README. */
export interface UsedStateStore {
  /** True the first time a nonce is claimed, false after. */
  claim(nonce: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
}

export function memoryUsedStateStore(): UsedStateStore {
  const used = new Map<string, number>();
  return {
    async claim(nonce, expiresAtMs, nowMs) {
      for (const [key, expiry] of used) if (expiry < nowMs) used.delete(key);
      if (used.has(nonce)) return false;
      used.set(nonce, expiresAtMs);
      return true;
    },
  };
}

export interface OAuthStateSigner {
  issue(claims: OAuthStateClaims, now: Date): { state: string; expiresAt: Date };
  /** The claims of a good, unexpired, first-used state; else an OAuthStateError. */
  redeem(state: string, now: Date): Promise<OAuthStateClaims>;
}

export function createOAuthStateSigner(encryptionKey: string, cipher: TokenCipher, used: UsedStateStore): OAuthStateSigner {
  const macKey = Buffer.from(hkdfSync('sha256', parseEncryptionKey(encryptionKey), Buffer.alloc(0), 'crescendo oauth state v1', 32));
  const mac = (payload: string) => createHmac('sha256', macKey).update(payload).digest();
  const sealContext = (nonce: string) => `oauth_state:${nonce}:code_verifier`;
  return {
    issue(claims, now) {
      const nonce = randomBytes(16).toString('base64url');
      const expiresAt = new Date(now.getTime() + STATE_LIFETIME_MS);
      const payload: StatePayload = { n: nonce, o: claims.organizationId, u: claims.userId, p: claims.platform, e: expiresAt.getTime() };
      if (claims.codeVerifier) payload.v = cipher.encrypt(claims.codeVerifier, sealContext(nonce));
      const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
      return { state: `${encoded}.${mac(encoded).toString('base64url')}`, expiresAt };
    },
    async redeem(state, now) {
      const [encoded, signature, extra] = state.split('.');
      if (!encoded || !signature || extra !== undefined) throw new OAuthStateError('malformed');
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(encoded);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new OAuthStateError('tampered');
      const payload = parsePayload(encoded);
      if (!payload) throw new OAuthStateError('malformed');
      if (payload.e <= now.getTime()) throw new OAuthStateError('expired');
      if (!(await used.claim(payload.n, payload.e, now.getTime()))) throw new OAuthStateError('replayed');
      const codeVerifier = payload.v ? cipher.decrypt(payload.v, sealContext(payload.n)) : undefined;
      return { organizationId: payload.o, userId: payload.u, platform: payload.p, codeVerifier };
    },
  };
}

function parsePayload(encoded: string): StatePayload | null {
  try {
    const value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as StatePayload;
    const strings = [value.n, value.o, value.u, value.p].every((part) => typeof part === 'string' && part.length > 0);
    return strings && typeof value.e === 'number' ? value : null;
  } catch {
    return null;
  }
}
