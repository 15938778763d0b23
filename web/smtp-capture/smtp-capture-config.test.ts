import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../bin/config.ts';

describe('the capture mail listener configuration', () => {
  it('is off unless CRESCENDO_SMTP_PORT is set, and defaults to loopback and 10 MB', () => {
    expect(loadConfig({}).smtpCapture).toBeUndefined();
    expect(loadConfig({ CRESCENDO_SMTP_PORT: '2525' }).smtpCapture).toEqual({ port: 2525, host: '127.0.0.1', maxBytes: 10 * 1024 * 1024 });
    expect(loadConfig({ CRESCENDO_SMTP_PORT: '2525', CRESCENDO_SMTP_HOST: '0.0.0.0', CRESCENDO_SMTP_MAX_BYTES: '2048' }).smtpCapture).toEqual({ port: 2525, host: '0.0.0.0', maxBytes: 2048 });
  });

  it('names a bad port', () => {
    expect(() => loadConfig({ CRESCENDO_SMTP_PORT: 'smtp' })).toThrow(ConfigError);
    expect(() => loadConfig({ CRESCENDO_SMTP_PORT: '2525', CRESCENDO_SMTP_MAX_BYTES: '12' })).toThrow(/CRESCENDO_SMTP_MAX_BYTES/);
  });
});
