import { z } from 'zod';
import type { Placement } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { missing } from './lookups.ts';
import { placementView, toPlacementView } from './placement-view.ts';

export const PLACEMENT_STATUSES = ['active', 'paused', 'completed'] as const;

/** A placement as its edit tools show it: what was booked, plus its state. */
export const placementRecordView = placementView.extend({
  campaign_id: z.string(),
  weekly: z.number().nullable().describe('Streams promised per week, when the vendor quoted one.'),
  status: z.enum(PLACEMENT_STATUSES),
  removed_at: z.string().nullable().describe('When it was removed (its row and delivery history stay).'),
});
export type PlacementRecordView = z.infer<typeof placementRecordView>;

export function toPlacementRecordView(placement: Placement, vendorName: string): PlacementRecordView {
  return {
    ...toPlacementView(placement, vendorName),
    campaign_id: placement.campaignGroupId,
    weekly: placement.weekly,
    status: placement.status.toLowerCase() as PlacementRecordView['status'],
    removed_at: placement.removedAt?.toISOString() ?? null,
  };
}

const withParties = { vendor: { select: { id: true, name: true } }, campaignGroup: { select: { id: true, name: true, artistName: true } } } as const;

/** The placement with its vendor and campaign; not_found naming the field otherwise (also for another organisation's). */
export async function requirePlacement(db: ToolDb, id: string, field = 'placement_id') {
  const placement = await db.placement.findUnique({ where: { id }, include: withParties });
  if (!placement) throw missing(field, 'placement', id);
  return placement;
}

export async function requirePlaylist(db: ToolDb, id: string, field = 'playlist_id') {
  const playlist = await db.playlist.findUnique({ where: { id }, include: { vendor: { select: { name: true } } } });
  if (!playlist) throw missing(field, 'playlist', id);
  return playlist;
}
