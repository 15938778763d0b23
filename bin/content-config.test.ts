import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('content studio settings', () => {
  it('CRESCENDO_ENCRYPTION_KEY is optional, and refused at start-up when it is not 32 bytes', () => {
    expect(loadConfig({}).encryptionKey).toBeUndefined();
    const key = randomBytes(32).toString('base64');
    expect(loadConfig({ CRESCENDO_ENCRYPTION_KEY: key }).encryptionKey).toBe(key);
    expect(loadConfig({ CRESCENDO_ENCRYPTION_KEY: randomBytes(32).toString('hex') }).encryptionKey).toHaveLength(64);
    expect(() => loadConfig({ CRESCENDO_ENCRYPTION_KEY: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ CRESCENDO_ENCRYPTION_KEY: 'abc' })).toThrow(/CRESCENDO_ENCRYPTION_KEY must be 32 random bytes/);
  });

  it('each publishing API root defaults to the real host and can be pointed elsewhere', () => {
    const defaults = loadConfig({}).publishingUrls;
    expect(defaults.x).toBe('https://api.x.com');
    expect(defaults.instagram).toMatch(/^https:\/\/graph\.facebook\.com\//);
    expect(loadConfig({ X_API_URL: 'http://127.0.0.1:9999' }).publishingUrls.x).toBe('http://127.0.0.1:9999');
    expect(() => loadConfig({ TIKTOK_API_URL: 'not a url' })).toThrow(/TIKTOK_API_URL/);
  });

  it('token refresh: app credentials per platform and the token endpoints\' roots', () => {
    const config = loadConfig({ TIKTOK_CLIENT_KEY: 'tt-key', TIKTOK_CLIENT_SECRET: 'tt-secret', GOOGLE_OAUTH_URL: 'http://127.0.0.1:9998' });
    expect(config.tokenRefresh.credentials.tiktok).toEqual({ id: 'tt-key', secret: 'tt-secret' });
    expect(config.tokenRefresh.urls.youtube).toBe('http://127.0.0.1:9998');
    expect(config.tokenRefresh.urls.snapchat).toBe('https://accounts.snapchat.com');
    expect(config.tokenRefresh.urls.x).toBe(config.publishingUrls.x);
  });

  it('OAuth: the Meta app signs in Facebook Pages and Instagram accounts', () => {
    expect(loadConfig({}).tokenRefresh.credentials.facebook).toBeUndefined();
    expect(loadConfig({ FACEBOOK_APP_ID: '123', FACEBOOK_APP_SECRET: 'shh' }).tokenRefresh.credentials.facebook).toEqual({ id: '123', secret: 'shh' });
  });
});
