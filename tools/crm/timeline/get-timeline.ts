import { z } from 'zod';
import type { Activity, Prisma } from '../../../db/generated/prisma/client.ts';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { notFound } from '../../registry/errors.ts';
import { decodeCursor, encodeCursor, nextCursorOutput, pageInput } from '../../registry/pagination.ts';
import { labelOf, memberLabels } from './members.ts';
import { relativeTime } from './relative-time.ts';

const TIMELINE_TYPES = ['company', 'contact', 'deal', 'task', 'note', 'client'] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

const timelineEntry = z.object({
  activity_id: z.string(),
  event_id: z.string().describe('One event about several records has one id (shown once here).'),
  when: z.string().describe('ISO 8601 instant.'),
  when_in_words: z.string().describe('Relative to now, e.g. "3 hours ago".'),
  who: z.string().nullable().describe('The member who made the change (name or email); null for Crescendo itself.'),
  surface: z.string().nullable().describe('WEB, SLACK, MCP, CLI, JOB or AGENT.'),
  kind: z.string().describe('created, updated, archived, stage_changed, note_added, task_done, email_captured...'),
  summary: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }).describe('The record the entry is about (a contact or deal of the company, for a company).'),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;
export { timelineEntry };

export const getTimeline = defineTool({
  name: 'get_timeline',
  title: 'Get a record\'s timeline',
  description:
    'What happened to a company, contact, deal, task, note or client, newest first, paginated: when (ISO and in words), who, through which surface, the kind of event and a sentence saying what happened. ' +
    'A company\'s timeline also includes the entries of its contacts, its deals and its Crescendo clients.',
  area: 'crm',
  access: 'read',
  permission: 'crm:read',
  input: z.object({
    subject: z.object({
      type: z.enum(TIMELINE_TYPES).describe(`${TIMELINE_TYPES.join(', ')}.`),
      id: z.string().uuid().describe('The record id.'),
    }).describe('The record whose timeline to read.'),
    ...pageInput,
  }),
  output: z.object({
    entries: z.array(timelineEntry),
    next_cursor: nextCursorOutput,
  }),
  keywords: ['history', 'activity', 'what happened', 'feed', 'log'],
  example: { subject: { type: 'company', id: '01900000-0000-7000-8000-000000000001' }, limit: 20 },
  handler: (ctx, input) => readTimeline(ctx, input.subject, input.limit, input.cursor),
});

/** The subject ids whose entries make up the timeline, by type; not_found when the record is not this organisation's. */
async function timelineSubjects(ctx: Pick<ToolContext, 'db'>, type: TimelineType, id: string): Promise<Partial<Record<TimelineType, string[]>>> {
  const exists = await (async () => {
    switch (type) {
      case 'company': return ctx.db.company.findUnique({ where: { id }, select: { id: true } });
      case 'contact': return ctx.db.contact.findUnique({ where: { id }, select: { id: true } });
      case 'deal': return ctx.db.deal.findUnique({ where: { id }, select: { id: true } });
      case 'task': return ctx.db.task.findUnique({ where: { id }, select: { id: true } });
      case 'note': return ctx.db.note.findUnique({ where: { id }, select: { id: true } });
      case 'client': return ctx.db.client.findUnique({ where: { id }, select: { id: true } });
    }
  })();
  if (!exists) throw notFound(type, id);
  if (type === 'contact') return { contact: await withMergedInto(ctx, 'contact', [id]) };
  if (type !== 'company') return { [type]: [id] };
  const companies = await withMergedInto(ctx, 'company', [id]);
  const [contacts, deals, clients] = await Promise.all([
    ctx.db.contact.findMany({ where: { companyId: { in: companies } }, select: { id: true } }),
    ctx.db.deal.findMany({ where: { companyId: { in: companies } }, select: { id: true } }),
    ctx.db.client.findMany({ where: { companyId: { in: companies } }, select: { id: true } }),
  ]);
  return { company: companies, contact: await withMergedInto(ctx, 'contact', contacts.map((row) => row.id)), deal: deals.map((row) => row.id), client: clients.map((row) => row.id) };
}

/**
 * The records and every record merged into them, however many merges back: the timeline is
 * append-only, so a merged record's entries stay under its own id and the survivor reads them.
 */
async function withMergedInto(ctx: Pick<ToolContext, 'db'>, type: 'company' | 'contact', ids: string[]): Promise<string[]> {
  const all = new Set(ids);
  let frontier = ids;
  while (frontier.length) {
    const where = { mergedIntoId: { in: frontier } };
    const merged = type === 'company'
      ? await ctx.db.company.findMany({ where, select: { id: true } })
      : await ctx.db.contact.findMany({ where, select: { id: true } });
    frontier = merged.map((row) => row.id).filter((mergedId) => !all.has(mergedId));
    for (const mergedId of frontier) all.add(mergedId);
  }
  return [...all];
}

const eventOf = (row: { id: string; data: unknown }) => String((row.data as { event_id?: unknown } | null)?.event_id ?? row.id);

/** Rows older than `row` in the timeline's order (newest first, then by id). */
const olderThan = (row: { id: string; occurredAt: Date }): Prisma.ActivityWhereInput =>
  ({ OR: [{ occurredAt: { lt: row.occurredAt } }, { occurredAt: row.occurredAt, id: { lt: row.id } }] });

/**
 * A record's timeline, newest first, one entry per event (a company's includes its contacts',
 * deals' and clients', and those of records merged into it); `cursor` continues a page.
 */
export async function readTimeline(
  ctx: Pick<ToolContext, 'db' | 'now'>,
  subject: { type: TimelineType; id: string },
  limit: number,
  cursor?: string,
): Promise<{ entries: TimelineEntry[]; next_cursor: string | null }> {
  const subjects = await timelineSubjects(ctx, subject.type, subject.id);
  const afterId = decodeCursor(cursor);
  let after: Prisma.ActivityWhereInput = {};
  if (afterId) {
    const last = await ctx.db.activity.findUnique({ where: { id: afterId }, select: { id: true, occurredAt: true } });
    if (last) after = olderThan(last);
  }
  const bySubject = Object.entries(subjects).filter(([, ids]) => ids.length).map(([type, ids]) => ({ subjectType: type, subjectId: { in: ids } }));
  // One event about several records on this timeline (a note on six contacts of a company, a
  // merge) has a row per record: shown once. Rows are read until the first row of the event after
  // the page's last one, however many rows the page's events have, so the cursor sits after every
  // row of the events shown and there is a next page exactly when another event follows.
  const perRead = limit * 4 + 1;
  const rows: Activity[] = [];
  const seen = new Set<string>();
  let lastRead: Activity | null = null;
  let more = false;
  reading: for (;;) {
    const batch: Activity[] = await ctx.db.activity.findMany({
      where: { AND: [{ OR: bySubject }, lastRead ? olderThan(lastRead) : after] },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take: perRead,
    });
    for (const row of batch) {
      const event = eventOf(row);
      if (!seen.has(event)) {
        if (rows.length === limit) {
          more = true;
          break reading;
        }
        seen.add(event);
        rows.push(row);
      }
      lastRead = row;
    }
    if (batch.length < perRead) break;
  }
  const people = await memberLabels(ctx, rows.map((row) => row.actorUserId));
  const now = ctx.now();
  return {
    entries: rows.map((row) => ({
      activity_id: row.id,
      event_id: eventOf(row),
      when: row.occurredAt.toISOString(),
      when_in_words: relativeTime(row.occurredAt, now),
      who: labelOf(people, row.actorUserId),
      surface: row.surface,
      kind: row.kind,
      summary: row.summary,
      subject: { type: row.subjectType, id: row.subjectId },
    })),
    next_cursor: more && lastRead ? encodeCursor(lastRead.id) : null,
  };
}
