import type { ToolDb } from '../../registry/tenant-scope.ts';
import { toDbPlatform } from '../platform-codes.ts';
import type { Platform } from '../writing/platforms.ts';

export interface TrendingTag {
  tag: string;
  kind: 'hashtag' | 'topic';
  /** The latest observation's score. */
  score: number;
  peakScore: number;
  observations: number;
  lastObservedAt: Date;
  category: string | null;
  source: string;
}

export interface TrendingQuery {
  platform: Platform;
  /** Signals observed in the last `days` days count. */
  days: number;
  category?: string;
  includeTopics: boolean;
  limit: number;
}

/**
 * The platform's tags ranked by their latest observed score in the window (a tag that was hot a
 * week ago and has cooled ranks by today's score), with how often and how high it was seen.
 */
export async function trendingTags(db: ToolDb, now: Date, query: TrendingQuery): Promise<TrendingTag[]> {
  const where = {
    platform: toDbPlatform(query.platform),
    observedAt: { gt: new Date(now.getTime() - query.days * 86_400_000), lte: now },
    ...(query.category ? { category: query.category.trim().toLocaleLowerCase('en') } : {}),
    ...(query.includeTopics ? {} : { kind: 'HASHTAG' as const }),
  };
  const [latest, stats] = await Promise.all([
    db.trendSignal.findMany({ where, distinct: ['tag'], orderBy: [{ tag: 'asc' }, { observedAt: 'desc' }, { score: 'desc' }] }),
    db.trendSignal.groupBy({ by: ['tag'], where, _count: { _all: true }, _max: { score: true } }),
  ]);
  const statsByTag = new Map(stats.map((row) => [row.tag, row]));
  return latest
    .map((row) => {
      const stat = statsByTag.get(row.tag);
      return {
        tag: row.tag,
        kind: row.kind === 'TOPIC' ? ('topic' as const) : ('hashtag' as const),
        score: row.score,
        peakScore: stat?._max.score ?? row.score,
        observations: stat?._count._all ?? 1,
        lastObservedAt: row.observedAt,
        category: row.category,
        source: row.source,
      };
    })
    .toSorted((a, b) => b.score - a.score || b.peakScore - a.peakScore || a.tag.localeCompare(b.tag))
    .slice(0, query.limit);
}
