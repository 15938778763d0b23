import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/**
 * The operator credential (CRESCENDO_OPERATOR_TOKEN): the platform's, held by whoever runs
 * Crescendo, above every organisation. No organisation role or API token ever matches it.
 */
export class OperatorCredential {
  private readonly digest: Buffer;

  constructor(
    token: string,
    /** Signs session cookies; a fresh key per process ends every session on restart. */
    private readonly secret: Buffer,
  ) {
    this.digest = sha256(token);
  }

  /** Constant time: both sides are hashed to equal lengths before comparing. */
  matches(candidate: string | undefined): boolean {
    return candidate !== undefined && timingSafeEqual(sha256(candidate), this.digest);
  }

  /** `Authorization: Bearer <operator token>`. */
  matchesBearer(request: Request): boolean {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    return this.matches(match?.[1]);
  }

  /**
   * A session value `<expires ms>.<signature>`. The signing key is derived from the operator
   * token itself, so changing the token invalidates every session at its next request.
   */
  issueSession(expiresAt: number): string {
    return `${expiresAt}.${this.signature(String(expiresAt))}`;
  }

  validSession(value: string | undefined, now: Date): boolean {
    const match = /^(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(value ?? '');
    if (!match) return false;
    const expected = Buffer.from(this.signature(match[1]!));
    if (!timingSafeEqual(expected, Buffer.from(match[2]!))) return false;
    return Number(match[1]) > now.getTime();
  }

  private signature(payload: string): string {
    const key = createHmac('sha256', this.secret).update(this.digest).digest();
    return createHmac('sha256', key).update(`operator-session.${payload}`).digest('base64url');
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** A cookie's value, or undefined when absent or not valid percent-encoding (a client error, never a 500). */
export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return undefined;
    }
  }
  return undefined;
}
