import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';

export type RecordSubject = 'client' | 'vendor' | 'playlist' | 'campaign' | 'placement';

export interface ActivityEntry {
  subjectType: RecordSubject;
  subjectId: string;
  kind: 'created' | 'updated' | 'adopted' | 'paid' | 'removed' | 'archived' | 'restored';
  /** One line a person reads on the timeline. */
  summary: string;
  data?: Prisma.InputJsonObject;
}

/** Appends a row to the activity timeline (the CRM shows it), inside the tool's transaction. */
export async function recordActivity(ctx: ToolContext, entry: ActivityEntry): Promise<void> {
  await ctx.db.activity.create({
    data: {
      organizationId: ctx.orgId,
      actorUserId: ctx.actor.userId,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      kind: entry.kind,
      summary: entry.summary.slice(0, 500),
      data: entry.data ?? {},
    },
  });
}

/** "name, phone" style list of what an update changed, for the timeline. */
export function changedFieldsSummary(label: string, fields: readonly string[]): string {
  return `${label} updated: ${fields.join(', ')}`;
}
