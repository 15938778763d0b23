import { describe, expect, it } from 'vitest';
import { displayName } from './display-names.ts';

describe('display names', () => {
  it('writes channel, platform and model keys as people read them', () => {
    expect(displayName('spotify_marquee')).toBe('Spotify Marquee');
    expect(displayName('last_touch')).toBe('Last touch');
    expect(displayName('tiktok')).toBe('TikTok');
    expect(displayName('(direct)')).toBe('Direct');
    expect(displayName('(none)')).toBe('No campaign');
    expect(displayName('radio_promo')).toBe('Radio promo');
    expect(displayName('Lowtide')).toBe('Lowtide');
  });
});
