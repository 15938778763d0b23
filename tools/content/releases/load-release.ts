import type { Release } from '../../../db/generated/prisma/client.ts';
import { notFound } from '../../registry/errors.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';

/** The organisation's release, or not_found (also for another organisation's id). */
export async function requireRelease(db: ToolDb, id: string): Promise<Release> {
  const release = await db.release.findFirst({ where: { id } });
  if (!release) throw notFound('release', id);
  return release;
}
