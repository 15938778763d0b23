import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('CRESCENDO_OPERATOR_TOKEN', () => {
  it('is optional: unset or empty turns the job dashboard off', () => {
    expect(loadConfig({}).operatorToken).toBeUndefined();
    expect(loadConfig({ CRESCENDO_OPERATOR_TOKEN: '' }).operatorToken).toBeUndefined();
  });

  it('is read once here, and must be a long secret without spaces', () => {
    const token = 'a'.repeat(64);
    expect(loadConfig({ CRESCENDO_OPERATOR_TOKEN: token }).operatorToken).toBe(token);
    expect(() => loadConfig({ CRESCENDO_OPERATOR_TOKEN: 'secret' })).toThrow(ConfigError);
    expect(() => loadConfig({ CRESCENDO_OPERATOR_TOKEN: 'secret' })).toThrow(/CRESCENDO_OPERATOR_TOKEN: .*32 characters/);
    expect(() => loadConfig({ CRESCENDO_OPERATOR_TOKEN: `${'a'.repeat(32)} b` })).toThrow(/spaces/);
  });
});
