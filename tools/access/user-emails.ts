import type { ToolDb } from '../registry/tenant-scope.ts';

/** Emails of the given users (members of this organisation), in one query. */
export async function emailsOf(db: ToolDb, userIds: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const ids = [...new Set([...userIds].filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  return new Map(users.map((user) => [user.id, user.email]));
}
