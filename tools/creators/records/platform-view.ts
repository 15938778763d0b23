import { z } from 'zod';
import type { CreatorPlatform } from '../../../db/generated/prisma/client.ts';
import { NETWORKS, fromDbNetwork } from '../networks.ts';

export const CONNECTIONS = ['not_connected', 'connected', 'disconnected', 'error'] as const;

/** Phyllo keeps this platform's figures: hand-typed or imported figures would be overwritten, so they are refused. */
export function isSynced(platform: Pick<CreatorPlatform, 'phylloAccountId' | 'connection'>): boolean {
  return platform.phylloAccountId !== null || platform.connection === 'CONNECTED';
}

/** "tiktok is synced by Phyllo (connected, last synced 2026-11-30 08:00 UTC)". */
export function syncedPhrase(platform: Pick<CreatorPlatform, 'network' | 'connection' | 'lastSyncedAt'>): string {
  const synced = platform.lastSyncedAt ? `last synced ${platform.lastSyncedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'not synced yet';
  return `${fromDbNetwork(platform.network)} is synced by Phyllo (${platform.connection.toLowerCase().replace('_', ' ')}, ${synced})`;
}

export const platformView = z.object({
  id: z.string().describe('creator_platform_id.'),
  network: z.enum(NETWORKS),
  handle: z.string(),
  url: z.string().nullable(),
  connection: z.enum(CONNECTIONS).describe('Phyllo connection: not_connected, connected, disconnected or error.'),
  connection_error: z.string().nullable(),
  synced: z.boolean().describe('Figures come from Phyllo and cannot be typed by hand.'),
  metrics_source: z.string().describe('manual, import or phyllo: where the figures came from.'),
  last_synced_at: z.string().nullable(),
  followers: z.int().nullable(),
  following: z.int().nullable(),
  engagement_rate: z.number().nullable().describe('0..1 (0.042 = 4.2%).'),
  average_views: z.int().nullable(),
  average_likes: z.int().nullable(),
  average_comments: z.int().nullable(),
  posts_count: z.int().nullable(),
  updated_at: z.string(),
});
export type PlatformView = z.input<typeof platformView>;

export function toPlatformView(platform: CreatorPlatform): PlatformView {
  return {
    id: platform.id,
    network: fromDbNetwork(platform.network),
    handle: platform.handle,
    url: platform.url,
    connection: platform.connection.toLowerCase() as (typeof CONNECTIONS)[number],
    connection_error: platform.connectionError,
    synced: isSynced(platform),
    metrics_source: platform.metricsSource,
    last_synced_at: platform.lastSyncedAt?.toISOString() ?? null,
    followers: platform.followers,
    following: platform.following,
    engagement_rate: platform.engagementRate === null ? null : Number(platform.engagementRate),
    average_views: platform.averageViews,
    average_likes: platform.averageLikes,
    average_comments: platform.averageComments,
    posts_count: platform.postsCount,
    updated_at: platform.updatedAt.toISOString(),
  };
}

/** Networks in the order NETWORKS lists them (instagram, tiktok, youtube...). */
export function byNetworkOrder<Row extends { network: CreatorPlatform['network'] }>(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => NETWORKS.indexOf(fromDbNetwork(a.network)) - NETWORKS.indexOf(fromDbNetwork(b.network)));
}
