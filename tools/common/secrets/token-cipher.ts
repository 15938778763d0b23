import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ToolError } from '../../registry/errors.ts';

/**
 * Encrypts OAuth and API tokens at rest with AES-256-GCM (node:crypto).
 *
 * Stored form: `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts). The key id is the first
 * 8 bytes of SHA-256 of the key, so a value names the key that sealed it and keys can rotate:
 * a cipher built with the new key plus the old ones still opens old values, and
 * `needsReencryption` says which rows to rewrite. GCM's tag is checked by OpenSSL's constant-time
 * comparison inside `decipher.final()`; the tag length is pinned to 16 bytes so a truncated tag
 * cannot be used to forge a shorter check.
 */
export const CIPHER_FORMAT_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export const ENCRYPTION_KEY_VARIABLE = 'CRESCENDO_ENCRYPTION_KEY';

/** No key configured, a key of the wrong shape, or a stored value this cipher cannot open. */
export class SecretsError extends ToolError {
  constructor(code: 'unavailable' | 'internal', message: string) {
    super(code, message);
    this.name = 'SecretsError';
  }
}

export interface TokenCipher {
  /** Seals `plaintext`; `context` (e.g. `social_account:<id>`) is bound as associated data and must match on decrypt. */
  encrypt(plaintext: string, context?: string): string;
  decrypt(sealed: string, context?: string): string;
  /** True when `sealed` was made with an older key (or format) and should be re-encrypted with the current one. */
  needsReencryption(sealed: string): boolean;
}

interface NamedKey {
  id: string;
  key: Buffer;
}

/**
 * Reads a 32-byte key written as base64 (standard or url-safe) or as 64 hex digits.
 * Throws a SecretsError that names the variable but never echoes the value.
 */
export function parseEncryptionKey(raw: string, variable = ENCRYPTION_KEY_VARIABLE): Buffer {
  const text = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : decodeBase64(text);
  if (key?.length !== 32) {
    throw new SecretsError('unavailable', `${variable} must be 32 random bytes written as base64 or 64 hex digits (e.g. \`openssl rand -base64 32\`).`);
  }
  return key;
}

/**
 * A cipher for the configured key (`currentKey`, the raw CRESCENDO_ENCRYPTION_KEY value) and any
 * retired keys still needed to read old values. Without a current key every call refuses with a
 * clear error, so no token is ever stored in the clear.
 */
export function createTokenCipher(currentKey: string | undefined, previousKeys: string[] = []): TokenCipher {
  if (!currentKey) return refusingCipher();
  const current = named(parseEncryptionKey(currentKey));
  const keys = new Map<string, Buffer>([[current.id, current.key]]);
  for (const raw of previousKeys) {
    const old = named(parseEncryptionKey(raw, `A previous ${ENCRYPTION_KEY_VARIABLE}`));
    if (!keys.has(old.id)) keys.set(old.id, old.key);
  }
  return {
    encrypt: (plaintext, context) => seal(current, plaintext, context),
    decrypt: (sealed, context) => open(keys, sealed, context),
    needsReencryption: (sealed) => parse(sealed)?.keyId !== current.id,
  };
}

function refusingCipher(): TokenCipher {
  const refuse = (): never => {
    throw new SecretsError('unavailable', `${ENCRYPTION_KEY_VARIABLE} is not set, so tokens cannot be stored or read. Set it to 32 random bytes (\`openssl rand -base64 32\`) and restart.`);
  };
  return { encrypt: refuse, decrypt: refuse, needsReencryption: refuse };
}

function seal({ id, key }: NamedKey, plaintext: string, context: string | undefined): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [CIPHER_FORMAT_VERSION, id, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

function open(keys: Map<string, Buffer>, sealed: string, context: string | undefined): string {
  const parts = parse(sealed);
  if (!parts) throw new SecretsError('internal', 'The stored token is not in a format this version can read (expected v1.<key>.<iv>.<data>.<tag>).');
  const key = keys.get(parts.keyId);
  if (!key) throw new SecretsError('internal', `The stored token was encrypted with a key that is not configured (key id ${parts.keyId}); add the old key as a previous key or reconnect the account.`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
    if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(parts.tag);
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // Never say more: which byte failed would help an attacker, and the plaintext must not leak.
    throw new SecretsError('internal', 'The stored token failed its integrity check (altered, or sealed for another record); reconnect the account.');
  }
}

function parse(sealed: string): { keyId: string; iv: Buffer; ciphertext: Buffer; tag: Buffer } | null {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== CIPHER_FORMAT_VERSION) return null;
  const [, keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  const decoded = { keyId, iv: Buffer.from(iv, 'base64url'), ciphertext: Buffer.from(ciphertext, 'base64url'), tag: Buffer.from(tag, 'base64url') };
  if (decoded.iv.length !== IV_BYTES || decoded.tag.length !== TAG_BYTES) return null;
  return decoded;
}

function named(key: Buffer): NamedKey {
  return { id: createHash('sha256').update(key).digest().subarray(0, 8).toString('hex'), key };
}

function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return null;
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}
