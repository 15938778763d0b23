import { describe, expect, it } from 'vitest';
import { cliExitCode } from './exit-codes.ts';
import { nearestFlag } from './flag-suggestion.ts';

describe('flag suggestions', () => {
  it('finds the flag meant despite underscores, typos and case', () => {
    const flags = ['name', 'slug', 'currency', 'time-zone', 'owner'];
    expect(nearestFlag('--time_zone', flags)).toBe('--time-zone');
    expect(nearestFlag('--curency', flags)).toBe('--currency');
    expect(nearestFlag('--Slug', flags)).toBe('--slug');
  });

  it('suggests nothing rather than a guess', () => {
    expect(nearestFlag('--frobnicate', ['org', 'role', 'as'])).toBeUndefined();
  });
});

describe('exit codes', () => {
  it('are 2 for what the caller can fix and 1 otherwise', () => {
    expect(['invalid_input', 'not_found', 'forbidden'].map((code) => cliExitCode(code as never))).toEqual([2, 2, 2]);
    expect(['conflict', 'unavailable', 'internal'].map((code) => cliExitCode(code as never))).toEqual([1, 1, 1]);
  });
});
