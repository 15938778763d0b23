import type { ToolDb } from '../../registry/tenant-scope.ts';

/**
 * The distinct vendors with a placement of each song (any campaign); songs with none are absent.
 * The auto-detection half of the ownership rule depends on it.
 */
export async function loadVendorsBySong(db: ToolDb, organizationId: string, trackIds: string[]): Promise<Map<string, Set<string>>> {
  const vendors = new Map<string, Set<string>>();
  if (trackIds.length === 0) return vendors;
  // Raw and array-bound: a Prisma `in` list of 10,000 ids is one bind parameter each.
  const pairs = await db.$queryRaw<Array<{ spotifyTrackId: string; vendorId: string }>>`
    SELECT DISTINCT "spotifyTrackId", "vendorId" FROM "Placement"
    WHERE "organizationId" = ${organizationId} AND "spotifyTrackId" = ANY(${trackIds}::text[])`;
  for (const pair of pairs) vendors.set(pair.spotifyTrackId, (vendors.get(pair.spotifyTrackId) ?? new Set()).add(pair.vendorId));
  return vendors;
}
