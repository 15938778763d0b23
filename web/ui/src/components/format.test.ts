import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMoney, formatShare, plural } from './format.ts';

describe('figures in one format', () => {
  it('writes money as $20,744.56 whatever the amount, and other currencies by their symbol', () => {
    expect(formatMoney(20744.56, 'USD')).toBe('$20,744.56');
    expect(formatMoney(283.3, 'USD')).toBe('$283.30');
    expect(formatMoney(1234.5, 'EUR')).toBe('€1,234.50');
    expect(formatMoney(null, 'USD')).toBe('—');
  });

  it('writes an approval amount as the approval tools word it, through the same helper', () => {
    expect(formatMoney(283.26, 'USD', { code: true })).toBe('283.26 USD');
    expect(formatDecimal(20744.5)).toBe('20,744.50');
  });

  it('puts the noun in the right number', () => {
    expect(plural(1, 'active campaign')).toBe('1 active campaign');
    expect(plural(2, 'active campaign')).toBe('2 active campaigns');
    expect(plural(0, 'active campaign')).toBe('0 active campaigns');
    expect(plural(12000, 'stream')).toBe('12,000 streams');
    expect(plural(3, 'smaller campaign')).toBe('3 smaller campaigns');
  });

  it('writes a 0-1 rate as a percentage', () => {
    expect(formatShare(0.6333)).toBe('63%');
    expect(formatShare(1.2345)).toBe('123%');
    expect(formatShare(0.045)).toBe('4.5%');
    expect(formatShare(0)).toBe('0%');
  });
});
