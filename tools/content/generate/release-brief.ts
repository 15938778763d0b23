import type { Release } from '../../../db/generated/prisma/client.ts';
import { isoDay } from '../../common/format.ts';
import { storedAssets, storedLinks } from '../releases/release-view.ts';
import type { ReleaseBrief } from '../writing/post-request.ts';

/** A release row as the drafting prompt reads it. */
export function releaseBrief(release: Release): ReleaseBrief {
  return {
    title: release.title,
    artist: release.artistName,
    kind: release.kind.toLowerCase().replace(/_/g, ' '),
    date: release.releaseDate ? isoDay(release.releaseDate) : null,
    links: Object.entries(storedLinks(release.links)).map(([label, url]) => ({ label: label.replace(/_/g, ' '), url })),
    key_points: release.keyPoints,
    assets: storedAssets(release.assets),
    ...(release.genre ? { genre: release.genre } : {}),
    ...(release.mood ? { mood: release.mood } : {}),
  };
}
