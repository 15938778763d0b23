import { PLATFORM_LABELS, type Platform } from './platforms.ts';
import { formatCount } from './text-measures.ts';

/** One limit a draft breaks: which field, what was measured, and the bounds it must keep. */
export interface LimitViolation {
  platform: Platform;
  /** The draft field as a person would write it: `caption`, `posts[2]`, `tags`. */
  field: string;
  unit: 'characters' | 'bytes' | 'weighted characters' | 'hashtags' | 'video ideas' | 'angle brackets';
  actual: number;
  min?: number;
  max?: number;
  /** e.g. "caption with hashtags is 2,201 characters, over Instagram's 2,200". */
  message: string;
}

/** A violation when `actual` is outside `min`..`max`, else null. */
export function outside(
  platform: Platform,
  field: string,
  what: string,
  unit: LimitViolation['unit'],
  actual: number,
  bounds: { min?: number; max?: number },
): LimitViolation | null {
  const label = PLATFORM_LABELS[platform];
  // Lengths "are" so many characters; lists "have" so many items.
  const verb = unit === 'hashtags' || unit === 'video ideas' ? 'has' : 'is';
  if (bounds.max !== undefined && actual > bounds.max) {
    return { platform, field, unit, actual, ...bounds, message: `${what} ${verb} ${formatCount(actual)} ${unit}, over ${label}'s ${formatCount(bounds.max)}` };
  }
  if (bounds.min !== undefined && actual < bounds.min) {
    return { platform, field, unit, actual, ...bounds, message: `${what} has ${formatCount(actual)} ${unit}, under ${label}'s minimum of ${formatCount(bounds.min)}` };
  }
  return null;
}
