import type { Network } from './networks.ts';

/**
 * What a link to a creator's post says: the network it is on, the platform's own post id when the
 * URL carries a stable one, and one normalised spelling of the URL.
 *
 * `externalId` is what CreatorContent rows are keyed by (unique per platform): the platform's post
 * id when the URL has one (TikTok /video/<id>, YouTube watch?v=<id> / shorts/<id> / youtu.be/<id>,
 * Instagram /p|reel|tv/<shortcode>, X /status/<id>, ...), else the normalised URL. Phyllo's sync
 * upserts by the platform's content id and falls back to the URL, so a link submitted by hand and
 * the same post synced later land on one row.
 */
export interface ContentLink {
  /** null when the host is no network creators publish on. */
  network: Network | null;
  /** The platform's post id, or `normalisedUrl` when the URL has no stable id. */
  externalId: string;
  /** True when `externalId` is the platform's id rather than the URL. */
  hasPlatformId: boolean;
  normalisedUrl: string;
  /** What the path says the post is (short, reel, video, post, clip, pin, story), when it says. */
  format: string | null;
}

/** Query parameters that change what a page shows; everything else (utm_*, si, igsh, feature...) is tracking. */
const KEPT_QUERY = new Set(['v', 'story_fbid', 'id', 'fbid', 'list']);

const HOST_NETWORKS: Array<[RegExp, Network]> = [
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)youtube\.com$|^youtu\.be$|(^|\.)youtube-nocookie\.com$/, 'youtube'],
  [/(^|\.)instagram\.com$|^instagr\.am$/, 'instagram'],
  [/(^|\.)twitter\.com$|(^|\.)x\.com$|^t\.co$/, 'twitter'],
  [/(^|\.)twitch\.tv$/, 'twitch'],
  [/(^|\.)facebook\.com$|^fb\.watch$|^fb\.com$/, 'facebook'],
  [/(^|\.)pinterest\.[a-z.]+$|^pin\.it$/, 'pinterest'],
  [/(^|\.)linkedin\.com$|^lnkd\.in$/, 'linkedin'],
  [/(^|\.)snapchat\.com$/, 'snapchat'],
];

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const INSTAGRAM_CODE = /^[A-Za-z0-9_-]{5,}$/;
const DIGITS = /^\d{3,}$/;

/** Parses a post URL. Throws when `url` is no absolute http(s) URL (tool inputs check that first). */
export function parseContentLink(url: string): ContentLink {
  const parsed = toUrl(url);
  const host = parsed.hostname.toLowerCase().replace(/^(www|m|mobile|web|vm|vt)\./, '');
  const fullHost = parsed.hostname.toLowerCase();
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '').map(safeDecode);
  const network = HOST_NETWORKS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
  // Only www. is dropped from hosts no network owns (web.example.com may be another site); m. and mobile. mirror the network's site.
  const normalisedUrl = normaliseUrl(parsed, fullHost.replace(network ? /^(www|m|mobile)\./ : /^www\./, ''));
  const found = network ? PARSERS[network](segments, parsed.searchParams, fullHost) : null;
  if (!network || !found) return { network, externalId: normalisedUrl, hasPlatformId: false, normalisedUrl, format: null };
  return { network, externalId: found.id, hasPlatformId: true, normalisedUrl: found.url, format: found.format };
}

/**
 * The same URL spelled one way: the network's canonical post URL when it has an id, else https, lower-case
 * host without www., no fragment, no tracking parameters, no trailing slash.
 */
export function normaliseContentUrl(url: string): string {
  const parsed = toUrl(url);
  return parseContentLink(url).normalisedUrl;
}

function toUrl(url: string): URL {
  const text = url.trim();
  if (!/^https?:\/\//i.test(text)) throw new Error(`"${text.slice(0, 80)}" is not an http:// or https:// link`);
  return new URL(text);
}

function normaliseUrl(parsed: URL, host: string): string {
  const query = [...parsed.searchParams.entries()]
    .filter(([key]) => KEPT_QUERY.has(key))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  const path = parsed.pathname.replace(/\/+$/, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  return `https://${host}${port}${path}${query ? `?${query}` : ''}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface Found {
  id: string;
  url: string;
  format: string | null;
}

function seg(segments: string[], index: number): string {
  return segments[index] ?? '';
}

type Parser = (segments: string[], query: URLSearchParams, host: string) => Found | null;

const PARSERS: Record<Network, Parser> = {
  tiktok(segments) {
    // /@user/video/<id>, /@user/photo/<id>, /v/<id>.html, /embed/v2/<id>
    const at = segments.findIndex((segment) => segment === 'video' || segment === 'photo');
    if (at >= 0 && DIGITS.test(seg(segments, at + 1))) {
      const id = seg(segments, at + 1);
      const user = seg(segments, 0).startsWith('@') ? seg(segments, 0) : null;
      const kind = seg(segments, at);
      return { id, url: user ? `https://www.tiktok.com/${user}/${kind}/${id}` : `https://www.tiktok.com/video/${id}`, format: kind === 'photo' ? 'photo' : 'video' };
    }
    if (seg(segments, 0) === 'v' && /^\d{3,}(\.html)?$/.test(seg(segments, 1))) {
      const id = seg(segments, 1).replace(/\.html$/, '');
      return { id, url: `https://www.tiktok.com/video/${id}`, format: 'video' };
    }
    const embed = seg(segments, 0) === 'embed' ? segments.find((segment) => DIGITS.test(segment)) : undefined;
    if (embed) return { id: embed, url: `https://www.tiktok.com/video/${embed}`, format: 'video' };
    return null;
  },
  youtube(segments, query, host) {
    if (host.endsWith('youtu.be')) {
      const id = seg(segments, 0);
      return YOUTUBE_ID.test(id) ? { id, url: `https://www.youtube.com/watch?v=${id}`, format: 'video' } : null;
    }
    if (seg(segments, 0) === 'watch') {
      const id = query.get('v') ?? '';
      return YOUTUBE_ID.test(id) ? { id, url: `https://www.youtube.com/watch?v=${id}`, format: 'video' } : null;
    }
    if (['shorts', 'embed', 'live', 'v', 'e'].includes(seg(segments, 0))) {
      const id = seg(segments, 1);
      if (!YOUTUBE_ID.test(id)) return null;
      if (seg(segments, 0) === 'shorts') return { id, url: `https://www.youtube.com/shorts/${id}`, format: 'short' };
      return { id, url: `https://www.youtube.com/watch?v=${id}`, format: seg(segments, 0) === 'live' ? 'live' : 'video' };
    }
    return null;
  },
  instagram(segments) {
    // /p/<code>, /reel/<code>, /reels/<code>, /tv/<code>, and the same after a /<username>/ prefix.
    const at = segments.findIndex((segment) => ['p', 'reel', 'reels', 'tv'].includes(segment));
    if (at < 0 || at > 1) return null;
    const code = seg(segments, at + 1);
    if (!INSTAGRAM_CODE.test(code)) return null;
    const kind = seg(segments, at) === 'reels' ? 'reel' : seg(segments, at);
    const format = kind === 'p' ? 'post' : kind === 'tv' ? 'video' : 'reel';
    return { id: code, url: `https://www.instagram.com/${kind}/${code}`, format };
  },
  twitter(segments) {
    // /<user>/status/<id>, /i/web/status/<id>, /<user>/statuses/<id>
    const at = segments.findIndex((segment) => segment === 'status' || segment === 'statuses');
    const id = at >= 0 ? seg(segments, at + 1) : '';
    if (!DIGITS.test(id)) return null;
    const user = at === 1 && seg(segments, 0) !== 'i' ? seg(segments, 0) : 'i';
    return { id, url: user === 'i' ? `https://x.com/i/status/${id}` : `https://x.com/${user}/status/${id}`, format: 'post' };
  },
  twitch(segments, _query, host) {
    if (seg(segments, 0) === 'videos' && DIGITS.test(seg(segments, 1))) {
      return { id: seg(segments, 1), url: `https://www.twitch.tv/videos/${seg(segments, 1)}`, format: 'video' };
    }
    if (host.startsWith('clips.') && seg(segments, 0)) return { id: seg(segments, 0), url: `https://clips.twitch.tv/${seg(segments, 0)}`, format: 'clip' };
    if (seg(segments, 1) === 'clip' && seg(segments, 2)) return { id: seg(segments, 2), url: `https://clips.twitch.tv/${seg(segments, 2)}`, format: 'clip' };
    return null;
  },
  facebook(segments, query) {
    // /<page>/posts/<id>, /<page>/videos/<id>, /reel/<id>, /watch?v=<id>, /permalink.php?story_fbid=<id>, /photo?fbid=<id>
    if (seg(segments, 0) === 'watch' && query.get('v') && /^\d+$/.test(query.get('v') ?? '')) {
      const id = query.get('v') ?? '';
      return { id, url: `https://www.facebook.com/watch?v=${id}`, format: 'video' };
    }
    if (seg(segments, 0) === 'reel' && DIGITS.test(seg(segments, 1))) {
      return { id: seg(segments, 1), url: `https://www.facebook.com/reel/${seg(segments, 1)}`, format: 'reel' };
    }
    const story = query.get('story_fbid') ?? query.get('fbid');
    if (story && /^(\d+|pfbid[A-Za-z0-9]+)$/.test(story)) {
      return { id: story, url: `https://www.facebook.com/permalink.php?story_fbid=${story}`, format: 'post' };
    }
    const at = segments.findIndex((segment) => segment === 'posts' || segment === 'videos');
    const id = at >= 1 ? seg(segments, at + 1) : '';
    if (/^(\d{3,}|pfbid[A-Za-z0-9]+)$/.test(id)) {
      return { id, url: `https://www.facebook.com/${seg(segments, 0)}/${seg(segments, at)}/${id}`, format: seg(segments, at) === 'videos' ? 'video' : 'post' };
    }
    return null;
  },
  pinterest(segments) {
    if (seg(segments, 0) === 'pin' && DIGITS.test(seg(segments, 1))) {
      return { id: seg(segments, 1), url: `https://www.pinterest.com/pin/${seg(segments, 1)}`, format: 'pin' };
    }
    return null;
  },
  linkedin(segments) {
    // /feed/update/urn:li:activity:<id>, /posts/<slug>-activity-<id>-<suffix>, urn:li:ugcPost:<id>
    if (seg(segments, 0) === 'feed' && seg(segments, 1) === 'update') {
      const match = /^urn:li:(activity|ugcPost|share):(\d+)$/.exec(seg(segments, 2));
      if (match?.[1] && match[2]) return { id: match[2], url: `https://www.linkedin.com/feed/update/urn:li:${match[1]}:${match[2]}`, format: 'post' };
    }
    if (seg(segments, 0) === 'posts') {
      const match = /-(activity|ugcPost|share)-(\d{6,})-/.exec(`${seg(segments, 1)}-`);
      if (match?.[1] && match[2]) return { id: match[2], url: `https://www.linkedin.com/feed/update/urn:li:${match[1]}:${match[2]}`, format: 'post' };
    }
    return null;
  },
  snapchat(segments) {
    // /spotlight/<id>, /@user/spotlight/<id>, /p/<id> (public stories)
    const at = segments.findIndex((segment) => segment === 'spotlight');
    if (at >= 0 && /^[A-Za-z0-9_-]{10,}$/.test(seg(segments, at + 1))) {
      return { id: seg(segments, at + 1), url: `https://www.snapchat.com/spotlight/${seg(segments, at + 1)}`, format: 'spotlight' };
    }
    if (seg(segments, 0) === 'p' && /^[A-Za-z0-9_-]{10,}$/.test(seg(segments, 1))) {
      return { id: seg(segments, 1), url: `https://www.snapchat.com/p/${seg(segments, 1)}`, format: 'story' };
    }
    return null;
  },
};
