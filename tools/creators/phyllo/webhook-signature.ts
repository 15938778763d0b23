import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Phyllo signs each webhook delivery with the webhook's secret: the hex HMAC-SHA256 of the exact
 * raw request body, sent in the `Webhook-Signature` header (Phyllo's own samples read it under
 * `Phyllo-Signature`, so both names are accepted). The scheme carries no timestamp of its own, so
 * freshness is judged from the event's `data.last_updated_time` (see the webhook route).
 */
export const SIGNATURE_HEADERS = ['webhook-signature', 'phyllo-signature'] as const;

export function signPhylloBody(secret: string, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/** Constant-time comparison of the expected signature with the one received (hex, any case, optional `sha256=`). */
export function phylloSignatureMatches(secret: string, rawBody: string | Buffer, received: string): boolean {
  const expected = Buffer.from(signPhylloBody(secret, rawBody), 'hex');
  const cleaned = received.trim().replace(/^sha256=/i, '');
  if (!/^[0-9a-f]+$/i.test(cleaned) || cleaned.length !== expected.length * 2) return false;
  return timingSafeEqual(expected, Buffer.from(cleaned, 'hex'));
}
