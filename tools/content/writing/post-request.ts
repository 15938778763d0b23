import type { Platform, PostStyle } from './platforms.ts';

/** What is promoted, as the prompt needs it (a `Release` row and its assets, once they exist). */
export interface ReleaseBrief {
  title: string;
  artist: string;
  /** single, album, tour date, merch drop, product. */
  kind?: string;
  /** ISO date (2026-12-12), or null when not set yet. */
  date: string | null;
  links: Array<{ label: string; url: string }>;
  key_points: string[];
  assets: Array<{ kind: 'image' | 'video'; url: string; alt_text: string }>;
  genre?: string;
  mood?: string;
}

/** A voice to write in: a few example posts and do/don't rules (`set_brand_voice`). */
export interface BrandVoice {
  examples: string[];
  do: string[];
  dont: string[];
}

export interface TrendingHashtag {
  platform: Platform;
  /** Without '#'. */
  tag: string;
  /** Higher trends more; only the order matters here. */
  score: number;
}

/** Everything one `generate_posts` call writes from. */
export interface PostRequest {
  release: ReleaseBrief;
  platforms: Platform[];
  style: PostStyle;
  /** In the requester's words ("playful", "warm, no exclamation marks"). */
  tone?: string;
  /** Drafts per platform; default 1. */
  count?: number;
  /** Default true. */
  includeHashtags?: boolean;
  /** Posts in each X thread; default 3. */
  threadLength?: number;
  brandVoice: { organisation?: BrandVoice; artist?: BrandVoice };
  trendingHashtags?: TrendingHashtag[];
}

export const DEFAULT_DRAFT_COUNT = 1;
export const DEFAULT_THREAD_LENGTH = 3;
