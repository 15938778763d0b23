import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenCipher, parseEncryptionKey, SecretsError } from './token-cipher.ts';

const keyBase64 = randomBytes(32).toString('base64');
const keyHex = randomBytes(32).toString('hex');
const token = 'EAAB-secret-page-token-123';

describe('token cipher', () => {
  it('round-trips a token and never stores it in the clear', () => {
    const cipher = createTokenCipher(keyBase64);
    const sealed = cipher.encrypt(token);
    expect(sealed).toMatch(/^v1\.[0-9a-f]{16}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(token);
    expect(cipher.decrypt(sealed)).toBe(token);
    // A fresh IV each time: the same token never seals to the same text.
    expect(cipher.encrypt(token)).not.toBe(sealed);
  });

  it('accepts hex and url-safe base64 keys, and refuses keys of the wrong length without echoing them', () => {
    expect(parseEncryptionKey(keyHex)).toHaveLength(32);
    expect(parseEncryptionKey(Buffer.from(keyHex, 'hex').toString('base64url'))).toHaveLength(32);
    const short = randomBytes(16).toString('base64');
    expect(() => createTokenCipher(short)).toThrow(/32 random bytes/);
    try {
      createTokenCipher(short);
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
  });

  it('refuses to encrypt or decrypt without a key, with a message that says how to fix it', () => {
    const cipher = createTokenCipher(undefined);
    expect(() => cipher.encrypt(token)).toThrow(SecretsError);
    expect(() => cipher.encrypt(token)).toThrow(/CRESCENDO_ENCRYPTION_KEY is not set.*openssl rand -base64 32/);
    expect(() => cipher.decrypt('v1.x.y.z.w')).toThrow(/not set/);
  });

  it('rejects a value whose ciphertext or tag was altered, without revealing anything', () => {
    const cipher = createTokenCipher(keyBase64);
    const [version, id, iv, data, tag] = cipher.encrypt(token).split('.') as [string, string, string, string, string];
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => cipher.decrypt([version, id, iv, flipped.toString('base64url'), tag].join('.'))).toThrow(/integrity check/);
    const badTag = Buffer.from(tag, 'base64url');
    badTag[15] = badTag[15]! ^ 1;
    expect(() => cipher.decrypt([version, id, iv, data, badTag.toString('base64url')].join('.'))).toThrow(/integrity check/);
    // A truncated tag is not accepted as a shorter check.
    expect(() => cipher.decrypt([version, id, iv, data, badTag.subarray(0, 4).toString('base64url')].join('.'))).toThrow(/format/);
  });

  it('binds a value to its record through the context', () => {
    const cipher = createTokenCipher(keyBase64);
    const sealed = cipher.encrypt(token, 'social_account:a');
    expect(cipher.decrypt(sealed, 'social_account:a')).toBe(token);
    expect(() => cipher.decrypt(sealed, 'social_account:b')).toThrow(/integrity check/);
  });

  it('rotates keys: old values open with the previous key listed, and are flagged for re-encryption', () => {
    const oldCipher = createTokenCipher(keyHex);
    const oldSealed = oldCipher.encrypt(token);
    const rotated = createTokenCipher(keyBase64, [keyHex]);
    expect(rotated.decrypt(oldSealed)).toBe(token);
    expect(rotated.needsReencryption(oldSealed)).toBe(true);
    const resealed = rotated.encrypt(rotated.decrypt(oldSealed));
    expect(rotated.needsReencryption(resealed)).toBe(false);
    // Without the old key, the value names the missing key instead of failing obscurely.
    expect(() => createTokenCipher(keyBase64).decrypt(oldSealed)).toThrow(/key that is not configured/);
  });

  it('refuses values in an unknown format version', () => {
    const cipher = createTokenCipher(keyBase64);
    const sealed = cipher.encrypt(token).replace(/^v1/, 'v9');
    expect(() => cipher.decrypt(sealed)).toThrow(/format/);
    expect(cipher.needsReencryption(sealed)).toBe(true);
  });
});
