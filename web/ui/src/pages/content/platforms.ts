import { PLATFORM_LABELS, PLATFORMS, type Platform } from '../../../../../tools/content/writing/platforms.ts';

export { PLATFORMS, type Platform };

/**
 * Each platform's colour on the calendar, near its brand colour but dark enough that a white
 * label or a 4 px stripe reads on white (Snapchat's yellow is kept for the stripe only, so its
 * chip text stays dark). Colour is never the only cue: every chip also names its platform.
 */
export const PLATFORM_COLOURS: Record<Platform, string> = {
  instagram: '#c13584',
  tiktok: '#00838a',
  facebook: '#1463d6',
  x: '#0f1419',
  pinterest: '#b8001c',
  youtube: '#e05a00',
  snapchat: '#e3c800',
};

/** Short names for a crowded calendar cell; the full name is in the chip's accessible label. */
export const PLATFORM_SHORT: Record<Platform, string> = {
  instagram: 'IG',
  tiktok: 'TT',
  facebook: 'FB',
  x: 'X',
  pinterest: 'Pin',
  youtube: 'YT',
  snapchat: 'Snap',
};

export function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value);
}

export function platformLabel(platform: string): string {
  return isPlatform(platform) ? PLATFORM_LABELS[platform] : platform;
}

export function platformColour(platform: string): string {
  return isPlatform(platform) ? PLATFORM_COLOURS[platform] : '#5d647a';
}
