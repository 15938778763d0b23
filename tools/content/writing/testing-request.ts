import type { PostRequest } from './post-request.ts';

/** A complete request for tests; fields can be overridden. */
export function postRequest(overrides: Partial<PostRequest> = {}): PostRequest {
  return {
    release: {
      title: 'Night Drive',
      artist: 'Lumen Fields',
      kind: 'single',
      date: '2026-12-12',
      links: [{ label: 'smart link', url: 'https://lnk.example/night-drive' }],
      key_points: ['First single from the album Long Roads', 'Recorded in one night'],
      assets: [{ kind: 'image', url: 'https://cdn.example/cover.jpg', alt_text: 'A car on an empty road at dusk' }],
      genre: 'indie pop',
      mood: 'wistful',
    },
    platforms: ['instagram'],
    style: 'promotional',
    brandVoice: {
      organisation: { examples: ['New music Friday: out now.'], do: ['Use British spelling'], dont: ['No exclamation marks'] },
      artist: { examples: ['late roads, low lights'], do: ['lower case'], dont: [] },
    },
    trendingHashtags: [
      { platform: 'tiktok', tag: 'nightdrive', score: 90 },
      { platform: 'tiktok', tag: 'indiepop', score: 70 },
      { platform: 'instagram', tag: 'newmusicfriday', score: 80 },
    ],
    ...overrides,
  };
}
