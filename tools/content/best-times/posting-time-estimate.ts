import { defaultSlotScore } from './posting-time-defaults.ts';
import type { Platform } from '../writing/platforms.ts';

/**
 * How much weight the platform default of a slot carries, in posts: a slot with n posts of its own
 * is estimated as (sum of their relative engagement + PRIOR_POSTS x default) / (n + PRIOR_POSTS).
 * With 5, a slot needs 5 posts before its own history counts as much as the default, so one lucky
 * post cannot make a slot "best", and a slot nobody has posted in keeps the default.
 */
export const PRIOR_POSTS = 5;

/** One published post: when (local weekday and hour) and its interactions. */
export interface MeasuredPost {
  /** 0 = Sunday ... 6 = Saturday, in the time zone asked for. */
  weekday: number;
  hour: number;
  /** likes + comments + shares + saves. */
  interactions: number;
}

export interface SlotEstimate {
  weekday: number;
  hour: number;
  /** Expected engagement relative to the organisation's average post on the platform (1 = average). */
  score: number;
  posts: number;
  /** The slot's own posts' mean relative engagement; null when it has none. */
  measured: number | null;
  /** The platform default the estimate was shrunk toward. */
  defaultScore: number;
}

/**
 * Every one of the week's 168 slots, estimated. Each post's engagement is taken relative to the
 * mean of all the posts (so the figures compare slots, not accounts of different sizes), averaged
 * per slot, and shrunk toward the platform default in proportion to how few posts the slot has.
 * When no post had any interaction, posts carry no information and every slot keeps its default.
 */
export function estimateSlots(platform: Platform, posts: readonly MeasuredPost[]): SlotEstimate[] {
  const total = posts.reduce((sum, post) => sum + post.interactions, 0);
  const mean = posts.length ? total / posts.length : 0;
  const sums = new Map<number, { relative: number; posts: number }>();
  for (const post of posts) {
    const slot = post.weekday * 24 + post.hour;
    const entry = sums.get(slot) ?? { relative: 0, posts: 0 };
    entry.relative += mean > 0 ? post.interactions / mean : 0;
    entry.posts += 1;
    sums.set(slot, entry);
  }
  const slots: SlotEstimate[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const defaultScore = defaultSlotScore(platform, weekday, hour);
      const own = mean > 0 ? sums.get(weekday * 24 + hour) : undefined;
      slots.push({
        weekday,
        hour,
        defaultScore,
        posts: sums.get(weekday * 24 + hour)?.posts ?? 0,
        measured: own ? own.relative / own.posts : null,
        score: own ? (own.relative + PRIOR_POSTS * defaultScore) / (own.posts + PRIOR_POSTS) : defaultScore,
      });
    }
  }
  return slots;
}

/** Best first: higher score, then more posts behind it, then earlier in the week and day. */
export function rankSlots(slots: readonly SlotEstimate[]): SlotEstimate[] {
  return slots.toSorted((a, b) => b.score - a.score || b.posts - a.posts || a.weekday - b.weekday || a.hour - b.hour);
}
