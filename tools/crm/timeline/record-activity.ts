import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';

/** What a CRM timeline entry can be about. */
export type CrmSubject = 'company' | 'contact' | 'deal' | 'task' | 'note' | 'client';

export interface CrmActivity {
  /** Every record the event is about: each gets its own row, sharing data.event_id. */
  subjects: ReadonlyArray<{ type: CrmSubject; id: string }>;
  /** created, updated, archived, stage_changed, merged, note_added, email_captured, task_done, ... */
  kind: string;
  /** The sentence a person reads, with names and never ids ("Sam Lee moved deal 'Spring tour' from Proposal to Negotiation"). */
  summary: string;
  data?: Prisma.InputJsonObject;
}

const MAX_SUMMARY = 500;

/**
 * Appends one event to the append-only timeline, inside the calling tool's transaction (so a
 * failed change writes no activity and a committed one always has its entry), with who made it
 * and through which surface.
 */
export async function recordActivity(ctx: Pick<ToolContext, 'db' | 'orgId' | 'actor' | 'now'>, activity: CrmActivity): Promise<string> {
  const eventId = randomUUID();
  const subjects = [...new Map(activity.subjects.map((subject) => [`${subject.type}:${subject.id}`, subject])).values()];
  await ctx.db.activity.createMany({
    data: subjects.map((subject) => ({
      organizationId: ctx.orgId,
      actorUserId: ctx.actor.userId,
      surface: ctx.actor.surface,
      subjectType: subject.type,
      subjectId: subject.id,
      kind: activity.kind,
      summary: activity.summary.slice(0, MAX_SUMMARY),
      data: { ...(activity.data ?? {}), event_id: eventId },
      occurredAt: ctx.now(),
    })),
  });
  return eventId;
}
