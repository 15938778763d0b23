import { conflict } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { nameKey } from '../delivery/playlist-ownership.ts';

/**
 * Vendor names are unique per organisation, compared case-insensitively ("Club Restricted" and
 * "club restricted" are one vendor): refuse a second one with a message saying which exists.
 */
export async function assertVendorNameFree(db: ToolDb, name: string, exceptId?: string): Promise<void> {
  // Prisma runs `equals` + `insensitive` as an unescaped ILIKE (`_` and `%` are wildcards), so the
  // query only narrows the candidates; the exact comparison happens here.
  const candidates = await db.vendor.findMany({
    where: { name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, name: true },
  });
  const existing = candidates.find((vendor) => nameKey(vendor.name) === nameKey(name));
  if (existing) {
    throw conflict(`A vendor named "${existing.name}" already exists (id ${existing.id}); use update_vendor to change it, or pick another name.`);
  }
}
