import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../bin/config.ts';

describe('email configuration (SMTP_URL, EMAIL_FROM)', () => {
  it('writes to the outbox of the data folder on the embedded database without SMTP_URL', () => {
    const config = loadConfig({ CRESCENDO_DATA_DIR: '/tmp/crescendo-data' });
    expect(config.email).toEqual({ smtpUrl: undefined, from: 'Crescendo <crescendo@localhost>', outboxDir: join(resolve('/tmp/crescendo-data'), 'outbox') });
  });

  it('has no outbox on Postgres, and sends through SMTP when it is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/crescendo' }).email.outboxDir).toBeUndefined();
    const config = loadConfig({ SMTP_URL: 'smtps://user:secret@mail.example.com:465', EMAIL_FROM: 'Reports <reports@example.com>' });
    expect(config.email).toMatchObject({ smtpUrl: 'smtps://user:secret@mail.example.com:465', from: 'Reports <reports@example.com>' });
  });

  it('refuses an SMTP_URL without EMAIL_FROM, or one that is not smtp:// or smtps://', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.com:587' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.com:587' })).toThrow(/EMAIL_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'https://mail.example.com', EMAIL_FROM: 'a@b.c' })).toThrow(/smtp:\/\//);
  });
});
