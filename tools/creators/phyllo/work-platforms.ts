import type { Network } from '../networks.ts';

/**
 * Phyllo names each network a "work platform" with a stable uuid and a display name. The ids below
 * are the ones Phyllo publishes for the big three (GET /v1/work-platforms); every other network is
 * recognised by its name, which is how Phyllo's own examples tell them apart. An account on a
 * platform not listed here (Spotify, Substack...) is not a creator network and is skipped.
 */
const WORK_PLATFORM_IDS: Record<string, Network> = {
  '9bb8913b-ddd9-430b-a66a-d74d846e6c66': 'instagram',
  '14d9ddf5-51c6-415e-bde6-f8ed36ad7054': 'youtube',
  'de55aeec-0dc8-4119-bf90-16b3d1f0c987': 'tiktok',
};

const WORK_PLATFORM_NAMES: Record<string, Network> = {
  instagram: 'instagram',
  tiktok: 'tiktok',
  youtube: 'youtube',
  twitter: 'twitter',
  x: 'twitter',
  'x (twitter)': 'twitter',
  linkedin: 'linkedin',
  snapchat: 'snapchat',
  pinterest: 'pinterest',
  twitch: 'twitch',
  facebook: 'facebook',
};

export function networkOfWorkPlatform(workPlatform: { id: string; name?: string | null }): Network | null {
  return WORK_PLATFORM_IDS[workPlatform.id] ?? WORK_PLATFORM_NAMES[(workPlatform.name ?? '').trim().toLowerCase()] ?? null;
}

/** The work platform id Phyllo Connect opens directly for a network, when Crescendo knows it. */
export function workPlatformIdOf(network: Network): string | null {
  return Object.entries(WORK_PLATFORM_IDS).find(([, candidate]) => candidate === network)?.[0] ?? null;
}

/** Phyllo's content type (and format) as the word CreatorContent.format uses. */
export function contentFormat(type: string | null | undefined, format: string | null | undefined): string | null {
  const word = (type ?? '').trim().toUpperCase();
  const byType: Record<string, string> = {
    REEL: 'reel', REELS: 'reel', SHORT: 'short', SHORTS: 'short', STORY: 'story', STORIES: 'story', LIVE: 'live', STREAM: 'live',
    VIDEO: 'video', POST: 'post', TWEET: 'post', THREAD: 'post', PIN: 'pin', IMAGE: 'post', CAROUSEL: 'post', CLIP: 'clip',
  };
  if (byType[word]) return byType[word]!;
  const kind = (format ?? '').trim().toUpperCase();
  if (kind === 'VIDEO') return 'video';
  if (kind === 'IMAGE' || kind === 'TEXT' || kind === 'COLLECTION') return 'post';
  return word ? word.toLowerCase().slice(0, 40) : null;
}
